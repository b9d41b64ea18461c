package dev.contacts.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contacts.InvalidFilterException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed filter texts: each must fail with an {@link InvalidFilterException} at the
 * right line and column (1-based, code points) and say what was expected there.
 */
class FilterParserErrorsTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                // input, line, column, a fragment of what was expected
                Arguments.of("", 1, 1, "a condition"),
                Arguments.of("  \n\t ", 2, 3, "a condition"),
                Arguments.of("tags", 1, 5, "an operator"),
                Arguments.of("tags equals \"a\"", 1, 6, "an operator"),
                Arguments.of("tags is", 1, 8, "string"),
                Arguments.of("tags is 'vip'", 1, 9, "string"),
                Arguments.of("tags is \"vip", 1, 9, "'\"'"),
                Arguments.of("tags is \"a\\qb\"", 1, 11, "escape"),
                Arguments.of("tags is \"\\u12G4\"", 1, 10, "escape"),
                Arguments.of("tags is \"a\tb\"", 1, 11, "escape"),
                Arguments.of("x = 1e5", 1, 5, "no exponent"),
                Arguments.of("x >= 1.5E3 and y is unknown", 1, 6, "no exponent"),
                Arguments.of("x = .5", 1, 5, "a number"),
                Arguments.of("x = 5and y = 3", 1, 5, "a plain decimal number"),
                Arguments.of("tags is \"a\" extra", 1, 13, "end of the filter"),
                Arguments.of("tags is \"a\")", 1, 12, "end of the filter"),
                Arguments.of("tags is \"a\" and", 1, 16, "a condition"),
                Arguments.of("tags is any of [\"a\", \"b\"", 1, 25, "']'"),
                Arguments.of("tags is any of [\"a\",]", 1, 21, "a string in double quotes"),
                Arguments.of("tags is any of [\"a\" \"b\"]", 1, 21, "']'"),
                Arguments.of("tags is any of \"a\"", 1, 16, "list"),
                Arguments.of("(tags is \"a\"", 1, 13, "')'"),
                Arguments.of("()", 1, 2, "a condition"),
                Arguments.of("not", 1, 4, "a condition"),
                Arguments.of("x is #", 1, 6, "string"),
                Arguments.of("x ! = 5", 1, 3, "an operator"),
                Arguments.of("5 = x", 1, 1, "a condition"),
                Arguments.of("x.y.z is \"a\"", 1, 4, "an operator"),
                Arguments.of("x between 1 or 5", 1, 13, "'and'"),
                Arguments.of("x within last 3 fortnights", 1, 17, "a unit"),
                Arguments.of("x within last days", 1, 15, "a whole number"),
                Arguments.of("x within last 1.5 days", 1, 15, "a whole number"),
                Arguments.of("x more than 3 days", 1, 19, "'ago'"),
                Arguments.of("x < 2026-11-25T10:15:30", 1, 5, "offset"),
                Arguments.of("x on 2026-02-30", 1, 6, "a date"),
                Arguments.of("x on 26-02-03", 1, 6, "a date"),
                // Refused by Condition or RelativePeriod: reported at the start of the condition.
                Arguments.of("y is \"a\" and x between 5 and 1", 1, 14, "the smaller first"),
                Arguments.of("x between 1 and 2026-01-01", 1, 1, "two numbers or two dates"),
                Arguments.of("a is \"a\" or\n  x contains \"   \"", 2, 3, "non-blank string"),
                Arguments.of("x contains 5", 1, 1, "string"),
                Arguments.of("x is 5", 1, 1, "true or false"),
                Arguments.of("x = \"5\"", 1, 1, "a number"),
                Arguments.of("x on 2026-01-01T00:00Z", 1, 1, "a date"),
                Arguments.of("x on 1899-12-31", 1, 1, "a date"),
                Arguments.of("x < 10000-01-01T00:00Z", 1, 5, "a plain decimal number"),
                Arguments.of("x < 1899-12-31T23:59:59.999Z", 1, 1, "an instant"),
                Arguments.of("x != 1.1234567", 1, 1, "a number"),
                Arguments.of("x = 1234567890123456789", 1, 1, "a number"),
                Arguments.of("x is any of []", 1, 1, "non-empty list"),
                Arguments.of("x is \"\\ud800\"", 1, 1, "string"),
                Arguments.of("x is \"\\u0000\"", 1, 1, "string"),
                Arguments.of("x within last 0 days", 1, 1, "from 1 to 100000"),
                Arguments.of("x within next 100001 hours", 1, 1, "from 1 to 100000"),
                Arguments.of("x more than -3 weeks ago", 1, 1, "from 1 to 100000"),
                Arguments.of("x within last 99999999999999999999999 days", 1, 1, "from 1 to 100000"),
                // Lines advance on LF, CRLF counts once; columns count code points, not UTF-16 units.
                Arguments.of("tags is \"a\"\r\nand (city is unknown\n  or country is 'FR')", 3, 17, "string"),
                Arguments.of("name is \"😀😀\" nonsense", 1, 14, "end of the filter"),
                Arguments.of("name is \"👍🏽\"\nand 😀 is \"a\"", 2, 5, "a condition"),
                Arguments.of("name is \"😀\" and x is \"\\x\"", 1, 23, "escape"),
                Arguments.of("name\u00A0is \"a\"", 1, 5, "an operator"),
                Arguments.of("\uFEFFname is \"a\"", 1, 1, "a condition"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void reportsWhereAndWhat(String input, int line, int column, String expected) {
        InvalidFilterException e = catchThrowableOfType(InvalidFilterException.class, () -> FilterParser.parse(input));
        assertThat(e).as("no error for %s", input).isNotNull();
        assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
        assertThat(e.expected()).as("expected of: %s", e.getMessage()).isNotNull().contains(expected);
        assertThat(e.getMessage()).contains("line " + line + ", column " + column);
    }

    @Test
    void conditionErrorsKeepTheirReasonAndCause() {
        InvalidFilterException e = catchThrowableOfType(InvalidFilterException.class,
                () -> FilterParser.parse("x between 5 and 1"));
        assertThat(e.getMessage()).contains("5 is above 1");
        assertThat(e.getCause()).isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void deepParenthesesFailCleanly() {
        String deep = "(".repeat(5000) + "x is \"a\"" + ")".repeat(5000);
        assertThatThrownBy(() -> FilterParser.parse(deep))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(1001);
                    assertThat(e.expected()).isNotNull();
                });
    }

    @Test
    void deepNotsFailCleanly() {
        String deep = "not ".repeat(100_000) + "x < 5";
        assertThatThrownBy(() -> FilterParser.parse(deep))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(1000 * 4 + 1);
                    assertThat(e.expected()).isNotNull();
                });
    }

    @Test
    void mixedDeepNestingFailsCleanly() {
        String deep = "not (".repeat(600) + "x < 5" + ")".repeat(600);
        assertThatThrownBy(() -> FilterParser.parse(deep))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.column()).isEqualTo(500 * 5 + 1));
    }

    @Test
    void hugeLiteralsFailFast() {
        String digits = "1".repeat(1_000_000);
        InvalidFilterException e = catchThrowableOfType(InvalidFilterException.class,
                () -> FilterParser.parse("x is \"😀\" or x = " + digits));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.expected()).isNotNull();
    }

    @Test
    void nullIsNotText() {
        assertThatThrownBy(() -> FilterParser.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
