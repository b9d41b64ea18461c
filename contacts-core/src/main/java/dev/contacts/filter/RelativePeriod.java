package dev.contacts.filter;

import dev.contacts.InvalidFilterException;
import java.util.Objects;

/**
 * The operand of {@code within last}, {@code more than … ago} and {@code within next}: an
 * amount of 1..100000 units.
 *
 * @param amount 1..100000
 * @param unit   the unit
 */
public record RelativePeriod(long amount, PeriodUnit unit) {
    /** Largest amount. */
    public static final long MAX_AMOUNT = 100_000;

    /**
     * @param amount 1..100000
     * @param unit   the unit
     * @throws InvalidFilterException if the amount is outside 1..100000
     */
    public RelativePeriod {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new InvalidFilterException("a relative period needs an amount from 1 to " + MAX_AMOUNT + ", got " + amount);
        }
    }

    @Override
    public String toString() {
        return amount + " " + unit.plural();
    }
}
