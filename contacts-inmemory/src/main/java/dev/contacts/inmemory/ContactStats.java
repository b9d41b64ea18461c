package dev.contacts.inmemory;

import dev.contacts.model.ActivityEvent;
import dev.contacts.model.Contact;
import dev.contacts.model.LiveChat;
import dev.contacts.model.WebSession;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The statistics activity feeds on a contact, computed in Java because this store's
 * writes run under the property's write lock: reading the contact, combining and writing
 * it back is one atomic step here (SQL and MongoDB stores do it in the database, see
 * {@link dev.contacts.spi.ActivityRepository}). Each result has the version + 1 and the
 * same {@code updated}.
 */
final class ContactStats {
    private ContactStats() {
    }

    /** @return the earlier of a stored value (null: unknown) and b */
    static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** @return the later of a stored value (null: unknown) and b */
    static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static BigDecimal plus(BigDecimal counter, long n) {
        return (counter == null ? BigDecimal.ZERO : counter).add(BigDecimal.valueOf(n));
    }

    static Contact withWebSession(Contact c, WebSession s) {
        Contact.Builder b = seen(c, s)
                .set("totalWebSessions", plus(c.totalWebSessions(), 1))
                .set("firstWebSession", min(c.firstWebSession(), s.start()))
                .set("lastWebSession", max(c.lastWebSession(), s.start()))
                .set("pagesViewed", plus(c.pagesViewed(), s.pagesViewed()))
                .set("timeSpent", plus(c.timeSpent(), s.timeSpent()));
        if (c.lastWebSession() == null || !s.start().isBefore(c.lastWebSession())) {
            s.location().forEach(b::set);
        }
        return b.build();
    }

    static Contact withChat(Contact c, LiveChat chat) {
        return seen(c, chat)
                .set("totalLiveChats", plus(c.totalLiveChats(), 1))
                .set("firstLiveChat", min(c.firstLiveChat(), chat.start()))
                .set("lastLiveChat", max(c.lastLiveChat(), chat.start()))
                .build();
    }

    private static Contact.Builder seen(Contact c, ActivityEvent e) {
        return c.toBuilder().version(c.version() + 1)
                .set("firstSeen", min(c.firstSeen(), e.start()))
                .set("lastSeen", max(c.lastSeen(), e.lastActivity()));
    }
}
