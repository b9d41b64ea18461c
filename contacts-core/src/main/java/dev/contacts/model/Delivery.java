package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.Instant;

/**
 * The outbox state of an outbound ticket message: the email waits ({@link Status#PENDING})
 * until the {@code EmailDispatcher} hands it to the host's mailer, is retried with
 * exponential backoff when that fails, and ends {@link Status#SENT} or, after the last
 * attempt, {@link Status#FAILED}. It is written in the same store call as its message, so
 * an email is never lost and never exists without its message.
 *
 * @param status      pending, sent or failed
 * @param attempts    how many sends were started (a started send whose outcome is unknown counts)
 * @param nextAttempt when a pending email is due (while a send is in progress: when its claim expires); null otherwise
 * @param sentAt      when the mailer accepted it; null unless sent
 * @param lastError   why the last attempt failed, or null
 */
public record Delivery(Status status, int attempts, Instant nextAttempt, Instant sentAt, String lastError) {
    /** Where an email is. */
    public enum Status {
        /** Waiting to be sent, or being sent. */
        PENDING,
        /** Accepted by the host's mailer. */
        SENT,
        /** Given up after the last attempt. */
        FAILED
    }

    /**
     * Checks the state is consistent.
     *
     * @param status      pending, sent or failed
     * @param attempts    how many sends were started (a started send whose outcome is unknown counts)
     * @param nextAttempt when a pending email is due (while a send is in progress: when its claim expires); null otherwise
     * @param sentAt      when the mailer accepted it; null unless sent
     * @param lastError   why the last attempt failed, or null
     * @throws InvalidValueException naming {@code delivery} otherwise
     */
    public Delivery {
        if (status == null) {
            throw new InvalidValueException("delivery", "a delivery needs a status");
        }
        if (attempts < 0) {
            throw new InvalidValueException("delivery", "attempts cannot be negative");
        }
        if (status == Status.PENDING && nextAttempt == null) {
            throw new InvalidValueException("delivery", "a pending email needs the time of its next attempt");
        }
        if (status == Status.SENT && sentAt == null) {
            throw new InvalidValueException("delivery", "a sent email needs the time it was sent");
        }
        nextAttempt = status == Status.PENDING ? Values.date("nextAttempt", nextAttempt) : null;
        sentAt = Values.date("sentAt", sentAt);
    }

    /**
     * @param at when the email is first due
     * @return the state of a newly queued email
     */
    public static Delivery pending(Instant at) {
        return new Delivery(Status.PENDING, 0, at, null, null);
    }

    /**
     * @param leaseUntil when the claim expires and the email is due again
     * @return this state with one more attempt started
     */
    public Delivery claimed(Instant leaseUntil) {
        return new Delivery(Status.PENDING, attempts + 1, leaseUntil, null, lastError);
    }

    /**
     * @param at when the mailer accepted it
     * @return the sent state
     */
    public Delivery sent(Instant at) {
        return new Delivery(Status.SENT, attempts, null, at, null);
    }

    /**
     * @param next  when to try again, or null to give up
     * @param error why the attempt failed
     * @return the state after a failed attempt: pending again, or failed when {@code next} is null
     */
    public Delivery failed(Instant next, String error) {
        return next == null ? new Delivery(Status.FAILED, attempts, null, null, error)
                : new Delivery(Status.PENDING, attempts, next, null, error);
    }
}
