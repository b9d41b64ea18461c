package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.ActivityEvent;
import dev.contacts.model.ActivityId;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.spi.ActivityRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Web sessions and live chats: each ingestion under the property's write lock, which also
 * guards the contacts, so the event and the contact's statistics change together or not
 * at all, and concurrent ingestions are serialised. {@link #recover} has nothing to complete.
 */
final class InMemoryActivity implements ActivityRepository {
    private final InMemoryStore store;

    InMemoryActivity(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean recordWebSession(PropertyId property, WebSession session) {
        return record(property, session, a -> a.webSessions, ContactStats::withWebSession);
    }

    @Override
    public boolean recordLiveChat(PropertyId property, LiveChat chat) {
        return record(property, chat, a -> a.chats, ContactStats::withChat);
    }

    private <E extends ActivityEvent> boolean record(PropertyId property, E event, Function<ActivityData, EventLog<E>> kind,
                                                     BiFunction<Contact, E, Contact> stats) {
        Objects.requireNonNull(event, "event");
        PropertyData data = store.require(property, "ingest activity");
        return data.write(() -> {
            Row<Contact> contact = data.contacts.get(event.contact());
            if (contact == null) {
                throw new NotFoundException("contact " + event.contact() + " does not exist in property " + property);
            }
            EventLog<E> log = kind.apply(data.activity);
            if (log.hasExternalId(event.externalId())) {
                return false;
            }
            if (data.activity.webSessions.hasId(event.id()) || data.activity.chats.hasId(event.id())) {
                throw new ConflictException("activity event " + event.id() + " already exists in property " + property);
            }
            Contact next = stats.apply(contact.entity, event); // validates before anything changes
            log.insert(event);
            data.contacts.replace(contact, Schema.CONTACTS.row(next));
            return true;
        });
    }

    @Override
    public List<WebSession> listWebSessions(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId,
                                            int limit) {
        return list(property, contact, beforeStart, beforeId, limit, a -> a.webSessions);
    }

    @Override
    public List<LiveChat> listChats(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit) {
        return list(property, contact, beforeStart, beforeId, limit, a -> a.chats);
    }

    private <E extends ActivityEvent> List<E> list(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId,
                                                   int limit, Function<ActivityData, EventLog<E>> kind) {
        Objects.requireNonNull(contact, "contact");
        InMemoryStore.checkLimit(limit, 1001);
        return store.read(property, List.of(), data -> kind.apply(data.activity).page(contact, beforeStart, beforeId,
                limit));
    }

    @Override
    public long deleteAllFor(PropertyId property, ContactId contact) {
        Objects.requireNonNull(contact, "contact");
        return store.writeIfPresent(property, 0L,
                data -> data.activity.webSessions.removeAllFor(contact) + data.activity.chats.removeAllFor(contact));
    }

    @Override
    public long reassign(PropertyId property, ContactId from, ContactId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return store.writeIfPresent(property, 0L, data -> {
            if (data.contacts.get(to) == null) {
                return data.activity.webSessions.removeAllFor(from) + data.activity.chats.removeAllFor(from);
            }
            return data.activity.webSessions.move(from, to) + data.activity.chats.move(from, to);
        });
    }

    /** Returns 0: every write of this store is atomic under the property's lock, so none is ever left half done. */
    @Override
    public long recover(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return 0;
    }
}
