package dev.contacts.sample;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic randomness: one {@link SplittableRandom} per (seed, stream, property,
 * index), so any single contact or organization can be generated alone, in any order, on
 * any thread; and version-7-shaped ids whose time field follows the generation index.
 */
final class Seeds {
    /** Stream of contact values. */
    static final int CONTACT = 1;
    /** Stream of contact id bits. */
    static final int CONTACT_ID = 2;
    /** Stream of organization values. */
    static final int ORGANIZATION = 3;
    /** Stream of organization id bits. */
    static final int ORGANIZATION_ID = 4;

    /** Time field of contact #0 of property #0. */
    static final long CONTACT_ID_EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    /** Time field of organization #0 of property #0 (earlier: companies exist before their people). */
    static final long ORGANIZATION_ID_EPOCH = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    private Seeds() {
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom random(long seed, int stream, int property, long index) {
        long h = mix(seed ^ (0x9E3779B97F4A7C15L * (stream + 1)));
        h = mix(h ^ (0xC2B2AE3D27D4EB4FL * (property + 1)));
        h = mix(h ^ (0x165667B19E3779F9L * (index + 1)));
        return new SplittableRandom(h);
    }

    /**
     * A UUID laid out like version 7 (RFC 9562): 48 bits of Unix milliseconds, version 7,
     * 12 random bits, variant {@code 10}, 62 random bits. Ids with increasing milliseconds
     * compare increasing as unsigned 128-bit numbers.
     */
    static UUID uuid7(long epochMillis, SplittableRandom random) {
        long msb = (epochMillis << 16) | 0x7000L | random.nextInt(1 << 12);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    static UUID contactUuid(long seed, int property, int index) {
        long millis = CONTACT_ID_EPOCH + (long) property * SampleSpec.MAX_PER_PROPERTY + index;
        return uuid7(millis, random(seed, CONTACT_ID, property, index));
    }

    static UUID organizationUuid(long seed, int property, int index) {
        long millis = ORGANIZATION_ID_EPOCH + (long) property * SampleSpec.MAX_PER_PROPERTY + index;
        return uuid7(millis, random(seed, ORGANIZATION_ID, property, index));
    }

    /** @return one element, uniformly */
    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** @return one element, uniformly */
    static <T> T pick(SplittableRandom random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** @return true with the given probability */
    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * Cumulative weights for {@link #weighted}.
     *
     * @param weights non-negative weights, at least one positive
     * @return running sums
     */
    static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }

    /** @return cumulative Zipf weights 1/(rank+1)^exponent over n ranks */
    static double[] zipf(int n, double exponent) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / StrictMath.pow(i + 1, exponent);
        }
        return cumulative(weights);
    }

    /** @return an index drawn with the weights whose running sums are given */
    static int weighted(SplittableRandom random, double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
