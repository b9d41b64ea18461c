package dev.contacts.inmemory;

import dev.contacts.internal.Uuid7;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Per owner (a contact or an organization), the ids of its dated items newest first: the
 * keyset index behind the notes, web sessions and chats of one property. Not thread-safe by
 * itself: guarded by the property's lock like the rest of {@link PropertyData}.
 *
 * @param <O> owner id type
 */
final class NewestFirstIndex<O> {
    /** An item's place: time descending, then id descending as unsigned numbers. */
    record Stamp(Instant time, UUID id) implements Comparable<Stamp> {
        @Override
        public int compareTo(Stamp other) {
            int byTime = other.time.compareTo(time);
            return byTime != 0 ? byTime : Uuid7.compareUnsigned(other.id, id);
        }
    }

    private final Map<O, NavigableSet<Stamp>> byOwner = new HashMap<>();

    void add(O owner, Instant time, UUID id) {
        byOwner.computeIfAbsent(owner, o -> new TreeSet<>()).add(new Stamp(time, id));
    }

    void remove(O owner, Instant time, UUID id) {
        NavigableSet<Stamp> stamps = byOwner.get(owner);
        if (stamps != null && stamps.remove(new Stamp(time, id)) && stamps.isEmpty()) {
            byOwner.remove(owner);
        }
    }

    /**
     * @param owner      the owner
     * @param beforeTime with {@code beforeId}, the position to start after; null for the newest
     * @param beforeId   the id at that position
     * @param limit      most ids to return
     * @return the ids of the owner's items strictly past the position, newest first
     */
    List<UUID> page(O owner, Instant beforeTime, UUID beforeId, int limit) {
        if ((beforeTime == null) != (beforeId == null)) {
            throw new IllegalArgumentException("give both the time and the id of the position, or neither");
        }
        NavigableSet<Stamp> stamps = byOwner.get(owner);
        List<UUID> ids = new ArrayList<>();
        if (stamps == null) {
            return ids;
        }
        for (Stamp s : beforeId == null ? stamps : stamps.tailSet(new Stamp(beforeTime, beforeId), false)) {
            if (ids.size() == limit) {
                break;
            }
            ids.add(s.id());
        }
        return ids;
    }

    /**
     * @param owner the owner
     * @return the ids of all its items, newest first
     */
    List<UUID> all(O owner) {
        NavigableSet<Stamp> stamps = byOwner.get(owner);
        List<UUID> ids = new ArrayList<>();
        if (stamps != null) {
            stamps.forEach(s -> ids.add(s.id()));
        }
        return ids;
    }
}
