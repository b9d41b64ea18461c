package dev.contacts;

import dev.contacts.host.BlobStore;
import dev.contacts.host.Mailer;
import dev.contacts.internal.HostServices;
import dev.contacts.model.Attachment;
import dev.contacts.model.OutboundEmail;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the emails waiting in the outbox of every property through the host's
 * {@link Mailer}. The SDK starts no thread: the host calls {@link #runOnce()} from its
 * scheduler (every few seconds, say), from as many instances as it likes.
 *
 * <p>Each due email is first claimed in the store (so concurrent dispatchers do not send
 * it twice), then handed to the mailer, then marked sent. A refused send is retried with
 * exponential backoff ({@link EmailRetryPolicy}); after the last attempt the email is
 * marked failed and logged at ERROR. Delivery is at least once: if the process dies
 * between the send and the mark, the claim expires and the email is sent again — with the
 * same Message-ID, fixed when the message was created, so the host's mailer can drop the
 * repeat. Obtain it from {@code contacts.emailDispatcher()}.
 *
 * <p>Thread-safe: {@link #runOnce()} may run on several threads or nodes at once; each email is claimed
 * by one of them before it is sent.
 */
public final class EmailDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int BATCH = 100;
    private static final int MAX_ERROR = 500;

    private final ContactStore store;
    private final Clock clock;
    private final HostServices hosts;
    private final EmailRetryPolicy policy;

    EmailDispatcher(ContactStore store, Clock clock, HostServices hosts) {
        this.store = store;
        this.clock = clock;
        this.hosts = hosts;
        this.policy = hosts.tickets().retry();
    }

    /**
     * Sends every email that is due now, in every property, each at most once per run.
     *
     * @return what was attempted and how it ended
     * @throws NotConfiguredException if no mailer was given to {@code Contacts.builder().mailer(...)}
     * @throws StoreException         if the store fails (emails claimed by this run are retried when their claim expires)
     */
    public DispatchReport runOnce() {
        Mailer mailer = hosts.requireMailer();
        List<DispatchReport.Attempt> attempts = new ArrayList<>();
        int skipped = 0;
        for (Property property : store.properties().list()) {
            PropertyId pid = property.id();
            TicketRepository tickets = store.tickets();
            Set<TicketMessageId> seen = new HashSet<>();
            Map<TicketId, Optional<Ticket>> ticketCache = new HashMap<>();
            boolean more = true;
            while (more) {
                List<TicketMessage> due = tickets.listDueEmails(pid, now(), BATCH);
                more = due.size() == BATCH;
                boolean progress = false;
                for (TicketMessage message : due) {
                    if (!seen.add(message.id())) {
                        continue;
                    }
                    progress = true;
                    Optional<Ticket> ticket = ticketCache.computeIfAbsent(message.ticket(), id -> tickets.get(pid, id));
                    DispatchReport.Attempt attempt = ticket.isEmpty() ? null : send(mailer, tickets, pid, ticket.get(), message);
                    if (attempt == null) {
                        skipped++;
                    } else {
                        attempts.add(attempt);
                    }
                }
                more &= progress;
            }
        }
        return new DispatchReport(attempts, skipped);
    }

    private DispatchReport.Attempt send(Mailer mailer, TicketRepository tickets, PropertyId pid, Ticket ticket, TicketMessage due) {
        Instant now = now();
        Optional<TicketMessage> claim = tickets.claimEmail(pid, ticket.id(), due.id(), now, now.plus(policy.claimTimeout()));
        if (claim.isEmpty()) {
            return null;
        }
        TicketMessage message = claim.get();
        int attempt = message.delivery().attempts();
        if (attempt > policy.maxAttempts()) {
            String error = "gave up: " + (attempt - 1) + " attempts ended without a result (claims expired)";
            return fail(tickets, pid, message, attempt, error);
        }
        try {
            mailer.send(email(pid, ticket, message, attempt));
        } catch (RuntimeException e) {
            String error = describe(e);
            if (attempt >= policy.maxAttempts()) {
                return fail(tickets, pid, message, attempt, error);
            }
            Instant next = now().plus(policy.delayAfter(attempt));
            tickets.markEmailFailed(pid, message.ticket(), message.id(), attempt, next, error);
            LOG.warn("email {} of ticket #{} in property {}: attempt {} of {} failed, next at {}: {}", message.messageId(),
                    ticket.number(), pid, attempt, policy.maxAttempts(), next, error);
            return new DispatchReport.Attempt(pid, message.ticket(), message.id(), message.messageId(), attempt,
                    DispatchReport.Outcome.RETRY_SCHEDULED, next, error);
        }
        tickets.markEmailSent(pid, message.ticket(), message.id(), now());
        LOG.debug("email {} of ticket #{} in property {} sent (attempt {})", message.messageId(), ticket.number(), pid, attempt);
        return new DispatchReport.Attempt(pid, message.ticket(), message.id(), message.messageId(), attempt,
                DispatchReport.Outcome.SENT, null, null);
    }

    private DispatchReport.Attempt fail(TicketRepository tickets, PropertyId pid, TicketMessage message, int attempt, String error) {
        tickets.markEmailFailed(pid, message.ticket(), message.id(), attempt, null, error);
        LOG.error("email {} of ticket {} in property {} to {} FAILED after {} attempt(s), not retried: {}", message.messageId(),
                message.ticket(), pid, message.contactAddress(), attempt, error);
        return new DispatchReport.Attempt(pid, message.ticket(), message.id(), message.messageId(), attempt,
                DispatchReport.Outcome.FAILED, null, error);
    }

    private OutboundEmail email(PropertyId pid, Ticket ticket, TicketMessage m, int attempt) {
        BlobStore blobs = hosts.blobs();
        List<OutboundEmail.AttachedFile> files = new ArrayList<>();
        for (Attachment a : m.attachments()) {
            files.add(new OutboundEmail.AttachedFile(a.name(), a.contentType(), a.size(), a.blobKey(),
                    () -> blobs.get(a.blobKey()).orElseThrow(() -> new StoreException("blobStore.get",
                            "the bytes of attachment '" + a.name() + "' (" + a.blobKey() + ") are missing"))));
        }
        return new OutboundEmail(pid, ticket.id(), ticket.number(), m.id(), m.messageId(), m.inReplyTo(), m.references(),
                m.contactAddress(), m.subject(), m.body(), files, attempt);
    }

    private static String describe(RuntimeException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        text = text.replaceAll("\\p{Cntrl}+", " ").strip();
        if (text.length() <= MAX_ERROR) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_ERROR - 1)) ? MAX_ERROR - 1 : MAX_ERROR);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
