package dev.contacts.spring.boot;

import dev.contacts.Contacts;
import dev.contacts.model.Property;
import dev.contacts.model.TicketMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code contacts} health of the application ({@code /actuator/health/contacts}): UP when
 * the store answers, with details {@code store} (its type), {@code properties} (how many),
 * {@code outboxBacklog} (ticket emails waiting to be sent, due or not, counted up to
 * 1,000 per property; {@code outboxBacklogCapped} is true when a property has more) and
 * {@code oldestPendingEmailAge} (how long the oldest of them has waited, ISO-8601, absent when
 * none waits); DOWN with the store's error when it does not answer. No address, subject or
 * property id is shown.
 *
 * <p>Thread-safe; each call reads the store (one query per property, bounded).
 */
public final class ContactsHealthIndicator implements HealthIndicator {
    /** Most pending emails counted per property. */
    static final int CAP = 1000;
    /** Far enough ahead to list every pending email, due or not, yet a date every store can hold. */
    private static final Duration HORIZON = Duration.ofDays(365L * 100);

    private final Contacts contacts;
    private final String storeType;

    /**
     * @param contacts  the SDK
     * @param storeType the store's type name
     */
    public ContactsHealthIndicator(Contacts contacts, String storeType) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.storeType = Objects.requireNonNull(storeType, "storeType");
    }

    @Override
    public Health health() {
        try {
            return read();
        } catch (RuntimeException e) {
            return Health.down().withDetail("store", storeType).withDetail("error", e.getClass().getSimpleName() + ": "
                    + e.getMessage()).build();
        }
    }

    private Health read() {
        Instant now = contacts.clock().instant();
        List<Property> properties = contacts.properties();
        long backlog = 0;
        boolean capped = false;
        Instant oldest = null;
        for (Property property : properties) {
            List<TicketMessage> pending = contacts.store().tickets().listDueEmails(property.id(), now.plus(HORIZON), CAP);
            backlog += pending.size();
            capped |= pending.size() == CAP;
            for (TicketMessage message : pending) {
                if (oldest == null || message.created().isBefore(oldest)) {
                    oldest = message.created();
                }
            }
        }
        Health.Builder health = Health.up().withDetail("store", storeType).withDetail("properties", properties.size())
                .withDetail("outboxBacklog", backlog).withDetail("outboxBacklogCapped", capped);
        if (oldest != null) {
            Duration age = Duration.between(oldest, now);
            health.withDetail("oldestPendingEmailAge", (age.isNegative() ? Duration.ZERO : age).toString());
        }
        return health.build();
    }
}
