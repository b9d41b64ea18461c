package dev.contacts.jpa;

import dev.contacts.internal.SeekPosition;
import dev.contacts.internal.StoreArguments;
import dev.contacts.model.ActivityId;
import dev.contacts.model.ChatItem;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NoteItem;
import dev.contacts.model.PropertyId;
import dev.contacts.model.TicketMessageItem;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.spi.TimelinePosition;
import dev.contacts.spi.TimelineRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A page of a contact's timeline in at most four statements whatever the kinds: one finds
 * the page's keys, then one per kind on the page reads the bodies of its items only (notes,
 * the transcripts of its chats, ticket messages with their delivery state).
 *
 * <p>The keys statement is the union of one keyset seek per selected kind, each on its
 * {@code (property_id, contact_id, time, id)} index and limited as the SDK's own seeks are
 * ({@code (SELECT … ORDER BY t DESC, id DESC LIMIT n) UNION ALL …}); the chats' external ids
 * come with their keys. The union is cut to the page in Java, by the order
 * {@link TimelinePosition} defines, so that it is the SDK merge's order whatever the
 * database's ordering of ids. The SDK's way reads up to three times the items kept, every
 * chat with its transcript; this reads three times the keys and the page's bodies once.
 */
final class JpaTimeline implements TimelineRepository {
    /** Timeline order over the keys, the SDK merge's. */
    private static final Comparator<Key> NEWEST_FIRST = Comparator.comparing(Key::at, SeekPosition.NEWEST_FIRST);

    private final Transactions tx;

    JpaTimeline(Transactions tx) {
        this.tx = tx;
    }

    /** One item of the union: its kind, its place (time, id, kind) and a chat's external id. */
    private record Key(TimelineKind kind, SeekPosition at, String externalId) {
        UUID id() {
            return at.id();
        }

        Instant time() {
            return at.time();
        }
    }

    @Override
    public List<TimelineItem> page(PropertyId property, ContactId contact, Set<TimelineKind> kinds, TimelinePosition before,
                                   int limit) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no kind selected: give at least one");
        }
        StoreArguments.checkLimit(limit, 1001);
        return tx.run("read a timeline page", db -> {
            String p = property.value();
            List<Key> keys = keys(db, p, contact, kinds, before, limit);
            Map<TimelineKind, List<Key>> byKind = new EnumMap<>(TimelineKind.class);
            for (Key k : keys) {
                byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k);
            }
            Map<UUID, TimelineItem> bodies = new HashMap<>();
            for (Map.Entry<TimelineKind, List<Key>> kind : byKind.entrySet()) {
                bodies.putAll(bodies(db, p, contact, kind.getKey(), kind.getValue()));
            }
            List<TimelineItem> items = new ArrayList<>(keys.size());
            for (Key k : keys) {
                TimelineItem item = bodies.get(k.id());
                if (item == null) {
                    // deleted between the two statements (another transaction, READ COMMITTED): the
                    // page is what is left of it, still in order; the next page starts after its last item
                    continue;
                }
                items.add(item);
            }
            return items;
        });
    }

    /** The page's keys: the union of one limited seek per kind, cut to {@code limit} in timeline order. */
    private static List<Key> keys(Db db, String property, ContactId contact, Set<TimelineKind> kinds, TimelinePosition before,
                                  int limit) throws SQLException {
        Sql sql = db.sql();
        boolean first = true;
        for (TimelineKind kind : kinds) {
            sql.append(first ? "(" : " UNION ALL (");
            first = false;
            switch (kind) {
                case NOTE:
                    sql.append("SELECT 0 AS kind, id, created AS at, NULL AS external_id FROM note WHERE property_id = ").value(property)
                            .append(" AND contact_id = ").value(contact.value());
                    seek(sql, "created", before, limit);
                    break;
                case CHAT:
                    sql.append("SELECT 1 AS kind, id, start_at AS at, external_id FROM activity_event WHERE property_id = ").value(property)
                            .append(" AND contact_id = ").value(contact.value()).append(" AND kind = 'CHAT'");
                    seek(sql, "start_at", before, limit);
                    break;
                case TICKET:
                    sql.append("SELECT 2 AS kind, id, created AS at, NULL AS external_id FROM ticket_message WHERE property_id = ")
                            .value(property).append(" AND contact_id = ").value(contact.value());
                    seek(sql, "created", before, limit);
                    break;
                default:
                    throw new IllegalStateException("a timeline kind without a table: " + kind);
            }
            sql.append(")");
        }
        TimelineKind[] all = TimelineKind.values();
        List<Key> keys = new ArrayList<>(db.list(sql, rs -> {
            int kind = rs.getInt("kind");
            return new Key(all[kind], new SeekPosition(db.instant(rs, "at"), db.id(rs, "id"), kind), rs.getString("external_id"));
        }));
        keys.sort(NEWEST_FIRST);
        return keys.size() > limit ? keys.subList(0, limit) : keys;
    }

    /**
     * The seek of one kind: the same position condition as its repository's list (time and id
     * strictly past, whatever the kind), so the page is exactly the SDK merge's.
     */
    private static void seek(Sql sql, String timeColumn, TimelinePosition before, int limit) {
        sql.newestFirst(timeColumn, "id", before == null ? null : before.time(), before == null ? null : before.id(), limit);
    }

    /** The items of one kind on the page, by id, from that kind's keys (newest first). */
    private static Map<UUID, TimelineItem> bodies(Db db, String property, ContactId contact, TimelineKind kind, List<Key> keys)
            throws SQLException {
        Map<UUID, TimelineItem> items = new HashMap<>();
        List<UUID> ids = keys.stream().map(Key::id).toList();
        switch (kind) {
            case NOTE:
                for (var note : db.list(db.sql("SELECT " + JpaNotes.COLUMNS).fromIdSet("note", "n", property, "id", ids),
                        rs -> JpaNotes.note(db, rs))) {
                    items.put(note.id().value(), new NoteItem(note));
                }
                break;
            case CHAT:
                // a chat's row is its key (id, start, external id) and the contact: only its transcript is read
                Map<UUID, List<ChatMessage>> transcripts = JpaActivity.transcripts(db, property, ids);
                for (Key k : keys) {
                    items.put(k.id(), new ChatItem(new LiveChat(new ActivityId(k.id()), k.externalId(), contact, k.time(),
                            transcripts.getOrDefault(k.id(), List.of()))));
                }
                break;
            case TICKET:
                // by the contact's index over the page's time window rather than by id: the primary
                // key (property_id, id) is not sought for a set of ids by every database (H2), and
                // the window holds the page's messages and at most ties at its two ends,
                // which are left out here
                Set<UUID> wanted = new HashSet<>(ids);
                Instant newest = keys.get(0).time();             // the keys are in timeline order
                Instant oldest = keys.get(keys.size() - 1).time();
                for (var message : db.list(db.sql("SELECT " + JpaTickets.MESSAGE_COLUMNS + JpaTickets.MESSAGES + " WHERE m.property_id = ")
                        .value(property).append(" AND m.contact_id = ").value(contact.value()).append(" AND m.created >= ").value(oldest)
                        .append(" AND m.created <= ").value(newest), rs -> JpaTickets.message(db, rs))) {
                    if (wanted.contains(message.id().value())) {
                        items.put(message.id().value(), new TicketMessageItem(message));
                    }
                }
                break;
            default:
                throw new IllegalStateException("a timeline kind without a table: " + kind);
        }
        return items;
    }
}
