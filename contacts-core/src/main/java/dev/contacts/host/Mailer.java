package dev.contacts.host;

import dev.contacts.model.OutboundEmail;

/**
 * The host's outbound email transport (SMTP, an email API…), given to
 * {@code Contacts.builder().mailer(...)}. The SDK calls it only from
 * {@code EmailDispatcher.runOnce()}, on the thread that runs it.
 *
 * <p>Delivery is at least once: after a crash between a successful {@code send} and the
 * SDK recording it, or when a send fails after the email actually left, the same email is
 * sent again with the same {@link OutboundEmail#messageId() Message-ID}. A mailer that
 * must never send twice keeps the Message-IDs it has sent and returns at once for a
 * repeat.
 *
 * <p>Implementations must be thread-safe: the host may run the {@code EmailDispatcher} on several
 * threads at once.
 */
public interface Mailer {
    /**
     * Sends one email, using its Message-ID, In-Reply-To and References as headers.
     * Returning normally means the email was accepted for delivery; throwing any
     * {@link RuntimeException} means it was not, and the SDK retries later with backoff.
     *
     * @param email the email
     */
    void send(OutboundEmail email);
}
