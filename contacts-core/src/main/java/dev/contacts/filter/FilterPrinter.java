package dev.contacts.filter;

import dev.contacts.model.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints a {@link Filter} as its canonical text (docs/filter-semantics.md §6), the form segments store
 * and {@link FilterParser#parse(String)} reads back: {@code FilterParser.parse(print(f))}
 * equals {@code f} for every filter, and equal filters print the same text.
 *
 * <p>The text is on one line with single spaces between tokens; keywords are lower case;
 * {@code and} binds tighter than {@code or}, so only an {@code or} inside an {@code and} is
 * parenthesised, and {@code not} always puts its operand in parentheses. Examples:
 *
 * <pre>{@code
 * all
 * not all
 * tags is "vip" and (country is "FR" or city is unknown) and lastSeen within last 30 days
 * custom.plan is any of ["gold", "platinum"] or not (totalTickets between 1 and 5)
 * lastSeen >= 2026-11-25T10:15:30.000Z and firstSeen more than 2 weeks ago
 * }</pre>
 *
 * <p>Strings are JSON strings in which only {@code "}, {@code \} and control characters are
 * escaped ({@code \t}, {@code \n}, {@code \r}, else <code>&#92;u00XX</code>); numbers are printed with
 * {@link BigDecimal#toPlainString()}; days as {@code 2026-11-25}; instants in UTC with
 * exactly three fraction digits. Organization ids that the SDK itself puts into conditions
 * ({@link EntityId}) print as strings, and so parse back as strings.
 */
public final class FilterPrinter {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FilterPrinter() {
    }

    /**
     * Prints a filter in canonical text.
     *
     * @param filter the filter, not null
     * @return its canonical text, such as {@code tags is "vip" and lastSeen within last 30 days}
     */
    public static String print(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        StringBuilder out = new StringBuilder();
        print(filter, out);
        return out.toString();
    }

    private static void print(Filter filter, StringBuilder out) {
        if (filter instanceof All) {
            out.append("all");
        } else if (filter instanceof None) {
            out.append("not all");
        } else if (filter instanceof Condition c) {
            condition(c, out);
        } else if (filter instanceof And and) {
            join(and.filters(), " and ", out);
        } else if (filter instanceof Or or) {
            join(or.filters(), " or ", out);
        } else if (filter instanceof Not not) {
            // Always parenthesised: the operand is an and, an or, or a condition such as
            // "x between 1 and 5" whose own "and" would otherwise read as a conjunction.
            out.append("not (");
            print(not.filter(), out);
            out.append(')');
        } else {
            throw new IllegalStateException("unknown filter " + filter.getClass());
        }
    }

    private static void join(List<Filter> filters, String separator, StringBuilder out) {
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            Filter f = filters.get(i);
            // Canonical filters never nest an and in an and, so only an or in an and needs parentheses.
            boolean parenthesise = f instanceof Or && separator.equals(" and ");
            if (parenthesise) {
                out.append('(');
            }
            print(f, out);
            if (parenthesise) {
                out.append(')');
            }
        }
    }

    private static void condition(Condition c, StringBuilder out) {
        Operator op = c.operator();
        out.append(c.attribute()).append(' ').append(op.spelling());
        switch (op.arity()) {
            case NONE:
                break;
            case ONE:
                out.append(' ');
                if (c.operand() instanceof RelativePeriod period) {
                    out.append(period.amount()).append(' ').append(period.unit().plural());
                    if (op == Operator.MORE_THAN_AGO) {
                        out.append(" ago");
                    }
                } else {
                    value(c.operand(), out);
                }
                break;
            case TWO:
                out.append(' ');
                value(c.operands().get(0), out);
                out.append(" and ");
                value(c.operands().get(1), out);
                break;
            case LIST:
                out.append(" [");
                for (int i = 0; i < c.operands().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    value(c.operands().get(i), out);
                }
                out.append(']');
                break;
            default:
                throw new IllegalStateException(op.arity().name());
        }
    }

    private static void value(Object v, StringBuilder out) {
        if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof BigDecimal n) {
            out.append(n.toPlainString());
        } else if (v instanceof Instant t) {
            out.append(INSTANT.format(t));
        } else if (v instanceof LocalDate d) {
            out.append(d);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue() ? "true" : "false");
        } else if (v instanceof EntityId id) {
            string(id.value().toString(), out);
        } else {
            throw new IllegalStateException("no canonical text for operand " + v.getClass().getName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                default:
                    // C1 controls (U+007F..U+009F) are escaped too: invisible in stored text.
                    if (Character.isISOControl(c)) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
