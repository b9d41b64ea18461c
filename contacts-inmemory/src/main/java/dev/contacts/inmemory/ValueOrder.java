package dev.contacts.inmemory;

import dev.contacts.model.EntityId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The orders of docs/filter-semantics.md §7 on normalised values: text (already folded) by Unicode
 * code point, numbers by value, instants by time, {@code false < true}, ids as unsigned
 * 128-bit numbers.
 */
final class ValueOrder {
    private ValueOrder() {
    }

    /**
     * Compares two strings by Unicode code point (the order of their UTF-8 bytes), not by
     * UTF-16 unit as {@link String#compareTo} does: a supplementary character (a surrogate
     * pair) sorts after every BMP character, including U+E000–U+FFFF.
     *
     * @param a a string
     * @param b a string
     * @return negative, zero or positive
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
                    boolean sx = Character.isSurrogate(x);
                    boolean sy = Character.isSurrogate(y);
                    if (sx != sy) {
                        return sx ? 1 : -1;
                    }
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /**
     * @param a an id
     * @param b an id
     * @return their order as unsigned 128-bit numbers
     */
    static int compareIds(EntityId a, EntityId b) {
        UUID x = a.value();
        UUID y = b.value();
        int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }

    /**
     * @param a a known value
     * @param b a known value
     * @return whether {@link #compare} orders them by value (same kind of value)
     */
    static boolean comparable(Object a, Object b) {
        return (a instanceof String && b instanceof String)
                || (a instanceof BigDecimal && b instanceof BigDecimal)
                || (a instanceof Instant && b instanceof Instant)
                || (a instanceof Boolean && b instanceof Boolean)
                || (a instanceof EntityId && b instanceof EntityId);
    }

    /**
     * Orders two known values of the same kind; values of different kinds (which a
     * consistent store never holds under one attribute) are ordered by class name so
     * that sorting stays total.
     *
     * @param a a known value (text already folded)
     * @param b a known value
     * @return negative, zero or positive
     */
    static int compare(Object a, Object b) {
        if (a instanceof String && b instanceof String) {
            return compareCodePoints((String) a, (String) b);
        }
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b);
        }
        if (a instanceof Instant && b instanceof Instant) {
            return ((Instant) a).compareTo((Instant) b);
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        if (a instanceof EntityId && b instanceof EntityId) {
            return compareIds((EntityId) a, (EntityId) b);
        }
        return a.getClass().getName().compareTo(b.getClass().getName());
    }
}
