package dev.contacts.bench;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Values;
import dev.contacts.model.WebSession;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;

/**
 * The baseline of the JPA store's databases (PostgreSQL, H2, MariaDB): SQL written by hand for each
 * scenario over the store's own schema and indexes, plain JDBC, bind parameters, and the
 * same rows with the same fields as the SDK (every column, set and custom value, built into
 * {@link Contact}s). The page queries take the best form a careful developer would write:
 * known sort values first through the {@code (property_id, last_seen, id)} index, then
 * unknown ones only if the page is not full; a deep page seeks with a row comparison; a
 * page's sets and custom values come in one {@code UNION ALL} query keyed by the page's ids
 * (a bound array on PostgreSQL, an {@code IN} list elsewhere); the timeline page is one
 * statement. Imports write per batch with the database's fastest bulk path: {@code COPY} into
 * staging tables and {@code INSERT … SELECT … ON CONFLICT DO NOTHING} on PostgreSQL, multi-row
 * inserts on MariaDB, JDBC batches on H2 (in-process, where a batch costs no round trips). The
 * SQL is standard but for what {@link SqlDialect} says.
 */
final class SqlBaseline extends DatabaseBaseline<SqlBaseline.Where> {
    /** (attribute, column) of the contact table's text columns; each has a {@code _fold} twin. */
    private static final String[][] TEXT = {
        {"name", "name"}, {"jobTitle", "job_title"}, {"facebookUrl", "facebook_url"}, {"linkedinUrl", "linkedin_url"},
        {"twitterHandle", "twitter_handle"}, {"instagramHandle", "instagram_handle"}, {"country", "country"}, {"city", "city"},
        {"region", "region"}, {"hostname", "hostname"}, {"ip", "ip"}, {"os", "os"}, {"browser", "browser"},
    };
    private static final String[][] DATES = {
        {"firstWebSession", "first_web_session"}, {"lastWebSession", "last_web_session"}, {"firstLiveChat", "first_live_chat"},
        {"lastLiveChat", "last_live_chat"}, {"firstTicket", "first_ticket"}, {"lastTicket", "last_ticket"}, {"created", "created"},
        {"updated", "updated"}, {"firstSeen", "first_seen"}, {"lastSeen", "last_seen"},
    };
    private static final String[][] NUMBERS = {
        {"totalWebSessions", "total_web_sessions"}, {"pagesViewed", "pages_viewed"}, {"timeSpent", "time_spent"},
        {"totalLiveChats", "total_live_chats"}, {"totalTickets", "total_tickets"},
    };
    private static final String PAGE_COLUMNS;
    /** The contact table's columns an import writes, in the order of {@link #contactRow}. */
    private static final List<String> CONTACT_COLUMNS;
    private static final List<String> ELEMENT_COLUMNS = List.of("property_id", "contact_id", "position", "display", "fold");
    private static final List<String> CUSTOM_COLUMNS = List.of("property_id", "contact_id", "attr", "position", "kind", "text_value",
            "text_fold", "number_value", "date_value", "boolean_value");
    /** MariaDB's limit of placeholders in one prepared statement. */
    private static final int MAX_PARAMETERS = 65_535;
    /** An instant as PostgreSQL's COPY reads a timestamp with time zone (it rounds the nanoseconds to microseconds, as a bound value). */
    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS'+00'").withZone(ZoneOffset.UTC);

    static {
        List<String> cols = new ArrayList<>(List.of("c.id", "c.version"));
        List<String> insert = new ArrayList<>(List.of("property_id", "id", "version", "primary_email", "primary_email_fold", "primary_phone",
                "primary_phone_fold"));
        for (String[] t : TEXT) {
            cols.add("c." + t[1]);
            insert.add(t[1]);
            insert.add(t[1] + "_fold");
        }
        for (String[] d : DATES) {
            cols.add("c." + d[1]);
            insert.add(d[1]);
        }
        for (String[] n : NUMBERS) {
            cols.add("c." + n[1]);
            insert.add(n[1]);
        }
        PAGE_COLUMNS = String.join(", ", cols);
        CONTACT_COLUMNS = List.copyOf(insert);
    }

