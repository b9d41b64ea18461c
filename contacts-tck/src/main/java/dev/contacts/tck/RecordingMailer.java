package dev.contacts.tck;

import dev.contacts.host.Mailer;
import dev.contacts.model.OutboundEmail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Mailer} that records every email it accepts and can be told to refuse the next
 * sends, for tests of delivery. The bytes of attachments are read when an email is
 * accepted, as a real mailer would. Thread-safe.
 */
public final class RecordingMailer implements Mailer {
    /**
     * One accepted email.
     *
     * @param email       the email
     * @param attachments the attachments' bytes, in order
     */
    public record Sent(OutboundEmail email, List<byte[]> attachments) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<OutboundEmail> attempted = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** @param n how many of the next sends to refuse with an exception */
    public void refuseNext(int n) {
        refusals.set(n);
    }

    @Override
    public void send(OutboundEmail email) {
        synchronized (sent) {
            attempted.add(email);
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            throw new IllegalStateException("SMTP 451: mailbox temporarily unavailable (refused by the test)");
        }
        List<byte[]> bytes = new ArrayList<>();
        for (OutboundEmail.AttachedFile f : email.attachments()) {
            bytes.add(f.bytes());
        }
        synchronized (sent) {
            sent.add(new Sent(email, List.copyOf(bytes)));
        }
    }

    /** @return every accepted email, in order */
    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** @return the accepted emails by Message-ID: each key once, with every accepted copy */
    public Map<String, List<OutboundEmail>> byMessageId() {
        Map<String, List<OutboundEmail>> grouped = new LinkedHashMap<>();
        for (Sent s : sent()) {
            grouped.computeIfAbsent(s.email().messageId(), k -> new ArrayList<>()).add(s.email());
        }
        return grouped;
    }

    /** @return every email handed to {@link #send}, accepted or refused, in order */
    public List<OutboundEmail> attempted() {
        synchronized (sent) {
            return List.copyOf(attempted);
        }
    }

    /** @return how many sends were refused */
    public int refusedCount() {
        return refused.get();
    }

    /** Forgets what was sent. */
    public void clear() {
        synchronized (sent) {
            sent.clear();
            attempted.clear();
        }
    }
}
