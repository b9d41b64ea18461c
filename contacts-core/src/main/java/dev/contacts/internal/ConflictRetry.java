package dev.contacts.internal;

import dev.contacts.ConflictException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an attempt again when it lost a race to a concurrent writer, with jittered
 * exponential backoff ("full jitter": a random pause below a cap that doubles each time),
 * so that many threads contending for one contact spread out instead of colliding again at
 * once. Only conflicts the caller recognises as lost races are retried; a conflict that
 * would happen again (an address of another contact) is thrown at once. Lost races are
 * retried for up to {@link #MAX_WAIT} (at least {@link #ATTEMPTS} attempts): on a store
 * without row locks, dozens of writers of one contact each lose many times before winning.
 */
public final class ConflictRetry {
    /** Attempts always made before the last conflict is thrown. */
    public static final int ATTEMPTS = 12;
    /** How long lost races are retried after {@link #ATTEMPTS} attempts. */
    public static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);
    private static final Backoff BACKOFF = new Backoff(500, 100_000);

    private ConflictRetry() {
    }

    /**
     * @param what     what is attempted, for the log
     * @param attempt  one attempt (typically one unit of work)
     * @param lostRace whether a conflict of an attempt was a lost race, asked after the attempt ended
     * @param <R>      the result type
     * @return the result of the first attempt that did not lose a race
     * @throws ConflictException the conflict of an attempt that did not lose a race, or of the last attempt
     */
    public static <R> R run(String what, Supplier<R> attempt, Predicate<ConflictException> lostRace) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConflictException e) {
                if (i >= ATTEMPTS && System.nanoTime() - deadline > 0 || !lostRace.test(e)) {
                    throw e;
                }
                LOG.debug("{}: attempt {} lost a race to a concurrent writer ({}); trying again", what, i, e.getMessage());
                if (!BACKOFF.pause(i)) {
                    throw new ConflictException("interrupted while waiting to try again after a conflict: " + e.getMessage());
                }
            }
        }
    }
}
