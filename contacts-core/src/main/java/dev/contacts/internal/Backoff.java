package dev.contacts.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Jittered exponential backoff ("full jitter"): before attempt n+1, a random pause between
 * zero and a cap that doubles from {@code firstCapMicros} with each attempt, up to
 * {@code maxCapMicros}. Writers that lost a race to each other spread out instead of
 * colliding again at once. Used by the core's retries of lost races and by the stores'
 * retries of their own transactions.
 *
 * @param firstCapMicros the cap of the pause after the first attempt, in microseconds
 * @param maxCapMicros   the largest cap, in microseconds
 */
public record Backoff(long firstCapMicros, long maxCapMicros) {
    /**
     * Checks the caps.
     *
     * @param firstCapMicros the cap of the pause after the first attempt, in microseconds
     * @param maxCapMicros   the largest cap, in microseconds
     */
    public Backoff {
        if (firstCapMicros < 1 || maxCapMicros < firstCapMicros) {
            throw new IllegalArgumentException("caps must be 1 <= first <= max, not " + firstCapMicros + ", " + maxCapMicros);
        }
    }

    /**
     * Sleeps before the next attempt.
     *
     * @param attempt the attempt that just failed, from 1
     * @return false if the thread was interrupted (its interrupt flag is set again): stop retrying
     */
    public boolean pause(int attempt) {
        long cap = Math.min(maxCapMicros, firstCapMicros << Math.min(Math.max(attempt, 1) - 1, 20));
        long micros = ThreadLocalRandom.current().nextLong(cap + 1);
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
