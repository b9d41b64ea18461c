package dev.contacts.tck;

import dev.contacts.InvalidFilterException;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterLimits;
import dev.contacts.filter.Operator;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.filter.RelativePeriod;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Attributed;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Values;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded generator of random filters and sorts over one property's data: any nesting of
 * and/or/not, every operator of every type, literals drawn from the data itself (whole
 * values, case-changed values, substrings, prefixes and suffixes, neighbouring numbers and
 * instants, the local days of stored instants) so that filters match something, plus
 * values that match nothing. Some relative periods are drawn together with a {@link
 * #boundaryNow() now} that puts the period's calendar bound in the zone exactly on a stored
 * instant or 1 ms either side of it.
 */
public final class FilterGenerator {
    private static final int MAX_LITERAL = 40;
    private static final Operator[] TEXT_OPS = {Operator.HAS_ANY_VALUE, Operator.IS_UNKNOWN, Operator.IS, Operator.IS_NOT,
            Operator.IS_ANY_OF, Operator.IS_NONE_OF, Operator.CONTAINS, Operator.DOES_NOT_CONTAIN, Operator.STARTS_WITH,
            Operator.DOES_NOT_START_WITH, Operator.ENDS_WITH, Operator.DOES_NOT_END_WITH};
    private static final Operator[] SET_ONLY_OPS = {Operator.IS_ALL_OF, Operator.IS_NOT_ALL_OF};
    private static final Operator[] NUMBER_OPS = {Operator.HAS_ANY_VALUE, Operator.IS_UNKNOWN, Operator.EQ, Operator.NE,
            Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN};
    private static final Operator[] DATE_OPS = {Operator.HAS_ANY_VALUE, Operator.IS_UNKNOWN, Operator.LT, Operator.LE,
            Operator.GT, Operator.GE, Operator.ON, Operator.NOT_ON, Operator.BEFORE, Operator.AFTER, Operator.BETWEEN,
            Operator.WITHIN_LAST, Operator.MORE_THAN_AGO, Operator.WITHIN_NEXT};
    private static final Operator[] ORG_OPS = {Operator.HAS_ANY_VALUE, Operator.IS_UNKNOWN, Operator.IS, Operator.IS_NOT,
            Operator.IS_ANY_OF, Operator.IS_NONE_OF};

    private final SplittableRandom random;
    private final AttributeCatalog catalog;
    private final ZoneId zone;
    private final List<AttributeDefinition> attributes;
    private final Map<String, List<Object>> values = new HashMap<>();
    private final List<String> organizationNames = new ArrayList<>();
    private final List<OrganizationId> organizationIds = new ArrayList<>();
    private Instant boundaryNow;

    /**
     * @param random        the random source (seeded by the caller)
     * @param catalog       the target's attributes in the property
     * @param items         the property's contacts or organizations, for literals
     * @param organizations the property's organizations (contacts' organization conditions)
     * @param zone          zone used to turn stored instants into local days
     */
    public FilterGenerator(SplittableRandom random, AttributeCatalog catalog, Collection<? extends Attributed> items,
                           Collection<Organization> organizations, ZoneId zone) {
        this.random = random;
        this.catalog = catalog;
        this.zone = zone;
        this.attributes = new ArrayList<>(catalog.all());
        if (catalog.target() == dev.contacts.model.Target.CONTACT) {
            attributes.add(catalog.find(BuiltInAttributes.ORGANIZATION_NAME));
        }
        for (AttributeDefinition d : attributes) {
            if (d.name().equals(BuiltInAttributes.ORGANIZATION_NAME)) {
                continue;
            }
            List<Object> seen = new ArrayList<>();
            for (Attributed item : items) {
                Object v = item.value(d.name());
                if (v instanceof List) {
                    seen.addAll((List<?>) v);
                } else if (v != null) {
                    seen.add(v);
                }
            }
            values.put(d.name(), seen);
        }
        for (Organization o : organizations) {
            organizationNames.add(o.name());
            organizationIds.add(o.id());
        }
    }

    /** @return a random filter within the limits of docs/filter-semantics.md §5 */
    public Filter filter() {
        for (int attempt = 0; ; attempt++) {
            boundaryNow = null; // a now drawn for a discarded attempt's period would fit nothing
            Filter f = tree(random.nextInt(4));
            try {
                FilterLimits.check(f);
                return f;
            } catch (InvalidFilterException e) {
                if (attempt > 100) {
                    throw new IllegalStateException("the generator keeps producing filters over the limits", e);
                }
            }
        }
    }

    /**
     * @param depth how many more levels of and/or/not may be nested
     * @return a random filter of at most that depth
     */
    public Filter tree(int depth) {
        int pick = depth == 0 ? 0 : random.nextInt(10);
        if (pick < 5) {
            return condition();
        }
        if (pick < 9) {
            List<Filter> children = new ArrayList<>();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                children.add(tree(depth - 1));
            }
            return pick < 7 ? Filter.and(children) : Filter.or(children);
        }
        return Filter.not(tree(depth - 1));
    }

    /**
     * @return the instant to run the generated filters at, when one of their relative periods
     *         was drawn to end on a stored instant (± 1 ms) at that instant; empty otherwise
     */
    public Optional<Instant> boundaryNow() {
        return Optional.ofNullable(boundaryNow);
    }

    /** @return a random sort on a sortable attribute */
    public Sort sort() {
        List<AttributeDefinition> sortable = new ArrayList<>();
        for (AttributeDefinition d : catalog.all()) {
            if (d.type().sortable()) {
                sortable.add(d);
            }
        }
        AttributeDefinition d = sortable.get(random.nextInt(sortable.size()));
        return new Sort(d.name(), random.nextBoolean() ? Direction.ASC : Direction.DESC);
    }

    /** @return a random condition on a random attribute */
    public Filter condition() {
        for (;;) {
            AttributeDefinition d = attributes.get(random.nextInt(attributes.size()));
            try {
                return condition(d);
            } catch (InvalidFilterException e) {
                // a drawn literal was blank after normalisation (e.g. a substring of spaces): draw again
            }
        }
    }

    private Filter condition(AttributeDefinition d) {
        String a = d.name();
        if (a.equals(BuiltInAttributes.ORGANIZATION_NAME)) {
            return textCondition(a, pick(TEXT_OPS), new ArrayList<>(organizationNames));
        }
        List<Object> seen = values.getOrDefault(a, List.of());
        switch (d.type()) {
            case TEXT:
                return textCondition(a, pick(TEXT_OPS), seen);
            case TEXT_SET:
                return textCondition(a, random.nextInt(6) == 0 ? pick(SET_ONLY_OPS) : pick(TEXT_OPS), seen);
            case NUMBER:
                return numberCondition(a, pick(NUMBER_OPS), seen);
            case DATE:
                return dateCondition(a, pick(DATE_OPS), seen);
            case BOOLEAN: {
                int k = random.nextInt(6);
                if (k < 2) {
                    return Condition.of(a, k == 0 ? Operator.HAS_ANY_VALUE : Operator.IS_UNKNOWN);
                }
                return Condition.of(a, k < 4 ? Operator.IS : Operator.IS_NOT, random.nextBoolean());
            }
            case ORG_LINK: {
                Operator op = pick(ORG_OPS);
                if (op.arity() == Operator.Arity.NONE) {
                    return Condition.of(a, op);
                }
                List<Object> ids = new ArrayList<>();
                int n = op.arity() == Operator.Arity.LIST ? 1 + random.nextInt(3) : 1;
                for (int i = 0; i < n; i++) {
                    ids.add(organizationIds.isEmpty() || random.nextInt(8) == 0
                            ? new UUID(random.nextLong(), random.nextLong()).toString()
                            : organizationIds.get(random.nextInt(organizationIds.size())).toString());
                }
                return new Condition(a, op, ids);
            }
            default:
                throw new IllegalStateException(d.type().name());
        }
    }

    private Filter textCondition(String a, Operator op, List<Object> seen) {
        switch (op.arity()) {
            case NONE:
                return Condition.of(a, op);
            case LIST: {
                List<Object> list = new ArrayList<>();
                int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(textLiteral(seen, Operator.IS));
                }
                return new Condition(a, op, list);
            }
            default:
                return Condition.of(a, op, textLiteral(seen, op));
        }
    }

    private String textLiteral(List<Object> seen, Operator op) {
        if (seen.isEmpty() || random.nextInt(10) == 0) {
            return random.nextBoolean() ? "zz-no-such-value" : "%";
        }
        String v = (String) seen.get(random.nextInt(seen.size()));
        int[] cps = v.codePoints().toArray();
        switch (op) {
            case CONTAINS:
            case DOES_NOT_CONTAIN: {
                int from = random.nextInt(cps.length);
                int to = Math.min(cps.length, from + 1 + random.nextInt(Math.min(MAX_LITERAL, cps.length - from)));
                return changeCase(new String(cps, from, to - from));
            }
            case STARTS_WITH:
            case DOES_NOT_START_WITH:
                return changeCase(new String(cps, 0, 1 + random.nextInt(Math.min(MAX_LITERAL, cps.length))));
            case ENDS_WITH:
            case DOES_NOT_END_WITH: {
                int n = 1 + random.nextInt(Math.min(MAX_LITERAL, cps.length));
                return changeCase(new String(cps, cps.length - n, n));
            }
            default:
                return changeCase(v);
        }
    }

    /** Case changes must not change what matches: every comparison is on folds. */
    private String changeCase(String s) {
        switch (random.nextInt(4)) {
            case 0: return s.toUpperCase(Locale.ROOT);
            case 1: return s.toLowerCase(Locale.ROOT);
            default: return s;
        }
    }

    private Filter numberCondition(String a, Operator op, List<Object> seen) {
        if (op.arity() == Operator.Arity.NONE) {
            return Condition.of(a, op);
        }
        BigDecimal x = number(seen);
        if (op == Operator.BETWEEN) {
            BigDecimal y = number(seen);
            return x.compareTo(y) <= 0 ? Condition.of(a, op, x, y) : Condition.of(a, op, y, x);
        }
        return Condition.of(a, op, x);
    }

    private BigDecimal number(List<Object> seen) {
        if (seen.isEmpty() || random.nextInt(8) == 0) {
            return BigDecimal.valueOf(random.nextInt(2001) - 1000);
        }
        BigDecimal v = (BigDecimal) seen.get(random.nextInt(seen.size()));
        switch (random.nextInt(4)) {
            case 0: return safe(v.add(BigDecimal.ONE), v);
            case 1: return safe(v.subtract(new BigDecimal("0.000001")), v);
            default: return v;
        }
    }

    /** Neighbours of the largest numbers can exceed 18 integer digits; fall back to the value itself. */
    private static BigDecimal safe(BigDecimal candidate, BigDecimal fallback) {
        BigDecimal n = candidate.stripTrailingZeros();
        return n.precision() - n.scale() > 18 ? fallback : candidate;
    }

    private Filter dateCondition(String a, Operator op, List<Object> seen) {
        switch (op) {
            case HAS_ANY_VALUE:
            case IS_UNKNOWN:
                return Condition.of(a, op);
            case LT:
            case LE:
            case GT:
            case GE:
                return Condition.of(a, op, instant(seen));
            case ON:
            case NOT_ON:
            case BEFORE:
            case AFTER:
                return Condition.of(a, op, day(seen));
            case BETWEEN: {
                LocalDate x = day(seen);
                LocalDate y = day(seen);
                return x.isAfter(y) ? Condition.of(a, op, y, x) : Condition.of(a, op, x, y);
            }
            default: {
                PeriodUnit unit = PeriodUnit.values()[random.nextInt(PeriodUnit.values().length)];
                if (boundaryNow == null && !seen.isEmpty() && random.nextInt(3) == 0) {
                    RelativePeriod period = new RelativePeriod(1 + random.nextInt(3) * random.nextInt(13), unit);
                    boundaryNow = nowWithBoundOn((Instant) seen.get(random.nextInt(seen.size())), op, period);
                    return Condition.of(a, op, period);
                }
                long amount = random.nextInt(5) == 0 ? RelativePeriod.MAX_AMOUNT : 1 + random.nextInt(60);
                return Condition.of(a, op, new RelativePeriod(amount, unit));
            }
        }
    }

    /**
     * The {@code now} at which the period's bound (now − period for {@code within last} and
     * {@code more than ago}, now + period for {@code within next}, calendar arithmetic in the
     * zone) falls on the stored instant or 1 ms either side of it; null when there is no such
     * instant (a month end, a DST gap) or it is out of the storable range.
     */
    private Instant nowWithBoundOn(Instant stored, Operator op, RelativePeriod period) {
        Instant bound = stored.plusMillis(random.nextInt(3) - 1);
        long amount = op == Operator.WITHIN_NEXT ? -period.amount() : period.amount();
        ChronoUnit unit = switch (period.unit()) {
            case MINUTES -> ChronoUnit.MINUTES;
            case HOURS -> ChronoUnit.HOURS;
            case DAYS -> ChronoUnit.DAYS;
            case WEEKS -> ChronoUnit.WEEKS;
            case MONTHS -> ChronoUnit.MONTHS;
        };
        Instant now;
        Instant back;
        try {
            now = bound.atZone(zone).plus(amount, unit).toInstant();
            back = now.atZone(zone).minus(amount, unit).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
        // month ends and DST gaps do not always shift back to where they came from: keep only exact fits
        boolean fits = back.equals(bound);
        boolean storable = !now.isBefore(Values.MIN_DATE) && now.isBefore(Values.MAX_DATE_EXCLUSIVE);
        return fits && storable ? now : null;
    }

    private Instant instant(List<Object> seen) {
        if (seen.isEmpty() || random.nextInt(8) == 0) {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000) - 500_000);
        }
        Instant v = (Instant) seen.get(random.nextInt(seen.size()));
        int k = random.nextInt(4);
        Instant t = k == 0 ? v.plusMillis(1) : k == 1 ? v.minusMillis(1) : v;
        return t.isBefore(dev.contacts.model.Values.MIN_DATE) || !t.isBefore(dev.contacts.model.Values.MAX_DATE_EXCLUSIVE) ? v : t;
    }

    private LocalDate day(List<Object> seen) {
        LocalDate d = LocalDate.ofInstant(instant(seen), zone);
        if (random.nextInt(4) == 0) {
            d = d.plusDays(random.nextBoolean() ? 1 : -1);
        }
        if (d.getYear() < 1900) {
            return LocalDate.of(1900, 1, 1);
        }
        return d.getYear() > 9999 ? LocalDate.of(9999, 12, 31) : d;
    }

    private Operator pick(Operator[] ops) {
        return ops[random.nextInt(ops.length)];
    }
}
