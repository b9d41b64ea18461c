package dev.contacts.filter;

import dev.contacts.InvalidFilterException;
import dev.contacts.filter.FilterToken.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the canonical text of a filter (docs/filter-semantics.md §6), the form
 * {@link FilterPrinter#print(Filter)} writes: {@code parse(FilterPrinter.print(f))} equals
 * {@code f} for every filter. The result is always canonical, because it is built with
 * {@link Filter#and}, {@link Filter#or}, {@link Filter#not} and the {@link Condition}
 * constructor, so input that is not in canonical form (extra parentheses, other white
 * space, upper-case keywords, singular units, {@code not} before a condition with a
 * negative spelling) parses to the same filter as its canonical text.
 *
 * <p>Grammar, loosest first; keywords are case-insensitive, attribute names are not:
 *
 * <pre>{@code
 * filter    = or END
 * or        = and { "or" and }
 * and       = unary { "and" unary }
 * unary     = "not" unary | primary
 * primary   = "(" or ")" | "all" | condition
 * condition = attribute operator operands
 * attribute = [A-Za-z][A-Za-z0-9_]* [ "." [A-Za-z][A-Za-z0-9_]* ]
 * }</pre>
 *
 * <p>so {@code not tags is "a" and x has any value} is {@code (not tags is "a") and x has any
 * value}. Operands by operator: none for {@code has any value} and {@code is unknown}; a
 * JSON string or {@code true}/{@code false} for {@code is} and {@code is not}; a list
 * {@code ["a", "b"]} for {@code is any of}, {@code is none of}, {@code is all of} and
 * {@code is not all of}; a string for {@code contains}, {@code starts with},
 * {@code ends with} and their negations; a number for {@code =} and {@code !=}; a number or
 * an instant for {@code < <= > >=} (which, like {@link Condition}, also take a string or
 * {@code true}/{@code false}); {@code X and Y}, two numbers or two dates, for
 * {@code between}; a date for {@code on}, {@code not on}, {@code before} and
 * {@code after}; {@code N unit} for {@code within last} and {@code within next}, and
 * {@code N unit ago} for {@code more than}, with N from 1 to 100000 and the unit singular or
 * plural. Numbers are plain decimals ({@code -12.5}, no exponent), dates ISO days
 * ({@code 2026-11-25}), instants ISO date-times with {@code Z} or an offset, seconds and
 * fraction optional ({@code 2026-11-25T10:15Z}, {@code 2026-11-25T12:15:30.5+02:00}).
 * A number, date or instant has at most 64 characters. Tokens are separated by any
 * spaces, tabs, CRs and LFs. A word that is a keyword elsewhere ({@code not}, {@code all},
 * {@code and}, {@code or}) is an attribute name where one is expected and an operator
 * follows it, so every name {@link Condition} accepts can be written; {@code not NOT on d},
 * which could be read both ways, is the attribute {@code not} with {@code not on}.
 *
 * <p>Every error is an {@link InvalidFilterException} whose {@code line()} and
 * {@code column()} (1-based, columns in code points, lines counted by LF) point at the
 * offending token and whose {@code expected()} says what would have been valid there. An
 * operand that the {@link Condition} constructor refuses (wrong type for the operator, blank
 * text, a range whose bounds are reversed, an amount out of range) is reported at the start
 * of its condition. Nesting of parentheses and {@code not}s is limited to 1000 levels so
 * that hostile input cannot exhaust the stack. The depth limit of docs/filter-semantics.md §5 (16
 * levels of {@code and}, {@code or} and {@code not}) is checked here on the text as written
 * — {@code not not f} is two levels although it denotes {@code f} — and is a
 * {@link dev.contacts.FilterLimitException}; the other limits of §5 are checked by
 * {@link FilterLimits#check} on the parsed filter.
 */
public final class FilterParser {
    private static final int MAX_NESTING = 1000;
    private static final String OPERATOR_EXPECTED = "an operator such as 'is', 'contains' or '='";
    private static final String FILTER_EXPECTED = "a condition, 'not', 'all' or '('";
    private static final String STRING_EXPECTED = "a string in double quotes";
    private static final String AMOUNT_EXPECTED = "a whole number from 1 to " + RelativePeriod.MAX_AMOUNT;
    private static final String UNIT_EXPECTED = "a unit: minutes, hours, days, weeks or months";

    /** Operator spellings split into words, longest first so that "is not all of" wins over "is not" and "is". */
    private static final Map<Operator, String[]> WORDS = new EnumMap<>(Operator.class);
    private static final List<Operator> LONGEST_FIRST;

    static {
        for (Operator op : Operator.values()) {
            WORDS.put(op, op.spelling().split(" "));
        }
        List<Operator> ops = new ArrayList<>(Arrays.asList(Operator.values()));
        ops.sort(Comparator.comparingInt((Operator op) -> WORDS.get(op).length).reversed());
        LONGEST_FIRST = List.copyOf(ops);
    }

    private final List<FilterToken> tokens;
    private int position;
    private int nesting;
    /** Levels of and/or/not, as written, of the sub-filter parsed last (docs/filter-semantics.md §5 counts them as written). */
    private int written;

    private FilterParser(List<FilterToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a filter from its text.
     *
     * @param text the filter text, such as
     *             {@code tags is "vip" and (country is "FR" or city is unknown)}; not null
     * @return the canonical filter it denotes
     * @throws InvalidFilterException if the text is not a filter, with the line, column and
     *                                expectation of the first error
     * @throws dev.contacts.FilterLimitException if it nests and/or/not more than 16 levels deep as written
     */
    public static Filter parse(String text) {
        Objects.requireNonNull(text, "text");
        return new FilterParser(FilterTokenizer.tokenize(text)).filter();
    }

    private Filter filter() {
        if (peek().kind() == Kind.END) {
            throw new InvalidFilterException("the filter is empty (write 'all' to match everything)",
                    peek().line(), peek().column(), FILTER_EXPECTED);
        }
        Filter f = or();
        if (peek().kind() != Kind.END) {
            throw unexpected(peek(), "'and', 'or' or the end of the filter");
        }
        FilterLimits.checkDepth(written);
        return f;
    }

    private Filter or() {
        List<Filter> operands = new ArrayList<>();
        operands.add(and());
        int deepest = written;
        while (peek().is("or")) {
            position++;
            operands.add(and());
            deepest = Math.max(deepest, written);
        }
        written = operands.size() > 1 ? deepest + 1 : deepest;
        return Filter.or(operands);
    }

    private Filter and() {
        List<Filter> operands = new ArrayList<>();
        operands.add(unary());
        int deepest = written;
        while (peek().is("and")) {
            position++;
            operands.add(unary());
            deepest = Math.max(deepest, written);
        }
        written = operands.size() > 1 ? deepest + 1 : deepest;
        return Filter.and(operands);
    }

    private Filter unary() {
        FilterToken t = peek();
        if (!t.is("not") || !isNegation()) {
            return primary();
        }
        enter(t);
        position++;
        Filter operand = unary();
        nesting--;
        written++;
        return Filter.not(operand);
    }

    /**
     * Whether the {@code not} at the current position negates what follows rather than
     * being an attribute named "not" (the printer writes any name Condition accepts, so
     * {@code not is "x"} must read as a condition). It is an attribute exactly when an
     * operator follows it, unless that operator's first word is itself the name of a
     * negated attribute, as in {@code not on on 2026-11-25}.
     */
    private boolean isNegation() {
        Operator following = operatorAt(position + 1);
        if (following == null) {
            return true;
        }
        // "not NOT on d" could be either; it is the attribute "not" with "not on", because
        // that is what such text means when the printer writes it: a printed negation
        // always reads "not (".
        if (following == Operator.NOT_ON) {
            return false;
        }
        return tokens.get(position + 1).kind() == Kind.WORD && operatorAt(position + 2) != null;
    }

    private Filter primary() {
        FilterToken t = peek();
        if (t.is("(")) {
            enter(t);
            position++;
            Filter f = or();
            expect(")", "'and', 'or' or ')'");
            nesting--;
            return f;
        }
        // Followed by an operator, "all" is the name of an attribute; the keyword never is.
        if (t.is("all") && operatorAt(position + 1) == null) {
            position++;
            written = 0;
            return Filter.all();
        }
        if (t.kind() == Kind.WORD) {
            written = 0;
            return condition();
        }
        throw unexpected(t, FILTER_EXPECTED);
    }

    private Filter condition() {
        FilterToken attribute = next();
        Operator op = operatorAt(position);
        if (op == null) {
            throw unexpected(peek(), OPERATOR_EXPECTED);
        }
        position += WORDS.get(op).length;
        List<Object> operands = operands(op);
        try {
            if (isRelative(op)) {
                operands = List.of(new RelativePeriod(amount((BigDecimal) operands.get(0)), (PeriodUnit) operands.get(1)));
            }
            return new Condition(attribute.text(), op, operands);
        } catch (InvalidFilterException e) {
            InvalidFilterException positioned = new InvalidFilterException(
                    e.getMessage(), attribute.line(), attribute.column(), operandsExpected(op));
            positioned.initCause(e);
            throw positioned;
        }
    }

    /**
     * Reads the operands of an operator as written. Their types and values are left to
     * Condition and RelativePeriod, so that the text accepts exactly what the API does.
     * A relative period comes back as its amount (a BigDecimal) and unit, to be checked
     * by the caller where a refusal can be reported at the start of the condition.
     */
    private List<Object> operands(Operator op) {
        if (isRelative(op)) {
            return period(op);
        }
        switch (op.arity()) {
            case NONE:
                return List.of();
            case ONE:
                return List.of(value(op));
            case TWO: {
                Object low = value(op);
                expect("and", "'and' between the two bounds of 'between'");
                return List.of(low, value(op));
            }
            case LIST:
                return list(op);
            default:
                throw new IllegalStateException(op.arity().name());
        }
    }

    private Object value(Operator op) {
        FilterToken t = peek();
        switch (t.kind()) {
            case STRING:
            case NUMBER:
            case DATE:
            case INSTANT:
                position++;
                return t.value();
            default:
                if (t.is("true") || t.is("false")) {
                    position++;
                    return Boolean.valueOf(t.is("true"));
                }
                throw unexpected(t, operandsExpected(op));
        }
    }

    private List<Object> list(Operator op) {
        expect("[", operandsExpected(op));
        List<Object> values = new ArrayList<>();
        if (peek().is("]")) {
            position++;
            return values; // Condition reports the empty list
        }
        while (true) {
            FilterToken t = peek();
            if (t.kind() != Kind.STRING) {
                throw unexpected(t, STRING_EXPECTED);
            }
            position++;
            values.add(t.value());
            if (peek().is("]")) {
                position++;
                return values;
            }
            expect(",", "',' or ']'");
        }
    }

    private List<Object> period(Operator op) {
        FilterToken amount = peek();
        if (amount.kind() != Kind.NUMBER || amount.text().indexOf('.') >= 0) {
            throw unexpected(amount, AMOUNT_EXPECTED);
        }
        position++;
        FilterToken word = peek();
        PeriodUnit unit = word.kind() == Kind.WORD ? PeriodUnit.parse(word.text()) : null;
        if (unit == null) {
            throw unexpected(word, UNIT_EXPECTED);
        }
        position++;
        if (op == Operator.MORE_THAN_AGO) {
            expect("ago", "'ago'");
        }
        return List.of(amount.value(), unit);
    }

    private static long amount(BigDecimal n) {
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            // Too large for RelativePeriod to even look at; say what it would have said.
            throw new InvalidFilterException("a relative period needs an amount from 1 to "
                    + RelativePeriod.MAX_AMOUNT + ", got " + n.toPlainString());
        }
    }

    private static boolean isRelative(Operator op) {
        return op == Operator.WITHIN_LAST || op == Operator.WITHIN_NEXT || op == Operator.MORE_THAN_AGO;
    }

    /** @return the operator whose words start at token {@code index}, the longest if several do, else null */
    private Operator operatorAt(int index) {
        for (Operator op : LONGEST_FIRST) {
            String[] words = WORDS.get(op);
            int i = 0;
            while (i < words.length && index + i < tokens.size() && tokens.get(index + i).is(words[i])) {
                i++;
            }
            if (i == words.length) {
                return op;
            }
        }
        return null;
    }

    private static String operandsExpected(Operator op) {
        switch (op) {
            case IS:
            case IS_NOT:
                return "a non-blank string in double quotes, true or false";
            case IS_ANY_OF:
            case IS_NONE_OF:
            case IS_ALL_OF:
            case IS_NOT_ALL_OF:
                return "a non-empty list of non-blank strings such as [\"a\", \"b\"]";
            case CONTAINS:
            case DOES_NOT_CONTAIN:
            case STARTS_WITH:
            case DOES_NOT_START_WITH:
            case ENDS_WITH:
            case DOES_NOT_END_WITH:
                return "a non-blank string in double quotes";
            case EQ:
            case NE:
                return "a number such as 42 or -1.5";
            case LT:
            case LE:
            case GT:
            case GE:
                return "a number or an instant such as 2026-11-25T10:15:30.000Z";
            case BETWEEN:
                return "two numbers or two dates, the smaller first, as in 'between 1 and 5'";
            case ON:
            case NOT_ON:
            case BEFORE:
            case AFTER:
                return "a date such as 2026-11-25";
            case WITHIN_LAST:
            case WITHIN_NEXT:
                return AMOUNT_EXPECTED + " and a unit, as in '" + op.spelling() + " 30 days'";
            case MORE_THAN_AGO:
                return AMOUNT_EXPECTED + ", a unit and 'ago', as in 'more than 2 weeks ago'";
            default:
                return "nothing after '" + op.spelling() + "'";
        }
    }

    private void enter(FilterToken t) {
        if (++nesting > MAX_NESTING) {
            throw new InvalidFilterException("parentheses and 'not's are nested more than " + MAX_NESTING + " deep",
                    t.line(), t.column(), "at most " + MAX_NESTING + " levels of nesting");
        }
    }

    private void expect(String keyword, String expected) {
        if (!peek().is(keyword)) {
            throw unexpected(peek(), expected);
        }
        position++;
    }

    private FilterToken peek() {
        return tokens.get(position);
    }

    private FilterToken next() {
        return tokens.get(position++);
    }

    private static InvalidFilterException unexpected(FilterToken t, String expected) {
        return new InvalidFilterException("found " + t.describe(), t.line(), t.column(), expected);
    }
}
