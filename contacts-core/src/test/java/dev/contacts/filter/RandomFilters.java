package dev.contacts.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of arbitrary canonical filters: any nesting, every operator, every
 * operand kind Condition accepts from users, and text full of characters that break naive
 * printers and case folding. The same seed always yields the same sequence of filters.
 */
final class RandomFilters {
    private static final List<String> ATTRIBUTES = List.of(
            "name", "tags", "emails", "country", "organization", "organization.name", "lastSeen", "created",
            "totalTickets", "custom.plan", "custom.a_1", "custom.not",
            // Names Condition accepts that the text could confuse with keywords.
            "not", "NOT", "all", "All", "and", "or", "is", "on", "has", "true", "between", "ago", "x9_Z");
    private static final int[] CODE_POINTS = {
        'a', 'Z', '0', '9', ' ', ' ', '"', '\\', '%', '_', '*', '.', '[', ']', '(', ')', '{', '}', '^', '$', '|', '?', '+',
        '/', '\'', ',', '\t', '\n', '\r',
        'ß', 'İ', 'ı', 'Σ', 'ς', 'σ', 'é', 'ﬁ', '漢', 0x0301, 0x0308, 0x200D, 0x1F600, 0x1F44D, 0x1F3FD, 0x10400,
        0x007F, 0x0085, 0x00A0, 0x2028, 0xFEFF, 0x3000
    };
    private static final String[] WORDS = {"vip", "gold", "Acme", "x"};
    private static final long MIN_MILLI = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    private static final long MAX_MILLI = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final long MIN_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final SplittableRandom random;

    RandomFilters(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param depth most levels of and, or and not above the conditions
     * @return a random canonical filter
     */
    Filter filter(int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(20);
        if (kind < 8) {
            return condition();
        }
        if (kind < 12) {
            return Filter.and(children(depth - 1));
        }
        if (kind < 16) {
            return Filter.or(children(depth - 1));
        }
        if (kind < 18) {
            return Filter.not(filter(depth - 1));
        }
        return kind == 18 ? Filter.all() : Filter.none();
    }

    private List<Filter> children(int depth) {
        int n = 2 + random.nextInt(3);
        List<Filter> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(filter(depth));
        }
        return children;
    }

    Condition condition() {
        String attribute = ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size()));
        Operator op = Operator.values()[random.nextInt(Operator.values().length)];
        return new Condition(attribute, op, operands(op));
    }

    private List<Object> operands(Operator op) {
        switch (op) {
            case HAS_ANY_VALUE:
            case IS_UNKNOWN:
                return List.of();
            case IS:
            case IS_NOT:
                return List.of(random.nextInt(4) == 0 ? (Object) random.nextBoolean() : text());
            case IS_ANY_OF:
            case IS_NONE_OF:
            case IS_ALL_OF:
            case IS_NOT_ALL_OF: {
                int n = 1 + random.nextInt(5);
                List<Object> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(text());
                }
                return values;
            }
            case CONTAINS:
            case DOES_NOT_CONTAIN:
            case STARTS_WITH:
            case DOES_NOT_START_WITH:
            case ENDS_WITH:
            case DOES_NOT_END_WITH:
                return List.of(text());
            case EQ:
            case NE:
                return List.of(number());
            case LT:
            case LE:
            case GT:
            case GE:
                // Condition also takes text and booleans here (the core's seek predicates); the text form must too.
                switch (random.nextInt(6)) {
                    case 0: return List.of(text());
                    case 1: return List.of(random.nextBoolean());
                    case 2:
                    case 3: return List.of(instant());
                    default: return List.of(number());
                }
            case BETWEEN:
                if (random.nextBoolean()) {
                    BigDecimal a = number();
                    BigDecimal b = number();
                    return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
                } else {
                    LocalDate a = day();
                    LocalDate b = day();
                    return a.isAfter(b) ? List.of(b, a) : List.of(a, b);
                }
            case ON:
            case NOT_ON:
            case BEFORE:
            case AFTER:
                return List.of(day());
            case WITHIN_LAST:
            case WITHIN_NEXT:
            case MORE_THAN_AGO: {
                long amount = random.nextBoolean() ? 1 + random.nextInt(12) : 1 + random.nextLong(RelativePeriod.MAX_AMOUNT);
                PeriodUnit unit = PeriodUnit.values()[random.nextInt(PeriodUnit.values().length)];
                return List.of(new RelativePeriod(amount, unit));
            }
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /** Text that is never blank after strip: it always holds a word. */
    private String text() {
        StringBuilder s = new StringBuilder();
        int before = random.nextInt(6);
        for (int i = 0; i < before; i++) {
            s.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        s.append(WORDS[random.nextInt(WORDS.length)]);
        int after = random.nextInt(6);
        for (int i = 0; i < after; i++) {
            s.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return s.toString();
    }

    private BigDecimal number() {
        switch (random.nextInt(4)) {
            case 0:
                return BigDecimal.valueOf(random.nextInt(-10, 11));
            case 1:
                // Trailing zeros, which Condition strips.
                return BigDecimal.valueOf(random.nextInt(-1000, 1000) * 100L, random.nextInt(0, 4));
            default:
                // Up to 18 digits with up to 6 of them after the point: the whole NUMBER range.
                return BigDecimal.valueOf(random.nextLong(-999_999_999_999_999_999L, 1_000_000_000_000_000_000L), random.nextInt(0, 7));
        }
    }

    private Instant instant() {
        Instant t = Instant.ofEpochMilli(random.nextLong(MIN_MILLI, MAX_MILLI + 1));
        // Sub-millisecond digits, which Condition truncates.
        return random.nextBoolean() ? t : t.plusNanos(random.nextInt(1_000_000));
    }

    private LocalDate day() {
        return LocalDate.ofEpochDay(random.nextLong(MIN_DAY, MAX_DAY + 1));
    }
}