    private final SqlDialect dialect;
    private final String ingestUpdate;
    private final String url;
    private final String scratchUrl;
    private final String user;
    private final String password;
    private final List<Connection> connections = new ArrayList<>();
    /** PostgreSQL connections whose temporary staging tables exist. */
    private final Set<Connection> staged = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ThreadLocal<Connection> scratchConnection = new ThreadLocal<>();
    /** Rows this baseline imported since it last analysed the contact tables, and the rows then. */
    private long importedSinceAnalyze;
    private long rowsAtAnalyze;

    /**
     * @param scratchUrl where the write scenarios write (PostgreSQL and MariaDB: a schema or
     *                   database of this JVM's own, see {@link Fixture#scratch()}; H2: the same
     *                   database as {@code url})
     */
    SqlBaseline(Workload workload, Fixture fixture, SqlDialect dialect, String url, String scratchUrl, String user, String password) {
        super(workload, fixture);
        this.dialect = dialect;
        this.ingestUpdate = ingestUpdate(dialect);
        this.url = url;
        this.scratchUrl = scratchUrl;
        this.user = user;
        this.password = password;
    }

    /** One connection per thread to the main data, in manual-commit mode. */
    private Connection db() {
        return connect(connection, url);
    }

    /** One connection per thread (the ingestion benchmark runs two) to where the write scenarios write. */
    private Connection scratchDb() {
        return connect(scratchConnection, scratchUrl);
    }

    private Connection connect(ThreadLocal<Connection> connection, String url) {
        Connection c = connection.get();
        if (c == null) {
            try {
                c = DriverManager.getConnection(url, user, password);
                c.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
            }
            connection.set(c);
            synchronized (connections) {
                connections.add(c);
            }
        }
        return c;
    }

    /** A filter by hand: its SQL over {@code contact c} and its parameters. */
    record Where(String sql, List<Object> params) {
    }

    @Override
    Where where(Scenario s) {
        Instant now = workload.now();
        String tag = "EXISTS (SELECT 1 FROM contact_tag t WHERE t.property_id = c.property_id AND t.contact_id = c.id AND t.fold = ?)";
        String plan = "EXISTS (SELECT 1 FROM contact_custom x WHERE x.property_id = c.property_id AND x.contact_id = c.id"
                + " AND x.attr = 'custom.plan' AND x.text_fold = ?)";
        switch (s) {
            case SELECTIVE_FIRST_PAGE:
                return new Where("c.country_fold = ? AND " + tag, List.of("de", "vip"));
            case BROAD_SORTED_FIRST_PAGE:
            case DEEP_PAGE:
            case BROAD_COUNT: {
                String[] tags = {"newsletter", "lead", "customer"};
                return new Where("EXISTS (SELECT 1 FROM contact_tag t WHERE t.property_id = c.property_id AND t.contact_id = c.id AND "
                        + dialect.in("t.fold", tags.length) + ")", List.<Object>of((Object) tags));
            }
            case NEGATIVE_FIRST_PAGE:
                return new Where("NOT " + tag, List.of("newsletter"));
            case CUSTOM_ATTRIBUTE_FIRST_PAGE:
                return new Where(plan, List.of("enterprise"));
            case OR_OF_GROUPS_FIRST_PAGE:
                return new Where("(" + tag + " AND c.country_fold = ? OR " + plan + " AND c.country_fold = ? OR " + tag
                        + " AND c.last_seen >= ? AND c.last_seen <= ?)",
                        List.of("vip", "fr", "business", "gb", "trial", now.minus(Duration.ofDays(30)), now));
            case RARE_OR_FIRST_PAGE:
                return new Where("(" + tag + " AND c.country_fold = ? OR " + tag + " AND c.country_fold = ?)",
                        List.of("survey-sent", "de", "gdpr-request", "fr"));
            default:
                throw new IllegalArgumentException(s + " is not a query");
        }
    }

