package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.internal.StoreArguments;
import dev.contacts.jpa.Sql.ColumnType;
import dev.contacts.model.ActivityEvent;
import dev.contacts.model.ActivityId;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.ContactId;
import dev.contacts.model.LiveChat;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.model.WebSession;
import dev.contacts.spi.ActivityRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Web sessions and live chats in {@code activity_event} (kind {@code WEB} or {@code CHAT}),
 * chat transcripts in {@code chat_message}. An ingestion is one transaction of two statements
 * (three for a chat with a transcript): the event is inserted unless the unique key
 * {@code (property_id, kind, external_id)} or the primary key already holds it (PostgreSQL
 * {@code ON CONFLICT DO NOTHING}, MariaDB {@code INSERT IGNORE}, H2 {@code WHERE NOT EXISTS}), then the
 * contact's statistics change in one {@code UPDATE} ({@link ContactStatistics}) whose row count
 * proves the contact exists and which locks it, then the transcript is inserted. A delivery of
 * the same event that another transaction has inserted and not yet committed is waited for
 * by the insert, so a duplicate never counts twice. A contact deleted or merged away
 * concurrently makes the {@code UPDATE} match nothing (it waits for that transaction): the
 * event is deleted again and the call fails with {@link NotFoundException}. An event not
 * inserted costs one more query, telling a duplicate from an unknown contact or an id clash.
 * {@link #recover} has nothing to complete.
 */
final class JpaActivity implements ActivityRepository {
    private static final String WEB = "WEB";
    private static final String CHAT = "CHAT";
    /**
     * The columns of a web session after id, external id, contact and start; the location
     * columns are named like the contact attributes, in the order of {@link WebSession#location()}.
     */
    private static final String SESSION_COLUMNS = "end_at, pages_viewed, time_spent, " + String.join(", ", WebSession.LOCATION_ATTRIBUTES);
    private static final String EVENT_COLUMNS = "id, external_id, contact_id, start_at, " + SESSION_COLUMNS;

    private final Transactions tx;

    JpaActivity(Transactions tx) {
        this.tx = tx;
    }

    /** A write of an ingestion inside its transaction. */
    @FunctionalInterface
    private interface Write {
        void run(Db db, String property) throws SQLException;
    }

    /** The statistics {@code UPDATE} of an ingestion, built, not run: its row count says whether it matched the contact. */
    @FunctionalInterface
    private interface Statistics {
        Sql update(Db db, String property);
    }

    @Override
    public boolean recordWebSession(PropertyId property, WebSession session) {
        Objects.requireNonNull(session, "session");
        return record("record web session", property, session, WEB, (db, p) -> { }, (db, p) -> webSessionStatistics(db, p, session));
    }

    @Override
    public boolean recordLiveChat(PropertyId property, LiveChat chat) {
        Objects.requireNonNull(chat, "chat");
        return record("record live chat", property, chat, CHAT, (db, p) -> {
            List<List<Sql.Binder>> rows = new ArrayList<>();
            for (int i = 0; i < chat.messages().size(); i++) {
                ChatMessage m = chat.messages().get(i);
                rows.add(List.of(Sql.binder(db.dialect(), p), Sql.binder(db.dialect(), chat.id().value()), Sql.binder(db.dialect(), i),
                        Sql.binder(db.dialect(), m.author().name()), Sql.binder(db.dialect(), ColumnType.TEXT, m.agentId()),
                        Sql.binder(db.dialect(), m.text()), Sql.binder(db.dialect(), m.sent())));
            }
            db.batch("INSERT INTO chat_message (property_id, event_id, position, author, agent_id, body, sent) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }, (db, p) -> chatStatistics(db, p, chat));
    }

    /**
     * The statements of an ingestion, in one transaction: the insert that only inserts a new
     * event ({@link #insertEvent}); the statistics {@code UPDATE}, whose row count proves that
     * the contact exists and which locks it until the transaction ends; then {@code more} (the
     * transcript). On PostgreSQL the first two are one statement, a data-modifying
     * {@code WITH} whose update runs only when the insert inserted (one round trip less per
     * event). A contact that is gone (never there, or deleted or merged away
     * concurrently: the {@code UPDATE} waits for that transaction, then matches no row) makes
     * the call delete the event it inserted and throw {@link NotFoundException}, so nothing is
     * written even in a transaction that goes on. When nothing was inserted, one query tells why.
     */
    private boolean record(String operation, PropertyId property, ActivityEvent event, String kind, Write more, Statistics statistics) {
        Objects.requireNonNull(property, "property");
        String p = property.value();
        return tx.run(operation, db -> {
            boolean counted;
            if (db.dialect() == Dialect.POSTGRESQL) {
                long[] rows = insertEventCounted(db, p, event, kind, statistics.update(db, p));
                if (rows[0] == 0) {
                    return notInserted(db, p, event, kind);
                }
                counted = rows[1] == 1;
            } else {
                if (!insertEvent(db, p, event, kind)) {
                    return notInserted(db, p, event, kind);
                }
                counted = db.update(statistics.update(db, p)) == 1;
            }
            if (!counted) {
                db.update(db.sql("DELETE FROM activity_event WHERE property_id = ").value(p).append(" AND id = ").value(event.id().value()));
                throw new NotFoundException("contact " + event.contact() + " does not exist in property " + p);
            }
            more.run(db, p);
            return true;
        });
    }

    /**
     * Why an event was not inserted, in one query: its contact is not in the property (checked
     * first: {@link NotFoundException} even for a duplicate), an event of its kind has its
     * external id (a duplicate: false), or another event has its SDK id
     * ({@link ConflictException}). The row the insert met is committed: the insert waited for it.
     */
    private static boolean notInserted(Db db, String property, ActivityEvent event, String kind) throws SQLException {
        Sql sql = db.sql("SELECT (SELECT COUNT(*) FROM contact WHERE property_id = ").value(property).append(" AND id = ")
                .value(event.contact().value()).append("), (SELECT COUNT(*) FROM activity_event WHERE property_id = ").value(property)
                .append(" AND kind = ").value(kind).append(" AND external_id = ").value(event.externalId())
                .append("), (SELECT COUNT(*) FROM activity_event WHERE property_id = ").value(property).append(" AND id = ")
                .value(event.id().value()).append(")");
        long[] found = db.first(sql, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).orElseThrow();
        if (found[0] == 0) {
            throw new NotFoundException("contact " + event.contact() + " does not exist in property " + property);
        }
        if (found[1] > 0) {
            return false;
        }
        if (found[2] > 0) {
            throw new ConflictException("activity event " + event.id() + " already exists in property " + property);
        }
        // the row the insert met was deleted since (its contact was deleted): run the transaction again
        throw Transactions.lostRace(new SQLException("the event that kept activity event " + event.id()
                + " from being inserted was deleted meanwhile", "40001"));
    }

    /**
     * Inserts the event's row unless a row of the property has its external id (for its kind)
     * or its SDK id, in one statement: {@code INSERT … ON CONFLICT DO NOTHING} on PostgreSQL,
     * {@code INSERT IGNORE} on MariaDB (which would also turn a value that does not fit into a
     * warning: the core's validation keeps every value within its column, and a missing
     * property inserts nothing and is then reported by {@link #notInserted} as a missing
     * contact), {@code INSERT … SELECT … WHERE NOT EXISTS} on H2. PostgreSQL and MariaDB wait
     * for a concurrent uncommitted insert of the same key and decide once it ends; on H2 that
     * insert fails on the key instead, which is caught (H2 undoes only the failed statement).
     *
     * @return whether the row was inserted
     * @throws NotFoundException if the property does not exist
     */
    private static boolean insertEvent(Db db, String property, ActivityEvent event, String kind) throws SQLException {
        try {
            return db.update(insertSql(db, property, event, kind)) == 1;
        } catch (SQLException e) {
            if (db.dialect() == Dialect.H2 && db.dialect().isUniqueViolation(e)) {
                return false;
            }
            if (db.dialect().isForeignKeyViolation(e)) {
                throw missingProperty(property);
            }
            throw e;
        }
    }

    /**
     * PostgreSQL: {@link #insertEvent}'s insert and the statistics {@code update} in one
     * statement, {@code WITH e AS (INSERT … RETURNING 1), u AS (UPDATE … AND EXISTS (SELECT 1
     * FROM e) RETURNING 1)}: the update runs only when the event was inserted.
     *
     * @return the rows inserted (0 or 1) and the contacts updated (0 or 1)
     */
    private static long[] insertEventCounted(Db db, String property, ActivityEvent event, String kind, Sql update) throws SQLException {
        Sql both = db.sql("WITH e AS (").append(insertSql(db, property, event, kind)).append(" RETURNING 1), u AS (").append(update)
                .append(" AND EXISTS (SELECT 1 FROM e) RETURNING 1) SELECT (SELECT COUNT(*) FROM e), (SELECT COUNT(*) FROM u)");
        try {
            return db.first(both, rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
        } catch (SQLException e) {
            if (db.dialect().isForeignKeyViolation(e)) {
                throw missingProperty(property);
            }
            throw e;
        }
    }

    /** @return the error of an event whose property does not exist (its insert broke the foreign key) */
    private static NotFoundException missingProperty(String property) {
        return new NotFoundException("cannot ingest activity: property " + property + " does not exist");
    }

    /** The insert of {@link #insertEvent}, in the dialect's form. */
    private static Sql insertSql(Db db, String property, ActivityEvent event, String kind) {
        Dialect d = db.dialect();
        boolean h2 = d == Dialect.H2;
        Sql sql = db.sql((d == Dialect.MARIADB ? "INSERT IGNORE" : "INSERT") + " INTO activity_event (property_id, id, kind, external_id, "
                + "contact_id, start_at, " + SESSION_COLUMNS + ")" + (h2 ? " SELECT " : " VALUES ("));
        typed(sql, h2, "VARCHAR", property).append(", ");
        typed(sql, h2, "UUID", event.id().value()).append(", ");
        typed(sql, h2, "VARCHAR", kind).append(", ");
        typed(sql, h2, "VARCHAR", event.externalId()).append(", ");
        typed(sql, h2, "UUID", event.contact().value()).append(", ");
        typed(sql, h2, "TIMESTAMP WITH TIME ZONE", event.start());
        if (event instanceof WebSession) {
            WebSession session = (WebSession) event;
            sql.append(", ");
            if (session.end() == null) {
                sql.append("NULL");
            } else {
                typed(sql, h2, "TIMESTAMP WITH TIME ZONE", session.end());
            }
            sql.append(", ");
            typed(sql, h2, "BIGINT", session.pagesViewed()).append(", ");
            typed(sql, h2, "BIGINT", session.timeSpent());
            for (String value : session.location().values()) {
                sql.append(", ");
                if (value == null) {
                    sql.append("NULL");
                } else {
                    typed(sql, h2, "VARCHAR", value);
                }
            }
        } else {
            sql.append(", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL");
        }
        if (h2) {
            sql.append(" WHERE NOT EXISTS (SELECT 1 FROM activity_event WHERE property_id = ").value(property).append(" AND (kind = ")
                    .value(kind).append(" AND external_id = ").value(event.externalId()).append(" OR id = ").value(event.id().value())
                    .append("))");
        } else {
            sql.append(d == Dialect.POSTGRESQL ? ") ON CONFLICT DO NOTHING" : ")");
        }
        return sql;
    }

    /** Appends a parameter, with its SQL type on H2 (whose {@code SELECT ?} has none). */
    private static Sql typed(Sql sql, boolean cast, String type, Object value) {
        return cast ? sql.append("CAST(").value(value).append(" AS " + type + ")") : sql.value(value);
    }

    /**
     * One statement: counters, first/last, seen, and the location of the newest session. The
     * location assignments come before {@code last_web_session}'s, because MariaDB evaluates
     * single-table {@code SET} assignments left to right with the new values.
     */
    private static Sql webSessionStatistics(Db db, String property, WebSession s) {
        Sql sql = db.sql("UPDATE contact SET ");
        for (Map.Entry<String, String> e : s.location().entrySet()) {
            EntityTable.Column column = EntityTable.CONTACTS.column(e.getKey());
            newest(sql, column.name(), s.start(), e.getValue());
            newest(sql, column.fold(), s.start(), e.getValue() == null ? null : Values.fold(e.getValue()));
        }
        ContactStatistics.add(sql, "total_web_sessions", 1);
        ContactStatistics.add(sql, "pages_viewed", s.pagesViewed());
        ContactStatistics.add(sql, "time_spent", s.timeSpent());
        ContactStatistics.earliest(sql, "first_web_session", s.start());
        ContactStatistics.latest(sql, "last_web_session", s.start());
        return seen(property, sql, s);
    }

    /** Appends {@code column = value} when the session is the newest (by start; of equal starts, the later ingested). */
    private static void newest(Sql sql, String column, Instant start, String value) {
        sql.append(column + " = CASE WHEN last_web_session IS NULL OR last_web_session <= ").value(start).append(" THEN ")
                .value(ColumnType.TEXT, value).append(" ELSE " + column + " END, ");
    }

    private static Sql chatStatistics(Db db, String property, LiveChat chat) {
        Sql sql = ContactStatistics.add(db.sql("UPDATE contact SET "), "total_live_chats", 1);
        ContactStatistics.earliest(sql, "first_live_chat", chat.start());
        ContactStatistics.latest(sql, "last_live_chat", chat.start());
        return seen(property, sql, chat);
    }

    /** Ends a statistics update with firstSeen/lastSeen, the version and the contact's key. */
    private static Sql seen(String property, Sql sql, ActivityEvent event) {
        ContactStatistics.earliest(sql, "first_seen", event.start());
        ContactStatistics.latest(sql, "last_seen", event.lastActivity());
        return ContactStatistics.bumpVersion(sql, property, event.contact().value());
    }

    @Override
    public List<WebSession> listWebSessions(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit) {
        checkPage(property, contact, beforeStart, beforeId, limit);
        return tx.run("list web sessions", db -> db.list(page(db, property, contact, WEB, beforeStart, beforeId, limit),
                rs -> new WebSession(new ActivityId(db.id(rs, "id")), rs.getString("external_id"), new ContactId(db.id(rs, "contact_id")),
                        db.instant(rs, "start_at"), db.instant(rs, "end_at"), rs.getLong("pages_viewed"), rs.getLong("time_spent"),
                        rs.getString("hostname"), rs.getString("ip"), rs.getString("os"), rs.getString("browser"),
                        rs.getString("country"), rs.getString("city"), rs.getString("region"))));
    }

    /** {@inheritDoc} The transcripts of a page come in one more query. */
    @Override
    public List<LiveChat> listChats(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit) {
        checkPage(property, contact, beforeStart, beforeId, limit);
        return tx.run("list live chats", db -> {
            String p = property.value();
            List<ChatRow> rows = db.list(page(db, property, contact, CHAT, beforeStart, beforeId, limit),
                    rs -> new ChatRow(db.id(rs, "id"), rs.getString("external_id"), new ContactId(db.id(rs, "contact_id")),
                            db.instant(rs, "start_at")));
            Map<UUID, List<ChatMessage>> transcripts = transcripts(db, p, rows.stream().map(ChatRow::id).toList());
            List<LiveChat> chats = new ArrayList<>();
            for (ChatRow r : rows) {
                chats.add(new LiveChat(new ActivityId(r.id()), r.externalId(), r.contact(), r.start(),
                        transcripts.getOrDefault(r.id(), List.of())));
            }
            return chats;
        });
    }

    /**
     * The transcripts of some chats, in one query.
     *
     * @param db       the connection
     * @param property the property
     * @param chats    distinct chat ids
     * @return each chat's messages in order; chats without messages are absent
     */
    static Map<UUID, List<ChatMessage>> transcripts(Db db, String property, List<UUID> chats) throws SQLException {
        Map<UUID, List<ChatMessage>> transcripts = new HashMap<>();
        if (chats.isEmpty()) {
            return transcripts;
        }
        for (TranscriptLine line : db.list(db.sql("SELECT m.event_id, m.author, m.agent_id, m.body, m.sent")
                .fromIdSet("chat_message", "m", property, "event_id", chats).append(" ORDER BY m.event_id, m.position"),
                rs -> new TranscriptLine(db.id(rs, "event_id"), new ChatMessage(ChatMessage.Author.valueOf(rs.getString("author")),
                        rs.getString("agent_id"), rs.getString("body"), db.instant(rs, "sent"))))) {
            transcripts.computeIfAbsent(line.event(), k -> new ArrayList<>()).add(line.message());
        }
        return transcripts;
    }

    /** A chat's row before its transcript is read. */
    private record ChatRow(UUID id, String externalId, ContactId contact, Instant start) {
    }

    /** One message of a chat's transcript. */
    private record TranscriptLine(UUID event, ChatMessage message) {
    }

    private static void checkPage(PropertyId property, ContactId contact, Instant beforeStart, ActivityId beforeId, int limit) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(contact, "contact");
        StoreArguments.checkPosition(beforeStart, beforeId);
        StoreArguments.checkLimit(limit, 1001);
    }

    /** The events of one kind of a contact, newest first, past a position: a seek on {@code ix_activity_event_contact}. */
    private static Sql page(Db db, PropertyId property, ContactId contact, String kind, Instant beforeStart, ActivityId beforeId,
                            int limit) {
        return db.sql("SELECT " + EVENT_COLUMNS + " FROM activity_event WHERE property_id = ").value(property.value())
                .append(" AND contact_id = ").value(contact.value()).append(" AND kind = ").value(kind)
                .newestFirst("start_at", "id", beforeStart, beforeId == null ? null : beforeId.value(), limit);
    }

    @Override
    public long deleteAllFor(PropertyId property, ContactId contact) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(contact, "contact");
        return tx.run("delete activity", db -> (long) deleteAll(db, property.value(), contact));
    }

    /** Deletes a contact's events; their transcripts go with them ({@code ON DELETE CASCADE}). */
    private static int deleteAll(Db db, String property, ContactId contact) throws SQLException {
        return db.update(db.sql("DELETE FROM activity_event WHERE property_id = ").value(property).append(" AND contact_id = ")
                .value(contact.value()));
    }

    @Override
    public long reassign(PropertyId property, ContactId from, ContactId to) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return tx.run("move activity", db -> (long) reassign(db, property.value(), from, to));
    }

    /**
     * Moves a contact's events to another contact in the caller's transaction; when that one
     * does not exist (deleted before an interrupted merge was completed) the events are
     * deleted instead, as its history was.
     *
     * @return how many events moved (or were deleted)
     */
    private static int reassign(Db db, String property, ContactId from, ContactId to) throws SQLException {
        if (!JpaContacts.lock(db, property, to.value())) {
            return deleteAll(db, property, from);
        }
        return db.update(db.sql("UPDATE activity_event SET contact_id = ").value(to.value()).append(" WHERE property_id = ")
                .value(property).append(" AND contact_id = ").value(from.value()));
    }

    /** Returns 0: every ingestion of this store is one transaction, so none is ever left half done. */
    @Override
    public long recover(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return 0;
    }
}
