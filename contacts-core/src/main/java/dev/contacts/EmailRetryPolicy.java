package dev.contacts;

import java.time.Duration;

/**
 * How the {@link EmailDispatcher} retries an email the host's mailer refused: attempt
 * {@code n} that fails is retried after {@code min(maxDelay, firstDelay × 2^(n-1))}, and
 * after {@code maxAttempts} attempts the email is marked failed and logged at ERROR.
 * While a send is in progress the email is claimed for {@code claimTimeout}; if the
 * dispatcher dies meanwhile, the email is due again when the claim expires and is sent
 * again with the same Message-ID.
 *
 * @param maxAttempts  attempts before giving up, 1..100
 * @param firstDelay   the delay after the first failed attempt, positive
 * @param maxDelay     the longest delay, at least {@code firstDelay}
 * @param claimTimeout how long one attempt may take before another dispatcher takes the email over, positive
 */
public record EmailRetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration claimTimeout) {
    /** The default: 8 attempts, 1 minute doubling up to 1 hour, claims of 5 minutes (about 2 hours of retries). */
    public static final EmailRetryPolicy DEFAULT =
            new EmailRetryPolicy(8, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5));

    /**
     * Validates the policy.
     *
     * @param maxAttempts  attempts before giving up, 1..100
     * @param firstDelay   the delay after the first failed attempt, positive
     * @param maxDelay     the longest delay, at least {@code firstDelay}
     * @param claimTimeout how long one attempt may take before another dispatcher takes the email over, positive
     * @throws InvalidValueException naming the component that is out of range
     */
    public EmailRetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new InvalidValueException("maxAttempts", maxAttempts + " is not within 1..100");
        }
        positive("firstDelay", firstDelay);
        positive("maxDelay", maxDelay);
        positive("claimTimeout", claimTimeout);
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new InvalidValueException("maxDelay", maxDelay + " is shorter than firstDelay " + firstDelay);
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(365)) > 0) {
            throw new InvalidValueException(name, d + " is not a positive duration of at most a year");
        }
    }

    /**
     * @param attempt an attempt that failed, from 1
     * @return how long to wait before the next one
     */
    public Duration delayAfter(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