    /** @return the next parameter */
    private int bind(PreparedStatement ps, int from, List<Object> params) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof String[] set) {
                i = dialect.bindSet(ps, i, set);
            } else if (p instanceof Instant t) {
                dialect.setInstant(ps, i++, t);
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }

    /** A page: known lastSeen first (seeking after a position if given), then unknown ones if the page is not full. */
    @Override
    List<Contact> page(Where w, Position after) {
        Connection c = db();
        try {
            List<Contact> page = new ArrayList<>(Scenario.PAGE_SIZE);
            String seek = after == null ? "" : " AND " + dialect.before("c.last_seen", "c.id");
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM contact c WHERE c.property_id = ? AND "
                    + w.sql() + " AND c.last_seen IS NOT NULL" + seek + " ORDER BY c.last_seen DESC, c.id DESC LIMIT " + Scenario.PAGE_SIZE)) {
                ps.setString(1, Workload.MAIN.value());
                int i = bind(ps, 2, w.params());
                if (after != null) {
                    dialect.bindBefore(ps, i, after.lastSeen(), after.id());
                }
                readMains(ps, page);
            }
            if (page.size() < Scenario.PAGE_SIZE) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM contact c WHERE c.property_id = ? AND "
                        + w.sql() + " AND c.last_seen IS NULL ORDER BY c.id DESC LIMIT " + (Scenario.PAGE_SIZE - page.size()))) {
                    ps.setString(1, Workload.MAIN.value());
                    bind(ps, 2, w.params());
                    readMains(ps, page);
                }
            }
            List<Contact> out = withValues(c, Workload.MAIN.value(), page);
            c.commit();
            return out;
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    private static RuntimeException rollback(Connection c, SQLException e) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
        return new IllegalStateException("baseline SQL failed: " + e.getMessage(), e);
    }

    /** Reads main rows into contacts without their sets (added by {@link #withValues}). */
    private void readMains(PreparedStatement ps, List<Contact> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Contact.Builder b = Contact.builder(new ContactId(dialect.getId(rs, "id"))).version(rs.getLong("version"));
                for (String[] t : TEXT) {
                    String v = rs.getString(t[1]);
                    if (v != null) {
                        b.set(t[0], v);
                    }
                }
                for (String[] d : DATES) {
                    Instant v = dialect.getInstant(rs, d[1]);
                    if (v != null) {
                        b.set(d[0], v);
                    }
                }
                for (String[] n : NUMBERS) {
                    BigDecimal v = rs.getBigDecimal(n[1]);
                    if (v != null) {
                        b.set(n[0], v);
                    }
                }
                into.add(b.build());
            }
        }
    }

    /** Adds emails, phones, tags, organization links and custom values of the page in one query. */
    private List<Contact> withValues(Connection c, String property, List<Contact> mains) throws SQLException {
        if (mains.isEmpty()) {
            return mains;
        }
        UUID[] ids = mains.stream().map(m -> m.id().value()).toArray(UUID[]::new);
        Map<UUID, Map<String, List<Object>>> values = new HashMap<>();
        String in = dialect.in("contact_id", ids.length);
        String nulls = dialect.nullNumber() + ", " + dialect.nullDate() + ", " + dialect.nullBoolean();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT contact_id, 'emails' AS attr, position, 'S' AS kind, display AS text_value, " + dialect.nullNumber() + " AS number_value, "
                        + dialect.nullDate() + " AS date_value, " + dialect.nullBoolean() + " AS boolean_value FROM contact_email WHERE property_id = ? AND " + in
                        + " UNION ALL SELECT contact_id, 'phones', position, 'S', display, " + nulls + " FROM contact_phone WHERE property_id = ? AND " + in
                        + " UNION ALL SELECT contact_id, 'tags', position, 'S', display, " + nulls + " FROM contact_tag WHERE property_id = ? AND " + in
                        + " UNION ALL SELECT contact_id, 'organization', position, 'O', " + dialect.idAsText("organization_id") + ", " + nulls
                        + " FROM contact_organization WHERE property_id = ? AND " + in
                        + " UNION ALL SELECT contact_id, attr, position, kind, text_value, number_value, date_value, boolean_value FROM contact_custom"
                        + " WHERE property_id = ? AND " + in + " ORDER BY 1, 2, 3")) {
            int p = 1;
            for (int i = 0; i < 5; i++) {
                ps.setString(p++, property);
                p = dialect.bindSet(ps, p, ids);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString("kind");
                    Object v;
                    switch (kind) {
                        case "O": v = new OrganizationId(dialect.idFromText(rs.getString("text_value"))); break;
                        case "N": v = rs.getBigDecimal("number_value"); break;
                        case "D": v = dialect.getInstant(rs, "date_value"); break;
                        case "B": v = rs.getBoolean("boolean_value"); break;
                        default: v = rs.getString("text_value"); break;
                    }
                    values.computeIfAbsent(dialect.getId(rs, "contact_id"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("attr") + "\u0000" + kind, k -> new ArrayList<>()).add(v);
                }
            }
        }
        List<Contact> out = new ArrayList<>(mains.size());
        for (Contact m : mains) {
            Map<String, List<Object>> vs = values.get(m.id().value());
            if (vs == null) {
                out.add(m);
                continue;
            }
            Contact.Builder b = m.toBuilder();
            vs.forEach((key, list) -> {
                String attr = key.substring(0, key.indexOf('\u0000'));
                String kind = key.substring(key.indexOf('\u0000') + 1);
                b.set(attr, kind.equals("S") || kind.equals("O") ? list : list.get(0));
            });
            out.add(b.build());
        }
        return out;
    }

    @Override
    long count(Where w) {
        Connection c = db();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM contact c WHERE c.property_id = ? AND " + w.sql())) {
            ps.setString(1, Workload.MAIN.value());
            bind(ps, 2, w.params());
            long n;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    /** The (lastSeen, id) of the {@code skipped}-th row of the known-lastSeen part: where a deep page starts (setup only). */
    @Override
    Position positionAfter(Where w, long skipped) {
        Connection c = db();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.last_seen, c.id FROM contact c WHERE c.property_id = ? AND " + w.sql()
                + " AND c.last_seen IS NOT NULL ORDER BY c.last_seen DESC, c.id DESC LIMIT 1 OFFSET ?")) {
            ps.setString(1, Workload.MAIN.value());
            ps.setLong(bind(ps, 2, w.params()), skipped - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the deep page's position lies among unknown lastSeen values; choose another filter");
                }
                Position at = new Position(dialect.getInstant(rs, 1), dialect.getId(rs, 2));
                c.commit();
                return at;
            }
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    /**
     * One statement: the newest 50 of each kind, each seek carrying every field the SDK's
     * items carry (ticket messages with their delivery state, joined by primary key), merged
     * by SQL into the page ({@code UNION ALL} of three ordered, limited seeks), then
     * {@code UNION ALL} the transcripts of the page's chats only. The seeks read the rows
     * anyway (their index holds the keys only); joining the page's keys back to the note and
     * ticket tables instead let PostgreSQL read every note of the property into a
     * materialized inner loop (35 ms). Typed NULLs where a branch has no such column, so
     * that the union has one type per column. Limits are literals, as the SDK writes them.
     */
    @Override
    List<TimelineDigest.Row> timeline() {
        Connection c = db();
        String p = Workload.TIMELINE.value();
        UUID contact = workload.timelineContact().id().value();
        String limit = " LIMIT " + Scenario.PAGE_SIZE;
        String number = dialect.nullNumber();
        String date = dialect.nullDate();
        String id = dialect.nullId();
        String columns = "kind, id, at, external_id, author, body, version, sender, subject, message_id, refs, status, ticket_id,"
                + " contact_address, in_reply_to, attachments, attempts, next_attempt, sent_at, last_error, edited_at, edited_by,"
                + " organization_id";
        try (PreparedStatement ps = c.prepareStatement("WITH page AS (SELECT " + columns + " FROM ("
                + "(SELECT 'NOTE' AS kind, n.id, n.created AS at, NULL AS external_id, n.author, n.body, n.version, NULL AS sender,"
                + " NULL AS subject, NULL AS message_id, NULL AS refs, NULL AS status, " + id + " AS ticket_id, NULL AS contact_address,"
                + " NULL AS in_reply_to, NULL AS attachments, " + number + " AS attempts, " + date + " AS next_attempt, " + date
                + " AS sent_at, NULL AS last_error, n.edited_at, n.edited_by, n.organization_id"
                + " FROM note n WHERE n.property_id = ? AND n.contact_id = ? ORDER BY n.created DESC, n.id DESC" + limit + ")"
                + " UNION ALL (SELECT 'CHAT', a.id, a.start_at, a.external_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                + " FROM activity_event a WHERE a.property_id = ? AND a.contact_id = ? AND a.kind = 'CHAT'"
                + " ORDER BY a.start_at DESC, a.id DESC" + limit + ")"
                + " UNION ALL (SELECT 'TICKET', m.id, m.created, NULL, m.agent_id, m.body, NULL, m.sender, m.subject, m.message_id, m.refs,"
                + " e.status, m.ticket_id, m.contact_address, m.in_reply_to, m.attachments, e.attempts, e.next_attempt, e.sent_at,"
                + " e.last_error, NULL, NULL, NULL"
                + " FROM ticket_message m LEFT JOIN ticket_email e ON e.property_id = m.property_id AND e.message_id = m.id"
                + " WHERE m.property_id = ? AND m.contact_id = ? ORDER BY m.created DESC, m.id DESC" + limit + ")) u"
                + " ORDER BY at DESC, id DESC" + limit + ")"
                + " SELECT 0 AS part, " + columns + ", -1 AS position FROM page"
                + " UNION ALL SELECT 1, m.author, m.event_id, m.sent, NULL, m.agent_id, m.body, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, m.position"
                + " FROM chat_message m JOIN page ON page.kind = 'CHAT' AND m.event_id = page.id WHERE m.property_id = ?"
                + " ORDER BY 1, 4 DESC, 3 DESC, 25")) {
            int i = 1;
            for (int k = 0; k < 3; k++) {
                ps.setString(i++, p);
                dialect.setId(ps, i++, contact);
            }
            ps.setString(i, p);
            List<TimelineDigest.Row> rows = new ArrayList<>(Scenario.PAGE_SIZE);
            Map<UUID, List<String>> transcripts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID itemId = dialect.getId(rs, 3);
                    if (rs.getInt(1) == 1) {
                        // a chat's message (author, agent, text, sent): the page's rows came first
                        rs.getString(2);
                        rs.getString(6);
                        dialect.getInstant(rs, 4);
                        transcripts.get(itemId).add(rs.getString(7));
                        continue;
                    }
                    String kind = rs.getString(2);
                    List<String> transcript = new ArrayList<>();
                    if (kind.equals("CHAT")) {
                        transcripts.put(itemId, transcript);
                    }
                    rows.add(new TimelineDigest.Row(kind, itemId, dialect.getInstant(rs, 4), rs.getString(6), rs.getString(7), rs.getLong(8),
                            rs.getString(5), transcript, rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), new Object[] {dialect.getId(rs, 14), rs.getString(15), rs.getString(16), rs.getString(17),
                                rs.getInt(18), dialect.getInstant(rs, 19), dialect.getInstant(rs, 20), rs.getString(21),
                                dialect.getInstant(rs, 22), rs.getString(23), dialect.getId(rs, 24)}));
                }
            }
            c.commit();
            return rows;
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    /**
     * A batched upsert by email: per batch of {@value Workload#LOAD_BATCH} rows, one query finds
     * the emails already taken, then the new contacts' main rows, emails, phones, tags and
     * custom values are written by {@link #write} (the database's bulk path), one transaction
     * per batch. On PostgreSQL it analyses the contact tables each time its imports doubled
     * them, as PostgreSQL's guide to populating a database advises and as the JPA store does
     * (without statistics, the foreign-key checks of the value rows scan the property; this
     * machine's PostgreSQL runs without autovacuum).
     */
    @Override
    int importBatch(dev.contacts.model.PropertyId target, List<Contact> batch) {
        Connection c = scratchDb();
        try {
            int done = importBatch(c, target.value(), batch);
            c.commit();
            importedSinceAnalyze += done;
            if (dialect == SqlDialect.POSTGRESQL && importedSinceAnalyze >= Math.max(1_000, rowsAtAnalyze)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE contact, contact_email, contact_phone, contact_tag, contact_custom, contact_organization");
                }
                c.commit();
                rowsAtAnalyze += importedSinceAnalyze;
                importedSinceAnalyze = 0;
            }
            return done;
        } catch (SQLException | IOException e) {
            throw rollback(c, e instanceof SQLException s ? s : new SQLException(e.getMessage(), e));
        }
    }

    private int importBatch(Connection c, String property, List<Contact> batch) throws SQLException, IOException {
        String[] folds = batch.stream().map(r -> Values.fold(r.primaryEmail())).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT fold FROM contact_email WHERE property_id = ? AND " + dialect.in("fold", folds.length))) {
            ps.setString(1, property);
            dialect.bindSet(ps, 2, folds);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    // an upsert would update the row here; the benchmark imports into an empty property, so it never does
                    throw new IllegalStateException("the baseline import met an existing email: " + rs.getString(1));
                }
            }
        }
        Instant now = workload.now();
        List<Object[]> mains = new ArrayList<>(batch.size());
        List<Object[]> emails = new ArrayList<>();
        List<Object[]> phones = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> custom = new ArrayList<>();
        for (Contact r : batch) {
            UUID id = ContactId.generate().value();
            mains.add(contactRow(property, id, r, now));
            elements(emails, property, id, r.emails());
            elements(phones, property, id, r.phones());
            elements(tags, property, id, r.tags());
            for (Map.Entry<String, Object> e : r.custom().entrySet()) {
                customRows(custom, property, id, "custom." + e.getKey(), e.getValue());
            }
        }
        write(c, "contact", CONTACT_COLUMNS, mains);
        write(c, "contact_email", ELEMENT_COLUMNS, emails);
        write(c, "contact_phone", ELEMENT_COLUMNS, phones);
        write(c, "contact_tag", ELEMENT_COLUMNS, tags);
        write(c, "contact_custom", CUSTOM_COLUMNS, custom);
        return batch.size();
    }

    /** @return the values of {@link #CONTACT_COLUMNS} for a new contact */
    private static Object[] contactRow(String property, UUID id, Contact r, Instant now) {
        List<Object> v = new ArrayList<>(CONTACT_COLUMNS.size());
        v.add(property);
        v.add(id);
        v.add(1L);
        text(v, r.primaryEmail());
        text(v, r.primaryPhone());
        for (String[] t : TEXT) {
            text(v, (String) r.value(t[0]));
        }
        for (String[] d : DATES) {
            v.add(d[0].equals("updated") ? now : r.value(d[0]));
        }
        for (String[] n : NUMBERS) {
            v.add(r.value(n[0]));
        }
        return v.toArray();
    }

    private static void text(List<Object> row, String v) {
        row.add(v);
        row.add(v == null ? null : Values.fold(v));
    }

    private static void elements(List<Object[]> rows, String property, UUID id, List<String> values) {
        for (int p = 0; p < values.size(); p++) {
            rows.add(new Object[] {property, id, p, values.get(p), Values.fold(values.get(p))});
        }
    }

    private static void customRows(List<Object[]> rows, String property, UUID id, String attr, Object value) {
        List<?> list = value instanceof List ? (List<?>) value : List.of(value);
        for (int p = 0; p < list.size(); p++) {
            Object v = list.get(p);
            String kind = value instanceof List ? "S" : v instanceof String ? "T" : v instanceof BigDecimal ? "N" : v instanceof Instant ? "D" : "B";
            rows.add(new Object[] {property, id, attr, p, kind, v instanceof String ? v : null, v instanceof String s ? Values.fold(s) : null,
                v instanceof BigDecimal ? v : null, v instanceof Instant ? v : null, v instanceof Boolean ? v : null});
        }
    }

    /**
     * Writes rows into a table by the database's bulk path: on PostgreSQL {@code COPY … FROM
     * STDIN} (the driver's {@code CopyManager}, CSV) into a temporary staging table emptied at
     * commit, then one {@code INSERT … SELECT … ON CONFLICT DO NOTHING}; on MariaDB multi-row
     * {@code INSERT … VALUES (…), (…), …} statements of as many rows as its placeholder limit
     * allows; on H2 one JDBC batch.
     */
    private void write(Connection c, String table, List<String> columns, List<Object[]> rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        String cols = String.join(", ", columns);
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        switch (dialect) {
            case POSTGRESQL: {
                String stage = "bench_stage_" + table;
                if (staged.add(c)) {
                    try (Statement s = c.createStatement()) {
                        for (String t : List.of("contact", "contact_email", "contact_phone", "contact_tag", "contact_custom")) {
                            s.execute("CREATE TEMPORARY TABLE bench_stage_" + t + " (LIKE " + t + ") ON COMMIT DELETE ROWS");
                        }
                    }
                }
                StringBuilder csv = new StringBuilder(rows.size() * columns.size() * 16);
                for (Object[] r : rows) {
                    for (int i = 0; i < r.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        csv(csv, r[i]);
                    }
                    csv.append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + stage + " (" + cols + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv.toString()));
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + stage + " ON CONFLICT DO NOTHING");
                }
                return;
            }
            case MARIADB: {
                int chunk = Math.max(1, MAX_PARAMETERS / columns.size());
                for (int from = 0; from < rows.size(); from += chunk) {
                    List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + chunk));
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES "
                            + String.join(", ", Collections.nCopies(part.size(), row)))) {
                        int i = 1;
                        for (Object[] r : part) {
                            for (Object v : r) {
                                value(ps, i++, v);
                            }
                        }
                        ps.executeUpdate();
                    }
                }
                return;
            }
            default: {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES " + row)) {
                    for (Object[] r : rows) {
                        for (int i = 0; i < r.length; i++) {
                            value(ps, i + 1, r[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
    }

    /** Binds an import value: ids and instants as the dialect stores them, the rest as they are. */
    private void value(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof UUID id) {
            dialect.setId(ps, i, id);
        } else if (v instanceof Instant t) {
            dialect.setInstant(ps, i, t);
        } else {
            ps.setObject(i, v);
        }
    }

    /** Appends an import value as a CSV field of PostgreSQL's COPY: NULL unquoted and empty, text always quoted. */
    private static void csv(StringBuilder b, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"') {
                    b.append('"');
                }
                b.append(ch);
            }
            b.append('"');
        } else if (v instanceof Instant t) {
            b.append(COPY_TIME.format(t));
        } else if (v instanceof BigDecimal d) {
            b.append(d.toPlainString());
        } else if (v instanceof Boolean flag) {
            b.append(flag ? 't' : 'f');
        } else {
            b.append(v);
        }
    }

    /**
     * @return the statistics UPDATE of an ingested web session, in the dialect's terms for the
     *         earlier/later of two dates; the location columns come first, since MariaDB
     *         evaluates assignments left to right (a later one sees {@code last_web_session}'s new value)
     */
    private static String ingestUpdate(SqlDialect dialect) {
        List<String> set = new ArrayList<>();
        for (String column : WebSession.LOCATION_ATTRIBUTES) {
            for (String c : List.of(column, column + "_fold")) {
                set.add(c + " = CASE WHEN last_web_session IS NULL OR last_web_session <= ? THEN ? ELSE " + c + " END");
            }
        }
        set.add("version = version + 1");
        set.add("total_web_sessions = COALESCE(total_web_sessions, 0) + 1");
        set.add("pages_viewed = COALESCE(pages_viewed, 0) + ?");
        set.add("time_spent = COALESCE(time_spent, 0) + ?");
        set.add("first_web_session = " + dialect.least("first_web_session"));
        set.add("last_web_session = " + dialect.greatest("last_web_session"));
        set.add("first_seen = " + dialect.least("first_seen"));
        set.add("last_seen = " + dialect.greatest("last_seen"));
        return "UPDATE contact SET " + String.join(", ", set) + " WHERE property_id = ? AND id = ?";
    }

    /** Binds a date to each parameter of one {@link SqlDialect#least}/{@link SqlDialect#greatest} form. */
    private int extreme(PreparedStatement ps, int i, Instant value) throws SQLException {
        for (int k = 0; k < dialect.extremeParameters(); k++) {
            dialect.setInstant(ps, i++, value);
        }
        return i;
    }

    /**
     * One web session per operation in one transaction: the event row (idempotent through the
     * unique external id, {@link SqlDialect#insertIfAbsent}), then, if it was new, the contact's
     * statistics in one UPDATE ({@code COALESCE} counters, {@link SqlDialect#least}/{@link SqlDialect#greatest}
     * dates, location columns only from the newest session).
     */
    @Override
    boolean ingest(dev.contacts.model.PropertyId target, WebSession s) {
        String property = target.value();
        Connection c = scratchDb();
        try {
            boolean inserted;
            try (PreparedStatement ps = c.prepareStatement(dialect.insertIfAbsent("INSERT INTO activity_event (property_id, id, kind, external_id,"
                    + " contact_id, start_at, end_at, pages_viewed, time_spent, hostname, ip, os, browser, country, city, region)"
                    + " VALUES (?, ?, 'WEB', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
                ps.setString(1, property);
                dialect.setId(ps, 2, s.id().value());
                ps.setString(3, s.externalId());
                dialect.setId(ps, 4, s.contact().value());
                dialect.setInstant(ps, 5, s.start());
                dialect.setInstant(ps, 6, s.end());
                ps.setLong(7, s.pagesViewed());
                ps.setLong(8, s.timeSpent());
                ps.setString(9, s.hostname());
                ps.setString(10, s.ip());
                ps.setString(11, s.os());
                ps.setString(12, s.browser());
                ps.setString(13, s.country());
                ps.setString(14, s.city());
                ps.setString(15, s.region());
                inserted = dialect.executeIfAbsent(c, ps);
            }
            if (inserted) {
                try (PreparedStatement ps = c.prepareStatement(ingestUpdate)) {
                    Instant start = s.start();
                    int i = 1;
                    Map<String, String> location = s.location();
                    for (String column : WebSession.LOCATION_ATTRIBUTES) {
                        String v = location.get(column);
                        dialect.setInstant(ps, i++, start);
                        ps.setString(i++, v);
                        dialect.setInstant(ps, i++, start);
                        ps.setString(i++, v == null ? null : Values.fold(v));
                    }
                    ps.setLong(i++, s.pagesViewed());
                    ps.setLong(i++, s.timeSpent());
                    i = extreme(ps, i, start);
                    i = extreme(ps, i, start);
                    i = extreme(ps, i, start);
                    i = extreme(ps, i, s.lastActivity());
                    ps.setString(i++, property);
                    dialect.setId(ps, i, s.contact().value());
                    ps.executeUpdate();
                }
            }
            c.commit();
            return inserted;
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    @Override
    void release() {
        synchronized (connections) {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing at the end of a fork: nothing left to do with it
                }
            }
            connections.clear();
        }
    }

}
