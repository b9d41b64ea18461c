package dev.contacts.filter;

import dev.contacts.InvalidFilterException;
import dev.contacts.InvalidValueException;
import dev.contacts.model.EntityId;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A leaf of a filter: attribute, operator, operands. The constructor checks the operand
 * count and classes for the operator and normalises text operands like stored values
 * (NFC, strip; blank is refused — use {@code is unknown}), drops fold-duplicates from
 * lists and normalises numbers and instants. Whether the operator fits the attribute's
 * type is checked against the property's attributes when the filter is used.
 *
 * <p>Operand classes: {@code String} (text, organization ids), {@code BigDecimal},
 * {@code Instant}, {@code LocalDate}, {@code Boolean}, {@link RelativePeriod}; and, in
 * conditions the SDK builds itself for stores (never in user filters, so outside the
 * canonical-text contract), {@link EntityId}.
 *
 * @param attribute attribute name
 * @param operator  operator
 * @param operands  operands, as many as the operator's arity asks
 */
public record Condition(String attribute, Operator operator, List<Object> operands) implements Filter {
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?");
    private static final LocalDate MIN_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate MAX_DAY = LocalDate.of(9999, 12, 31);

    /**
     * @param attribute attribute name
     * @param operator  operator
     * @param operands  operands, as many as the operator's arity asks
     * @throws InvalidFilterException if the operands do not fit the operator
     */
    public Condition {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operands, "operands");
        if (!ATTRIBUTE.matcher(attribute).matches()) {
            throw new InvalidFilterException("'" + attribute + "' is not an attribute name");
        }
        operands = normalize(attribute, operator, operands);
    }

    /**
     * @param attribute attribute name
     * @param operator  operator
     * @param operands  operands
     * @return the condition
     */
    public static Condition of(String attribute, Operator operator, Object... operands) {
        return new Condition(attribute, operator, List.of(operands));
    }

    /** @return the single operand of a one-operand operator */
    public Object operand() {
        return operands.get(0);
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitCondition(this);
    }

    private static List<Object> normalize(String attribute, Operator op, List<Object> raw) {
        String what = "'" + attribute + " " + op.spelling() + "'";
        switch (op.arity()) {
            case NONE:
                if (!raw.isEmpty()) {
                    throw new InvalidFilterException(what + " takes no value");
                }
                return List.of();
            case ONE:
                if (raw.size() != 1) {
                    throw new InvalidFilterException(what + " takes exactly one value");
                }
                return List.of(one(what, op, raw.get(0)));
            case TWO: {
                if (raw.size() != 2) {
                    throw new InvalidFilterException(what + " takes two values: between a and b");
                }
                Object a = raw.get(0);
                Object b = raw.get(1);
                if (a instanceof BigDecimal && b instanceof BigDecimal) {
                    BigDecimal x = number(what, (BigDecimal) a);
                    BigDecimal y = number(what, (BigDecimal) b);
                    if (x.compareTo(y) > 0) {
                        throw new InvalidFilterException(what + ": " + x.toPlainString() + " is above " + y.toPlainString() + " (write the smaller bound first)");
                    }
                    return List.of(x, y);
                }
                if (a instanceof LocalDate && b instanceof LocalDate) {
                    LocalDate x = day(what, (LocalDate) a);
                    LocalDate y = day(what, (LocalDate) b);
                    if (x.isAfter(y)) {
                        throw new InvalidFilterException(what + ": " + x + " is after " + y + " (write the earlier day first)");
                    }
                    return List.of(x, y);
                }
                throw new InvalidFilterException(what + " takes two numbers or two days, got " + describe(a) + " and " + describe(b));
            }
            case LIST: {
                if (raw.isEmpty()) {
                    throw new InvalidFilterException(what + " needs at least one value");
                }
                List<Object> result = new ArrayList<>(raw.size());
                Set<Object> seen = new HashSet<>();
                for (Object o : raw) {
                    Object v;
                    Object key;
                    if (o instanceof String) {
                        v = text(what, (String) o);
                        key = Values.fold((String) v);
                    } else if (o instanceof EntityId) {
                        v = o;
                        key = o;
                    } else {
                        throw new InvalidFilterException(what + " takes a list of texts, got " + describe(o) + " in it");
                    }
                    if (seen.add(key)) {
                        result.add(v);
                    }
                }
                return List.copyOf(result);
            }
            default:
                throw new IllegalStateException(op.arity().name());
        }
    }

    private static Object one(String what, Operator op, Object v) {
        switch (op) {
            case IS:
            case IS_NOT:
                if (v instanceof String) {
                    return text(what, (String) v);
                }
                if (v instanceof Boolean || v instanceof EntityId) {
                    return v;
                }
                break;
            case CONTAINS:
            case DOES_NOT_CONTAIN:
            case STARTS_WITH:
            case DOES_NOT_START_WITH:
            case ENDS_WITH:
            case DOES_NOT_END_WITH:
                if (v instanceof String) {
                    return text(what, (String) v);
                }
                break;
            case EQ:
            case NE:
                if (v instanceof BigDecimal) {
                    return number(what, (BigDecimal) v);
                }
                break;
            case LT:
            case LE:
            case GT:
            case GE:
                if (v instanceof BigDecimal) {
                    return number(what, (BigDecimal) v);
                }
                if (v instanceof Instant) {
                    return instant(what, (Instant) v);
                }
                if (v instanceof String) {
                    return text(what, (String) v);
                }
                if (v instanceof Boolean || v instanceof EntityId) {
                    return v;
                }
                break;
            case ON:
            case NOT_ON:
            case BEFORE:
            case AFTER:
                if (v instanceof LocalDate) {
                    return day(what, (LocalDate) v);
                }
                break;
            case WITHIN_LAST:
            case MORE_THAN_AGO:
            case WITHIN_NEXT:
                if (v instanceof RelativePeriod) {
                    return v;
                }
                break;
            default:
                break;
        }
        throw new InvalidFilterException(what + " does not take " + describe(v));
    }

    private static String text(String what, String s) {
        Objects.requireNonNull(s, "text operand");
        String normal;
        try {
            normal = Values.normalizeText("operand", s);
        } catch (InvalidValueException e) {
            throw new InvalidFilterException(what + ": " + e.getMessage());
        }
        if (normal.isEmpty()) {
            throw new InvalidFilterException(what + ": the text is blank (to find missing values use 'is unknown')");
        }
        return normal;
    }

    private static BigDecimal number(String what, BigDecimal n) {
        try {
            return Values.number("operand", n);
        } catch (InvalidValueException e) {
            throw new InvalidFilterException(what + ": " + e.getMessage());
        }
    }

    private static Instant instant(String what, Instant t) {
        try {
            return Values.date("operand", t);
        } catch (InvalidValueException e) {
            throw new InvalidFilterException(what + ": " + e.getMessage());
        }
    }

    private static LocalDate day(String what, LocalDate d) {
        if (d.isBefore(MIN_DAY) || d.isAfter(MAX_DAY)) {
            throw new InvalidFilterException(what + ": " + d + " is outside 1900-01-01 .. 9999-12-31");
        }
        return d;
    }

    private static String describe(Object o) {
        String shown = String.valueOf(o);
        return kindOf(o) + (shown.length() <= 40 ? " (" + shown + ")" : "");
    }

    /** An operand's kind in user words (see {@link Values#kindOf}), periods included. */
    static String kindOf(Object operand) {
        return operand instanceof RelativePeriod ? "a period (such as 30 days)" : Values.kindOf(operand);
    }
}
