package dev.contacts.web;

import dev.contacts.ContactsException;
import dev.contacts.InvalidFilterException;
import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterValidator;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.filter.RelativePeriod;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The filter panel's model: rows of (attribute, operator, value) in groups, the conditions of a
 * group ANDed and the groups ORed, converted to and from the SDK's {@link Filter}. Which
 * operators an attribute type takes is asked of the SDK's own validator once, at class
 * loading, so the panel offers exactly what the SDK accepts. Immutable, thread-safe.
 */
final class FilterRows {
    /** Most rows the panel accepts. */
    static final int MAX_ROWS = 60;
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);

    /**
     * One row of the panel, as the form sends it.
     *
     * @param group     0-based group index
     * @param attribute attribute name
     * @param operator  operator enum name
     * @param value     first value (text, number, day, date-time, true/false, organization id; a list one per line)
     * @param value2    second value of "between"
     * @param amount    amount of a relative period
     * @param unit      unit of a relative period (enum name)
     */
    public record Row(int group, String attribute, String operator, String value, String value2, String amount, String unit) {
        /** @return the operator's enum name, or "" */
        public String op() {
            return operator == null ? "" : operator;
        }
    }

    /**
     * An operator as the panel offers it.
     *
     * @param name   enum name
     * @param label  words shown
     * @param widget which value input it needs
     */
    public record Choice(String name, String label, String widget) {
    }

    private static final Map<AttributeType, List<Choice>> CHOICES = probe();

    private FilterRows() {
    }

    /** @return the operators each attribute type takes, in the SDK's operator order */
    static Map<AttributeType, List<Choice>> choices() {
        return CHOICES;
    }

    /**
     * @param type an attribute type
     * @return the operators it takes
     */
    static List<Choice> choices(AttributeType type) {
        return CHOICES.getOrDefault(type, List.of());
    }

    private static Map<AttributeType, List<Choice>> probe() {
        AttributeCatalog catalog = AttributeCatalog.of(Target.CONTACT, List.of(
                AttributeDefinition.custom(Target.CONTACT, "t", "t", AttributeType.TEXT),
                AttributeDefinition.custom(Target.CONTACT, "s", "s", AttributeType.TEXT_SET),
                AttributeDefinition.custom(Target.CONTACT, "n", "n", AttributeType.NUMBER),
                AttributeDefinition.custom(Target.CONTACT, "d", "d", AttributeType.DATE),
                AttributeDefinition.custom(Target.CONTACT, "b", "b", AttributeType.BOOLEAN)));
        Map<AttributeType, String> probes = new EnumMap<>(AttributeType.class);
        probes.put(AttributeType.TEXT, "custom.t");
        probes.put(AttributeType.TEXT_SET, "custom.s");
        probes.put(AttributeType.NUMBER, "custom.n");
        probes.put(AttributeType.DATE, "custom.d");
        probes.put(AttributeType.BOOLEAN, "custom.b");
        probes.put(AttributeType.ORG_LINK, BuiltInAttributes.ORGANIZATION);
        Map<AttributeType, List<Choice>> result = new EnumMap<>(AttributeType.class);
        for (Map.Entry<AttributeType, String> e : probes.entrySet()) {
            List<Choice> ops = new ArrayList<>();
            for (Operator op : Operator.values()) {
                String widget = widget(e.getKey(), op);
                if (widget != null && accepts(catalog, e.getValue(), op)) {
                    ops.add(new Choice(op.name(), op == Operator.MORE_THAN_AGO ? "more than … ago" : op.spelling(), widget));
                }
            }
            result.put(e.getKey(), List.copyOf(ops));
        }
        return result;
    }

    private static boolean accepts(AttributeCatalog catalog, String attribute, Operator op) {
        for (List<Object> operands : samples(op)) {
            try {
                FilterValidator.validate(new Condition(attribute, op, operands), catalog);
                return true;
            } catch (ContactsException e) {
                // not this kind of operand
            }
        }
        return false;
    }

    private static List<List<Object>> samples(Operator op) {
        String org = OrganizationId.generate().toString();
        switch (op.arity()) {
            case NONE:
                return List.of(List.of());
            case TWO:
                return List.of(List.of(BigDecimal.ONE, BigDecimal.TEN), List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));
            case LIST:
                return List.of(List.of("x"), List.of(org));
            default:
                return List.of(List.of("x"), List.of(BigDecimal.ONE), List.of(Instant.EPOCH), List.of(LocalDate.of(2026, 1, 1)),
                        List.of(Boolean.TRUE), List.of(new RelativePeriod(1, PeriodUnit.DAYS)), List.of(org));
        }
    }

    /**
     * The value input an operator needs on a type; null for combinations the panel leaves to
     * the text box (lists of organizations).
     */
    private static String widget(AttributeType type, Operator op) {
        switch (op.arity()) {
            case NONE:
                return "none";
            case LIST:
                return type == AttributeType.ORG_LINK ? null : "list";
            case TWO:
                return type == AttributeType.NUMBER ? "number2" : "date2";
            default:
                break;
        }
        switch (type) {
            case NUMBER:
                return "number";
            case BOOLEAN:
                return "boolean";
            case ORG_LINK:
                return "org";
            case DATE:
                switch (op) {
                    case LT: case LE: case GT: case GE:
                        return "instant";
                    case WITHIN_LAST: case MORE_THAN_AGO: case WITHIN_NEXT:
                        return "period";
                    default:
                        return "date";
                }
            default:
                return "text";
        }
    }

    /**
     * @param rows    the panel's rows; rows without an attribute are ignored
     * @param catalog the attributes of the list's target
     * @param zone    zone of date-times typed without one
     * @return groups ORed, each the AND of its rows; {@code all} when no row is complete
     * @throws InvalidFilterException saying which row is wrong and why
     */
    static Filter toFilter(List<Row> rows, AttributeCatalog catalog, ZoneId zone) {
        Map<Integer, List<Filter>> groups = new TreeMap<>();
        int n = 0;
        for (Row row : rows) {
            n++;
            if (row.attribute() == null || row.attribute().isBlank()) {
                continue;
            }
            try {
                groups.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(condition(row, catalog, zone));
            } catch (ContactsException e) {
                throw new InvalidFilterException("filter " + n + " (" + row.attribute() + "): " + e.getMessage());
            }
        }
        List<Filter> ors = new ArrayList<>();
        for (List<Filter> group : groups.values()) {
            ors.add(Filter.and(group));
        }
        return ors.isEmpty() ? Filter.all() : Filter.or(ors);
    }

    private static Filter condition(Row row, AttributeCatalog catalog, ZoneId zone) {
        AttributeDefinition d = catalog.require(row.attribute().strip());
        Operator op;
        try {
            op = Operator.valueOf(row.op());
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException("choose an operator");
        }
        String widget = widget(d.type(), op);
        if (widget == null || choices(d.type()).stream().noneMatch(c -> c.name().equals(op.name()))) {
            throw new InvalidFilterException("'" + op.spelling() + "' does not apply to " + d.type().inWords());
        }
        List<Object> operands;
        switch (widget) {
            case "none":
                operands = List.of();
                break;
            case "list":
                operands = new ArrayList<>(lines(row.value()));
                break;
            case "number":
                operands = List.of(number(row.value()));
                break;
            case "number2":
                operands = List.of(number(row.value()), number(row.value2()));
                break;
            case "date":
                operands = List.of(day(row.value()));
                break;
            case "date2":
                operands = List.of(day(row.value()), day(row.value2()));
                break;
            case "instant":
                operands = List.of(instant(row.value(), zone));
                break;
            case "period":
                operands = List.of(period(row.amount(), row.unit()));
                break;
            case "boolean":
                operands = List.of(bool(row.value()));
                break;
            default: // text, org
                operands = List.of(row.value() == null ? "" : row.value());
        }
        Condition c = new Condition(d.name(), op, operands);
        FilterValidator.validate(c, catalog);
        return c;
    }

    private static List<String> lines(String text) {
        List<String> values = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (!line.isBlank()) {
                values.add(line.strip());
            }
        }
        return values;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFilterException("'" + (text == null ? "" : text) + "' is not a number (write it like 42 or 3.5)");
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("'" + (text == null ? "" : text) + "' is not a day (write it like 2026-01-31)");
        }
    }

    private static Instant instant(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        try {
            return t.endsWith("Z") ? Instant.parse(t) : LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("'" + t + "' is not a date and time (write it like 2026-01-31T09:30)");
        }
    }

    private static RelativePeriod period(String amount, String unit) {
        long n;
        try {
            n = Long.parseLong(amount == null ? "" : amount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFilterException("'" + (amount == null ? "" : amount) + "' is not a whole number of periods");
        }
        PeriodUnit u = PeriodUnit.parse(unit == null ? "" : unit.strip());
        if (u == null) {
            throw new InvalidFilterException("choose a unit: " + Arrays.toString(PeriodUnit.values()).toLowerCase(Locale.ROOT));
        }
        return new RelativePeriod(n, u);
    }

    private static Boolean bool(String text) {
        if ("true".equals(text)) {
            return Boolean.TRUE;
        }
        if ("false".equals(text)) {
            return Boolean.FALSE;
        }
        throw new InvalidFilterException("choose true or false");
    }

    /**
     * The rows that show a filter in the panel, when it has the panel's shape (an OR of ANDs
     * of conditions); filters with NOT around a group are edited as text only.
     *
     * @param filter a parsed filter
     * @param zone   zone in which date-times are shown
     * @return the rows (none for {@code all}), or empty when the panel cannot show it
     */
    static Optional<List<Row>> fromFilter(Filter filter, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        if (filter.equals(Filter.all())) {
            return Optional.of(rows);
        }
        List<Filter> groups = filter instanceof Or or ? or.filters() : List.of(filter);
        int g = 0;
        for (Filter group : groups) {
            List<Filter> conditions = group instanceof And and ? and.filters() : List.of(group);
            for (Filter f : conditions) {
                if (!(f instanceof Condition c)) {
                    return Optional.empty();
                }
                rows.add(row(g, c, zone));
            }
            g++;
        }
        return rows.size() > MAX_ROWS ? Optional.empty() : Optional.of(rows);
    }

    private static Row row(int group, Condition c, ZoneId zone) {
        List<Object> ops = c.operands();
        String value = null;
        String value2 = null;
        String amount = null;
        String unit = null;
        if (c.operator().arity() == Operator.Arity.LIST) {
            List<String> texts = new ArrayList<>();
            ops.forEach(o -> texts.add(text(o, zone)));
            value = String.join("\n", texts);
        } else if (!ops.isEmpty() && ops.get(0) instanceof RelativePeriod p) {
            amount = Long.toString(p.amount());
            unit = p.unit().name();
        } else if (!ops.isEmpty()) {
            value = text(ops.get(0), zone);
            value2 = ops.size() > 1 ? text(ops.get(1), zone) : null;
        }
        return new Row(group, c.attribute(), c.operator().name(), value, value2, amount, unit);
    }

    private static String text(Object operand, ZoneId zone) {
        if (operand instanceof BigDecimal n) {
            return n.toPlainString();
        }
        if (operand instanceof Instant t) {
            return LOCAL_MINUTE.format(t.atZone(zone));
        }
        if (operand instanceof EntityId id) {
            return id.value().toString();
        }
        return String.valueOf(operand);
    }

    /**
     * @param rows rows
     * @return the rows by group, in group order
     */
    static Map<Integer, List<Row>> grouped(List<Row> rows) {
        Map<Integer, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        return groups;
    }
}
