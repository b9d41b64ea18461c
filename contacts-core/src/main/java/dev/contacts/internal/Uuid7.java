package dev.contacts.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit
 * sequence that keeps ids generated in the same millisecond by this JVM increasing, then
 * 62 random bits. Ids sort in creation order when compared as unsigned 128-bit numbers.
 */
public final class Uuid7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static int sequence;

    private Uuid7() {
    }

    /** @return a new UUID v7, greater than every one this JVM generated before */
    public static synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            sequence = RANDOM.nextInt(1 << 11); // leave head-room for ids in the same ms
        } else {
            sequence++;
            if (sequence >= (1 << 12)) { // 4096 ids in one ms: borrow the next millisecond
                lastMillis++;
                sequence = 0;
            }
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /**
     * Compares as unsigned 128-bit numbers, which is the order of the canonical lower-case
     * text. {@link UUID#compareTo} compares signed longs and must not be used for ordering.
     *
     * @param a first id
     * @param b second id
     * @return negative, zero or positive as a is below, equal to or above b
     */
    public static int compareUnsigned(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
