package dev.contacts.inmemory;

import dev.contacts.model.ActivityEvent;
import dev.contacts.model.ActivityId;
import dev.contacts.model.ContactId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of one kind (web sessions or live chats) of one property: by SDK id, by the
 * host's external id (the idempotency key) and per contact newest first. Guarded by the
 * property's lock, like the contacts whose statistics each insert changes.
 *
 * @param <E> event type
 */
final class EventLog<E extends ActivityEvent> {
    private final Map<ActivityId, E> byId = new HashMap<>();
    private final Map<String, ActivityId> byExternalId = new HashMap<>();
    private final NewestFirstIndex<ContactId> byContact = new NewestFirstIndex<>();

    boolean hasExternalId(String externalId) {
        return byExternalId.containsKey(externalId);
    }

    boolean hasId(ActivityId id) {
        return byId.containsKey(id);
    }

    void insert(E event) {
        byId.put(event.id(), event);
        byExternalId.put(event.externalId(), event.id());
        byContact.add(event.contact(), event.start(), event.id().value());
    }

    private void remove(E event) {
        byId.remove(event.id());
        byExternalId.remove(event.externalId());
        byContact.remove(event.contact(), event.start(), event.id().value());
    }

    List<E> page(ContactId contact, Instant beforeStart, ActivityId beforeId, int limit) {
        List<E> page = new ArrayList<>();
        for (UUID id : byContact.page(contact, beforeStart, beforeId == null ? null : beforeId.value(), limit)) {
            page.add(byId.get(new ActivityId(id)));
        }
        return List.copyOf(page);
    }

    long removeAllFor(ContactId contact) {
        List<UUID> ids = byContact.all(contact);
        for (UUID id : ids) {
            remove(byId.get(new ActivityId(id)));
        }
        return ids.size();
    }

    @SuppressWarnings("unchecked")
    long move(ContactId from, ContactId to) {
        List<UUID> ids = byContact.all(from);
        for (UUID id : ids) {
            E event = byId.get(new ActivityId(id));
            remove(event);
            insert((E) event.withContact(to)); // each record's withContact returns its own type
        }
        return ids.size();
    }
}
