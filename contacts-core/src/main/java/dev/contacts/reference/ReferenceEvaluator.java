package dev.contacts.reference;

import dev.contacts.filter.All;
import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.None;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.filter.RelativePeriod;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Attributed;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.EntityId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reference meaning of filters, sorts and paging: a literal, in-memory implementation
 * of docs/filter-semantics.md §1–§8, written straight from the text for clarity rather than speed.
 * Every store is compared with it by the TCK, so it shares no query code with any store:
 * it does not lower, plan or translate filters, it evaluates them item by item.
 *
 * <p>What it implements:
 * <ul>
 *   <li><b>Unknown</b> (§1, §3): a value is unknown when {@link Attributed#value(String)}
 *       returns {@code null} (never set, blank text, empty set — the model normalises those
 *       to {@code null}). A positive operator never matches an unknown value; every negative
 *       operator is evaluated as {@code !positiveTwin}, and {@code not f} as {@code !f}, so
 *       negatives include unknown values by construction.</li>
 *   <li><b>Text</b> (§3): every comparison is between {@link Values#fold folds} of whole
 *       strings ({@code contains}, {@code starts with}, {@code ends with} are
 *       {@link String#contains}, {@link String#startsWith}, {@link String#endsWith} on
 *       folds); no character is special. On a TEXT_SET, an operator holds when it holds
 *       for some element; {@code is all of} holds when every listed value fold-equals
 *       some element.</li>
 *   <li><b>Dates</b> (§3): local days are days in the evaluator's zone; the start of a day
 *       is {@code day.atStartOfDay(zone)} (which skips DST gaps). Minutes and hours are
 *       exact durations; days, weeks and months are calendar arithmetic on the local
 *       date-time of {@code now} in the zone.</li>
 *   <li><b>Organizations</b> (§4): {@code organization} is the set of linked ids;
 *       {@code organization.name} holds for a positive text operator when some linked
 *       organization found in the evaluator's organization map has a matching name (ids
 *       missing from the map are ignored, like organizations of another property).</li>
 *   <li><b>Sorting</b> (§7): see {@link #comparator(Sort)}.</li>
 *   <li><b>Paging and counting</b> (§8): see {@link #pageAfter} and {@link #count}.</li>
 * </ul>
 *
 * <p>Filters are assumed valid for the property (attributes defined, operators fitting the
 * attribute types, as the core checks before a filter reaches a store). An operator met on
 * a type it does not apply to, or an operand of the wrong class, is a programming error and
 * throws {@link IllegalArgumentException}; it is never silently "no match". The internal
 * seek conditions of §8 (such as {@code <} on text) are not part of the user-level
 * semantics and are rejected the same way: paging is expressed here through
 * {@link #pageAfter}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ReferenceEvaluator {

    /**
     * Strings ordered by Unicode code point (= UTF-8 byte order), as §7 requires for text
     * sort keys. This differs from {@link String#compareTo}, which compares UTF-16 code
     * units, only when a character above U+FFFF meets one in U+E000–U+FFFF: for example
     * U+FF5E comes before U+1F600 here, after it in UTF-16 order. A proper prefix comes
     * before the longer string.
     */
    public static final Comparator<String> CODE_POINT_ORDER = ReferenceEvaluator::compareByCodePoint;

    /**
     * Ids ordered as unsigned 128-bit numbers (§7), which is the order of their canonical
     * lower-case text. {@link java.util.UUID#compareTo} compares signed halves and gives
     * another order.
     */
    public static final Comparator<EntityId> ID_ORDER = ReferenceEvaluator::compareIds;

    /** Positive operators that apply to each type (§3, §4); negatives are their complements. */
    private static final Map<AttributeType, Set<Operator>> POSITIVE_OPERATORS = Map.of(
            AttributeType.TEXT, EnumSet.of(Operator.HAS_ANY_VALUE, Operator.IS, Operator.IS_ANY_OF,
                    Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH),
            AttributeType.TEXT_SET, EnumSet.of(Operator.HAS_ANY_VALUE, Operator.IS, Operator.IS_ANY_OF,
                    Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH, Operator.IS_ALL_OF),
            AttributeType.NUMBER, EnumSet.of(Operator.HAS_ANY_VALUE, Operator.EQ, Operator.LT, Operator.LE,
                    Operator.GT, Operator.GE, Operator.BETWEEN),
            AttributeType.DATE, EnumSet.of(Operator.HAS_ANY_VALUE, Operator.ON, Operator.BEFORE, Operator.AFTER,
                    Operator.BETWEEN, Operator.WITHIN_LAST, Operator.MORE_THAN_AGO, Operator.WITHIN_NEXT,
                    Operator.LT, Operator.LE, Operator.GT, Operator.GE),
            AttributeType.BOOLEAN, EnumSet.of(Operator.HAS_ANY_VALUE, Operator.IS),
            AttributeType.ORG_LINK, EnumSet.of(Operator.HAS_ANY_VALUE, Operator.IS, Operator.IS_ANY_OF));

    private final ZoneId zone;
    private final Instant now;
    private final Map<OrganizationId, Organization> organizations;

    /**
     * @param zone          the zone of local days ({@code on}, {@code before}, {@code after},
     *                      {@code between} days) and of calendar units (days, weeks, months)
     * @param now           the instant relative date filters are evaluated at; truncated to
     *                      milliseconds, as a query's {@code now} is (§3)
     * @param organizations the organizations of the property, by id, used to evaluate
     *                      {@code organization.name} conditions on a contact's linked ids;
     *                      copied
     */
    public ReferenceEvaluator(ZoneId zone, Instant now, Map<OrganizationId, Organization> organizations) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.now = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MILLIS);
        this.organizations = Map.copyOf(Objects.requireNonNull(organizations, "organizations"));
    }

    /** @return the zone of local days */
    public ZoneId zone() {
        return zone;
    }

    /** @return the instant relative date filters are evaluated at, in milliseconds */
    public Instant now() {
        return now;
    }

    // ------------------------------------------------------------------ filters (§3–§5)

    /**
     * Whether an item matches a filter. {@code matches(Filter.not(f), x) == !matches(f, x)}
     * for every filter and item, unknown values included.
     *
     * @param filter a valid filter
     * @param item   a contact or an organization
     * @return whether the item matches
     * @throws IllegalArgumentException if an operator does not apply to the attribute's type
     *         or an operand has the wrong class
     * @throws dev.contacts.UnknownAttributeException if the item has no such attribute
     */
    public boolean matches(Filter filter, Attributed item) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(item, "item");
        if (filter instanceof All) {
            return true;
        }
        if (filter instanceof None) {
            return false;
        }
        if (filter instanceof And) {
            for (Filter f : ((And) filter).filters()) {
                if (!matches(f, item)) {
                    return false;
                }
            }
            return true;
        }
        if (filter instanceof Or) {
            for (Filter f : ((Or) filter).filters()) {
                if (matches(f, item)) {
                    return true;
                }
            }
            return false;
        }
        if (filter instanceof Not) {
            return !matches(((Not) filter).filter(), item);
        }
        if (filter instanceof Condition) {
            return matchesCondition((Condition) filter, item);
        }
        throw new IllegalArgumentException("unexpected filter " + filter);
    }

    /**
     * A condition: a positive operator is evaluated as itself; a negative one as the exact
     * complement of its positive twin.
     */
    private boolean matchesCondition(Condition c, Attributed item) {
        Operator op = c.operator();
        if (op.isPositive()) {
            return holds(c, op, item);
        }
        Operator twin = op.complement();
        if (twin == null || !twin.isPositive()) {
            throw new IllegalArgumentException("negative operator '" + op.spelling() + "' has no positive twin");
        }
        return !holds(c, twin, item);
    }

    /** Whether the positive operator {@code op} holds for the condition's attribute and operands. */
    private boolean holds(Condition c, Operator op, Attributed item) {
        String attribute = c.attribute();
        if (attribute.equals(BuiltInAttributes.ORGANIZATION_NAME) && item instanceof Contact) {
            return holdsOnOrganizationNames(c, op, (Contact) item);
        }
        Object x = item.value(attribute); // throws UnknownAttributeException for a name the item does not have
        AttributeType type = typeOf(attribute, item, x);
        if (type != null && !POSITIVE_OPERATORS.get(type).contains(op)) {
            throw notApplicable(c, type);
        }
        if (x == null) {
            return false; // unknown: no positive operator matches it
        }
        if (op == Operator.HAS_ANY_VALUE) {
            return true;
        }
        switch (type) {
            case TEXT:
                return holdsOnText(c, op, (String) x);
            case TEXT_SET:
                return holdsOnTextSet(c, op, textList(c, x));
            case NUMBER:
                return holdsOnNumber(c, op, (BigDecimal) x);
            case DATE:
                return holdsOnDate(c, op, (Instant) x);
            case BOOLEAN:
                return holdsOnBoolean(c, op, (Boolean) x);
            case ORG_LINK:
                return holdsOnOrganizationLinks(c, op, organizationList(c, x));
            default:
                throw notApplicable(c, type);
        }
    }

    /**
     * The type of an attribute: from the built-in catalogue for built-in names, else (custom
     * attributes) from the Java class of the value; null when a custom value is unknown.
     */
    private static AttributeType typeOf(String attribute, Attributed item, Object value) {
        if (!attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            AttributeDefinition d = BuiltInAttributes.find(targetOf(item), attribute);
            if (d != null) {
                return d.type();
            }
        }
        if (value == null) {
            return null;
        }
        AttributeType type = Values.typeOf(value);
        if (type == null) {
            throw new IllegalArgumentException("attribute '" + attribute + "' has a value of unexpected class "
                    + value.getClass().getName());
        }
        return type;
    }

    private static Target targetOf(Attributed item) {
        return item instanceof Contact ? Target.CONTACT : Target.ORGANIZATION;
    }

    /** TEXT: fold-equal, fold-equal to one of the values, fold substring, prefix, suffix. */
    private static boolean holdsOnText(Condition c, Operator op, String x) {
        String fx = Values.fold(x);
        switch (op) {
            case IS:
                return fx.equals(Values.fold(textOperand(c, 0)));
            case IS_ANY_OF:
                for (int i = 0; i < c.operands().size(); i++) {
                    if (fx.equals(Values.fold(textOperand(c, i)))) {
                        return true;
                    }
                }
                return false;
            case CONTAINS:
                return fx.contains(Values.fold(textOperand(c, 0)));
            case STARTS_WITH:
                return fx.startsWith(Values.fold(textOperand(c, 0)));
            case ENDS_WITH:
                return fx.endsWith(Values.fold(textOperand(c, 0)));
            default:
                throw notApplicable(c, AttributeType.TEXT);
        }
    }

    /**
     * TEXT_SET: {@code is all of} = every listed value fold-equals some element; every other
     * operator = it holds for some element, as on TEXT.
     */
    private static boolean holdsOnTextSet(Condition c, Operator op, List<String> elements) {
        if (op == Operator.IS_ALL_OF) {
            for (int i = 0; i < c.operands().size(); i++) {
                String wanted = Values.fold(textOperand(c, i));
                boolean found = false;
                for (String element : elements) {
                    if (Values.fold(element).equals(wanted)) {
                        found = true;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        for (String element : elements) {
            if (holdsOnText(c, op, element)) {
                return true;
            }
        }
        return false;
    }

    /** NUMBER: compared with {@link BigDecimal#compareTo}, so {@code 5} = {@code 5.0}. */
    private static boolean holdsOnNumber(Condition c, Operator op, BigDecimal x) {
        switch (op) {
            case EQ:
                return x.compareTo(operand(c, 0, BigDecimal.class)) == 0;
            case LT:
                return x.compareTo(operand(c, 0, BigDecimal.class)) < 0;
            case LE:
                return x.compareTo(operand(c, 0, BigDecimal.class)) <= 0;
            case GT:
                return x.compareTo(operand(c, 0, BigDecimal.class)) > 0;
            case GE:
                return x.compareTo(operand(c, 0, BigDecimal.class)) >= 0;
            case BETWEEN:
                return x.compareTo(operand(c, 0, BigDecimal.class)) >= 0
                        && x.compareTo(operand(c, 1, BigDecimal.class)) <= 0;
            default:
                throw notApplicable(c, AttributeType.NUMBER);
        }
    }

    /** DATE: instant comparisons, local days in the zone, and periods relative to now. */
    private boolean holdsOnDate(Condition c, Operator op, Instant x) {
        switch (op) {
            case LT:
                return x.isBefore(operand(c, 0, Instant.class));
            case LE:
                return !x.isAfter(operand(c, 0, Instant.class));
            case GT:
                return x.isAfter(operand(c, 0, Instant.class));
            case GE:
                return !x.isBefore(operand(c, 0, Instant.class));
            case ON: {
                LocalDate d = operand(c, 0, LocalDate.class);
                return !x.isBefore(startOf(d)) && x.isBefore(startOf(d.plusDays(1)));
            }
            case BEFORE:
                return x.isBefore(startOf(operand(c, 0, LocalDate.class)));
            case AFTER:
                return !x.isBefore(startOf(operand(c, 0, LocalDate.class).plusDays(1)));
            case BETWEEN: {
                LocalDate first = operand(c, 0, LocalDate.class);
                LocalDate last = operand(c, 1, LocalDate.class);
                return !x.isBefore(startOf(first)) && x.isBefore(startOf(last.plusDays(1)));
            }
            case WITHIN_LAST: {
                Instant from = nowMinus(operand(c, 0, RelativePeriod.class));
                return !x.isBefore(from) && !x.isAfter(now);
            }
            case MORE_THAN_AGO:
                return x.isBefore(nowMinus(operand(c, 0, RelativePeriod.class)));
            case WITHIN_NEXT: {
                Instant to = nowPlus(operand(c, 0, RelativePeriod.class));
                return !x.isBefore(now) && !x.isAfter(to);
            }
            default:
                throw notApplicable(c, AttributeType.DATE);
        }
    }

    /** BOOLEAN: {@code is true}, {@code is false}. */
    private static boolean holdsOnBoolean(Condition c, Operator op, Boolean x) {
        if (op == Operator.IS) {
            return x.equals(operand(c, 0, Boolean.class));
        }
        throw notApplicable(c, AttributeType.BOOLEAN);
    }

    /** {@code organization}: linked to that id, or to one of those ids. */
    private static boolean holdsOnOrganizationLinks(Condition c, Operator op, List<OrganizationId> linked) {
        switch (op) {
            case IS:
                return isLinked(c, linked, 0);
            case IS_ANY_OF:
                for (int i = 0; i < c.operands().size(); i++) {
                    if (isLinked(c, linked, i)) {
                        return true;
                    }
                }
                return false;
            default:
                throw notApplicable(c, AttributeType.ORG_LINK);
        }
    }

    /** Whether operand {@code i} (an id as text, or an {@link OrganizationId}) is one of the linked ids. */
    private static boolean isLinked(Condition c, List<OrganizationId> linked, int i) {
        Object o = c.operands().get(i);
        for (OrganizationId id : linked) {
            if (o instanceof String) {
                // an id operand is written as a quoted string; ids compare by canonical lower-case text
                if (id.toString().equals(((String) o).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            } else if (o instanceof OrganizationId) {
                if (id.equals(o)) {
                    return true;
                }
            } else {
                throw new IllegalArgumentException(describe(c) + ": operand " + (i + 1)
                        + " should be an organization id, got " + describeValue(o));
            }
        }
        return false;
    }

    /**
     * {@code organization.name}: {@code has any value} = some linked organization (with its
     * required name) is known; a positive TEXT operator = it holds for the name of some linked
     * organization. Linked ids missing from the organization map are ignored.
     */
    private boolean holdsOnOrganizationNames(Condition c, Operator op, Contact contact) {
        if (!POSITIVE_OPERATORS.get(AttributeType.TEXT).contains(op)) {
            throw notApplicable(c, AttributeType.TEXT);
        }
        List<String> names = new ArrayList<>();
        for (OrganizationId id : contact.organizations()) {
            Organization organization = organizations.get(id);
            if (organization != null && organization.name() != null) {
                names.add(organization.name());
            }
        }
        if (names.isEmpty()) {
            return false; // unknown: no positive operator matches it
        }
        if (op == Operator.HAS_ANY_VALUE) {
            return true;
        }
        for (String name : names) {
            if (holdsOnText(c, op, name)) {
                return true;
            }
        }
        return false;
    }

    /** @return the start of a local day in the zone (the first instant of that day, also across DST gaps) */
    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** @return now minus the period: exact for minutes and hours, calendar arithmetic in the zone otherwise */
    private Instant nowMinus(RelativePeriod p) {
        ZonedDateTime local = ZonedDateTime.ofInstant(now, zone);
        switch (p.unit()) {
            case MINUTES:
                return now.minus(Duration.ofMinutes(p.amount()));
            case HOURS:
                return now.minus(Duration.ofHours(p.amount()));
            case DAYS:
                return local.minusDays(p.amount()).toInstant();
            case WEEKS:
                return local.minusWeeks(p.amount()).toInstant();
            case MONTHS:
                return local.minusMonths(p.amount()).toInstant();
            default:
                throw new IllegalArgumentException("unexpected unit " + p.unit());
        }
    }

    /** @return now plus the period: exact for minutes and hours, calendar arithmetic in the zone otherwise */
    private Instant nowPlus(RelativePeriod p) {
        ZonedDateTime local = ZonedDateTime.ofInstant(now, zone);
        switch (p.unit()) {
            case MINUTES:
                return now.plus(Duration.ofMinutes(p.amount()));
            case HOURS:
                return now.plus(Duration.ofHours(p.amount()));
            case DAYS:
                return local.plusDays(p.amount()).toInstant();
            case WEEKS:
                return local.plusWeeks(p.amount()).toInstant();
            case MONTHS:
                return local.plusMonths(p.amount()).toInstant();
            default:
                throw new IllegalArgumentException("unexpected unit " + p.unit());
        }
    }

    private static String textOperand(Condition c, int i) {
        return operand(c, i, String.class);
    }

    private static <V> V operand(Condition c, int i, Class<V> type) {
        if (i >= c.operands().size()) {
            throw new IllegalArgumentException(describe(c) + ": missing operand " + (i + 1));
        }
        Object o = c.operands().get(i);
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException(describe(c) + ": operand " + (i + 1) + " should be a "
                    + type.getSimpleName() + ", got " + describeValue(o));
        }
        return type.cast(o);
    }

    private static List<String> textList(Condition c, Object x) {
        List<String> result = new ArrayList<>();
        for (Object element : (List<?>) x) {
            if (!(element instanceof String)) {
                throw new IllegalArgumentException(describe(c) + ": the value is not a set of texts: " + x);
            }
            result.add((String) element);
        }
        return result;
    }

    private static List<OrganizationId> organizationList(Condition c, Object x) {
        List<OrganizationId> result = new ArrayList<>();
        for (Object element : (List<?>) x) {
            if (!(element instanceof OrganizationId)) {
                throw new IllegalArgumentException(describe(c) + ": the value is not a list of organization ids: " + x);
            }
            result.add((OrganizationId) element);
        }
        return result;
    }

    private static IllegalArgumentException notApplicable(Condition c, AttributeType type) {
        return new IllegalArgumentException("operator '" + c.operator().spelling() + "' does not apply to attribute '"
                + c.attribute() + "' of type " + type + " (the filter was not validated)");
    }

    private static String describe(Condition c) {
        return "'" + c.attribute() + " " + c.operator().spelling() + "'";
    }

    private static String describeValue(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    }

    // ------------------------------------------------------------------ sorting (§7)

    /**
     * The order of §7 for one sort key:
     * <ol>
     *   <li>items whose value is known come first, then the unknown ones — in both directions;</li>
     *   <li>known values are compared in the sort's direction: text by the
     *       {@link #CODE_POINT_ORDER code-point order} of its {@link Values#fold fold},
     *       numbers by value, dates by instant, {@code false} before {@code true};</li>
     *   <li>ties (equal values, including equal folds of different spellings) and all the
     *       unknown values are ordered by id in the sort's direction, ids compared as
     *       unsigned 128-bit numbers ({@link #ID_ORDER}).</li>
     * </ol>
     * Since ids are unique, two different items never compare equal.
     *
     * @param sort the sort key: a TEXT, NUMBER, DATE or BOOLEAN attribute and a direction
     * @param <T>  item type
     * @return the comparator
     * @throws IllegalArgumentException if the attribute is not sortable (a set, organization
     *         links or {@code organization.name}); for custom attributes, whose type is known
     *         only from their values, when a set value is met while comparing
     */
    public <T extends Attributed> Comparator<T> comparator(Sort sort) {
        Objects.requireNonNull(sort, "sort");
        String attribute = sort.attribute();
        if (attribute.equals(BuiltInAttributes.ORGANIZATION_NAME)) {
            throw new IllegalArgumentException("'" + attribute + "' is a filter-only attribute and cannot be sorted on");
        }
        boolean descending = sort.direction() == Direction.DESC;
        return (a, b) -> {
            Object va = sortValue(attribute, a);
            Object vb = sortValue(attribute, b);
            if (va != null && vb == null) {
                return -1; // known before unknown, whatever the direction
            }
            if (va == null && vb != null) {
                return 1;
            }
            int order = va == null ? 0 : compareKnown(attribute, va, vb);
            if (order == 0) {
                order = compareIds(a.entityId(), b.entityId());
            }
            return descending ? -order : order;
        };
    }

    private static Object sortValue(String attribute, Attributed item) {
        Object value = item.value(attribute);
        AttributeType type = typeOf(attribute, item, value);
        if (type != null && !type.sortable()) {
            throw new IllegalArgumentException("attribute '" + attribute + "' of type " + type
                    + " cannot be sorted on (only TEXT, NUMBER, DATE and BOOLEAN can)");
        }
        return value;
    }

    private static int compareKnown(String attribute, Object a, Object b) {
        if (a instanceof String && b instanceof String) {
            return CODE_POINT_ORDER.compare(Values.fold((String) a), Values.fold((String) b));
        }
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b);
        }
        if (a instanceof Instant && b instanceof Instant) {
            return ((Instant) a).compareTo((Instant) b);
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b); // false < true
        }
        throw new IllegalArgumentException("attribute '" + attribute + "' has values that cannot be sorted together: "
                + describeValue(a) + " and " + describeValue(b));
    }

    private static int compareByCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        boolean aLeft = i < a.length();
        boolean bLeft = j < b.length();
        return aLeft == bLeft ? 0 : (aLeft ? 1 : -1);
    }

    private static int compareIds(EntityId a, EntityId b) {
        int order = Long.compareUnsigned(a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
        if (order != 0) {
            return order;
        }
        return Long.compareUnsigned(a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
    }

    // ------------------------------------------------------------------ results, paging, counting (§8)

    /**
     * The whole unpaged result: every matching item, in the order of {@link #comparator(Sort)}.
     *
     * @param filter a valid filter
     * @param sort   the sort key
     * @param items  all items of the property (contacts, or organizations)
     * @param <T>    item type
     * @return the matching items, ordered (an unmodifiable list)
     */
    public <T extends Attributed> List<T> evaluate(Filter filter, Sort sort, Collection<T> items) {
        Comparator<T> order = comparator(sort);
        List<T> result = new ArrayList<>();
        for (T item : items) {
            if (matches(filter, item)) {
                result.add(item);
            }
        }
        result.sort(order);
        return List.copyOf(result);
    }

    /**
     * One page with keyset semantics: the first {@code pageSize} matching items that come
     * strictly after the position of {@code lastOfPreviousPage} in the order of
     * {@link #comparator(Sort)}. The position is given by that item's values as they were
     * when the previous page was read, so it need not be among {@code items} any more (it
     * may have been deleted). Walking pages, each time passing the last item of the page
     * before, yields exactly {@link #evaluate}.
     *
     * @param filter             a valid filter
     * @param sort               the sort key
     * @param items              all items of the property
     * @param pageSize           at least 1
     * @param lastOfPreviousPage the last item of the previous page, or null for the first page
     * @param <T>                item type
     * @return the page, ordered (an unmodifiable list)
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public <T extends Attributed> List<T> pageAfter(Filter filter, Sort sort, Collection<T> items, int pageSize,
                                                    T lastOfPreviousPage) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " is below 1");
        }
        Comparator<T> order = comparator(sort);
        List<T> page = new ArrayList<>();
        for (T item : evaluate(filter, sort, items)) {
            if (page.size() == pageSize) {
                break;
            }
            if (lastOfPreviousPage == null || order.compare(item, lastOfPreviousPage) > 0) {
                page.add(item);
            }
        }
        return List.copyOf(page);
    }

    /**
     * The exact number of matching items.
     *
     * @param filter a valid filter
     * @param items  all items of the property
     * @return how many match
     */
    public long count(Filter filter, Collection<? extends Attributed> items) {
        long count = 0;
        for (Attributed item : items) {
            if (matches(filter, item)) {
                count++;
            }
        }
        return count;
    }
}
