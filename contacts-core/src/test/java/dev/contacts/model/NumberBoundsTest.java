package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.contacts.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * NUMBER values with extreme exponents (docs/filter-semantics.md §1): refused with a short
 * {@link InvalidValueException} at a cost that does not grow with the exponent, and a
 * message that never spells out hundreds of digits.
 */
class NumberBoundsTest {
    private static final Duration QUICK = Duration.ofSeconds(2);

    private static InvalidValueException refused(String number) {
        BigDecimal value = new BigDecimal(number);
        return assertTimeoutPreemptively(QUICK,
                () -> catchThrowableOfType(InvalidValueException.class, () -> Values.number("n", value)), number);
    }

    @Test
    void hugePositiveExponentsAreRefusedQuicklyWithAShortMessage() {
        for (String n : new String[] {"1e999999999", "1e3000000", "1e400", "-7e19", "1e" + Integer.MAX_VALUE}) {
            InvalidValueException e = refused(n);
            assertThat(e).as(n).isNotNull();
            assertThat(e.attribute()).isEqualTo("n");
            assertThat(e.getMessage()).as(n).contains("18 integer digits").hasSizeLessThan(200);
        }
    }

    @Test
    void hugeNegativeExponentsAreRefusedQuicklyWithAShortMessage() {
        for (String n : new String[] {"1e-999999999", "1e-3000000", "1e-400", "1.5e-7", "1e-" + Integer.MAX_VALUE}) {
            InvalidValueException e = refused(n);
            assertThat(e).as(n).isNotNull();
            assertThat(e.getMessage()).as(n).contains("6 fraction digits").hasSizeLessThan(200);
        }
    }

    @Test
    void manyDigitsAreNeverEchoed() {
        InvalidValueException e = refused("1".repeat(400));
        assertThat(e.getMessage()).contains("400 integer digits").doesNotContain("1".repeat(30));
        InvalidValueException f = refused("0." + "3".repeat(400));
        assertThat(f.getMessage()).contains("400 fraction digits").doesNotContain("3".repeat(30));
    }

    @Test
    void zeroAndTrailingZerosFitWhateverTheExponent() {
        assertThat(assertTimeoutPreemptively(QUICK, () -> Values.number("n", new BigDecimal("0e999999999"))).toPlainString()).isEqualTo("0");
        assertThat(assertTimeoutPreemptively(QUICK, () -> Values.number("n", new BigDecimal("0e-999999999"))).toPlainString()).isEqualTo("0");
        assertThat(Values.number("n", new BigDecimal("12.50000000000000000000000000000000000000")).toPlainString()).isEqualTo("12.5");
        assertThat(Values.number("n", new BigDecimal("123456789012345678e-6")).toPlainString()).isEqualTo("123456789012.345678");
        assertThat(Values.number("n", new BigDecimal("1e17")).toPlainString()).isEqualTo("100000000000000000");
    }

    @Test
    void shortValuesAreStillNamedInTheMessage() {
        assertThat(refused("1000000000000000000").getMessage()).contains("1000000000000000000");
        assertThat(refused("0.0000001").getMessage()).contains("0.0000001");
    }
}
