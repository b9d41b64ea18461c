package dev.contacts;

import dev.contacts.model.PropertyId;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessageId;
import java.time.Instant;
import java.util.List;

/**
 * What one {@link EmailDispatcher#runOnce()} did: every send it attempted, in order, and
 * how many due emails it left to another dispatcher that claimed them first.
 *
 * @param attempts the attempts
 * @param skipped  due emails another dispatcher claimed first
 */
public record DispatchReport(List<Attempt> attempts, int skipped) {
    /**
     * Copies the list.
     *
     * @param attempts the attempts
     * @param skipped  due emails another dispatcher claimed first
     */
    public DispatchReport {
        attempts = List.copyOf(attempts);
    }

    /** How an attempt ended. */
    public enum Outcome {
        /** The mailer accepted the email. */
        SENT,
        /** The mailer refused it; another attempt is scheduled. */
        RETRY_SCHEDULED,
        /** The last attempt failed: the email is marked failed and will not be retried. */
        FAILED
    }

    /**
     * One attempt to send one email.
     *
     * @param property    the property
     * @param ticket      the ticket
     * @param message     the message
     * @param messageId   its Message-ID (the same on every attempt)
     * @param attempt     the attempt number, from 1
     * @param outcome     how it ended
     * @param nextAttempt when the next attempt is due, for {@link Outcome#RETRY_SCHEDULED}; else null
     * @param error       why it failed, or null
     */
    public record Attempt(PropertyId property, TicketId ticket, TicketMessageId message, String messageId, int attempt,
                          Outcome outcome, Instant nextAttempt, String error) {
    }

    /** @return how many emails were sent */
    public long sent() {
        return count(Outcome.SENT);
    }

    /** @return how many failed attempts will be retried */
    public long retried() {
        return count(Outcome.RETRY_SCHEDULED);
    }

    /** @return how many emails were given up */
    public long failed() {
        return count(Outcome.FAILED);
    }

    private long count(Outcome outcome) {
        return attempts.stream().filter(a -> a.outcome() == outcome).count();
    }
}
