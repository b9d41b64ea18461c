package dev.contacts.bench;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Values;
import dev.contacts.model.WebSession;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline of the JPA store's databases (PostgreSQL, H2): SQL written by hand for each
 * scenario over the store's own schema and indexes, plain JDBC, bind parameters, and the
 * same rows with the same fields as the SDK (every column, set and custom value, built into
 * {@link Contact}s). The page queries take the best form a careful developer would write:
 * known sort values first through the {@code (property_id, last_seen, id)} index, then
 * unknown ones only if the page is not full; a deep page seeks with a row comparison; a
 * page's sets and custom values come in one {@code UNION ALL} query keyed by
 * {@code = ANY(?)}. The SQL is standard but for what {@link SqlDialect} says.
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
    private static final String INSERT_CONTACT;

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
        INSERT_CONTACT = "INSERT INTO contact (" + String.join(", ", insert) + ") VALUES (" + "?, ".repeat(insert.size() - 1) + "?)";
    }

    private static final String TAG = "EXISTS (SELECT 1 FROM contact_tag t WHERE t.property_id = c.property_id AND t.contact_id = c.id AND t.fold = ?)";
    private static final String PLAN = "EXISTS (SELECT 1 FROM contact_custom x WHERE x.property_id = c.property_id AND x.contact_id = c.id"
            + " AND x.attr = 'custom.plan' AND x.text_fold = ?)";

    private final SqlDialect dialect;
    private final String ingestUpdate;
    private final String url;
    private final String scratchUrl;
    private final String user;
    private final String password;
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ThreadLocal<Connection> scratchConnection = new ThreadLocal<>();
    /** Rows this baseline imported since it last analysed the contact tables, and the rows then. */
    private long importedSinceAnalyze;
    private long rowsAtAnalyze;

    /**
     * @param scratchUrl where the write scenarios write (PostgreSQL: a schema of this JVM's own,
     *                   see {@link Fixture#scratch()}; H2: the same database as {@code url})
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
        switch (s) {
            case SELECTIVE_FIRST_PAGE:
                return new Where("c.country_fold = ? AND " + TAG, List.of("de", "vip"));
            case BROAD_SORTED_FIRST_PAGE:
            case DEEP_PAGE:
            case BROAD_COUNT:
                return new Where("EXISTS (SELECT 1 FROM contact_tag t WHERE t.property_id = c.property_id AND t.contact_id = c.id"
                        + " AND t.fold = ANY(?))", List.<Object>of((Object) new String[] {"newsletter", "lead", "customer"}));
            case NEGATIVE_FIRST_PAGE:
                return new Where("NOT " + TAG, List.of("newsletter"));
            case CUSTOM_ATTRIBUTE_FIRST_PAGE:
                return new Where(PLAN, List.of("enterprise"));
            case OR_OF_GROUPS_FIRST_PAGE:
                return new Where("(" + TAG + " AND c.country_fold = ? OR " + PLAN + " AND c.country_fold = ? OR " + TAG
                        + " AND c.last_seen >= ? AND c.last_seen <= ?)",
                        List.of("vip", "fr", "business", "gb", "trial", now.minus(Duration.ofDays(30)), now));
            default:
                throw new IllegalArgumentException(s + " is not a query");
        }
    }

    private void bind(PreparedStatement ps, int from, List<Object> params) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof String[]) {
                ps.setArray(i++, ps.getConnection().createArrayOf(dialect.textArray(), (String[]) p));
            } else if (p instanceof Instant) {
                ps.setObject(i++, OffsetDateTime.ofInstant((Instant) p, ZoneOffset.UTC));
            } else {
                ps.setObject(i++, p);
            }
        }
    }

    /** A page: known lastSeen first (seeking after a position if given), then unknown ones if the page is not full. */
    @Override
    List<Contact> page(Where w, Position after) {
        Connection c = db();
        try {
            List<Contact> page = new ArrayList<>(Scenario.PAGE_SIZE);
            String seek = after == null ? "" : " AND (c.last_seen, c.id) < (?, ?)";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PAGE_COLUMNS + " FROM contact c WHERE c.property_id = ? AND "
                    + w.sql() + " AND c.last_seen IS NOT NULL" + seek + " ORDER BY c.last_seen DESC, c.id DESC LIMIT " + Scenario.PAGE_SIZE)) {
                ps.setString(1, Workload.MAIN.value());
                bind(ps, 2, w.params());
                int i = 2 + w.params().size();
                if (after != null) {
                    ps.setObject(i++, OffsetDateTime.ofInstant(after.lastSeen(), ZoneOffset.UTC));
                    ps.setObject(i++, after.id());
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
    private static void readMains(PreparedStatement ps, List<Contact> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Contact.Builder b = Contact.builder(new ContactId(rs.getObject("id", UUID.class))).version(rs.getLong("version"));
                for (String[] t : TEXT) {
                    String v = rs.getString(t[1]);
                    if (v != null) {
                        b.set(t[0], v);
                    }
                }
                for (String[] d : DATES) {
                    OffsetDateTime v = rs.getObject(d[1], OffsetDateTime.class);
                    if (v != null) {
                        b.set(d[0], v.toInstant());
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
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT contact_id, 'emails' AS attr, position, 'S' AS kind, display AS text_value, CAST(NULL AS NUMERIC) AS number_value,"
                        + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS date_value, CAST(NULL AS BOOLEAN) AS boolean_value FROM contact_email WHERE property_id = ? AND contact_id = ANY(?)"
                        + " UNION ALL SELECT contact_id, 'phones', position, 'S', display, NULL, NULL, NULL FROM contact_phone WHERE property_id = ? AND contact_id = ANY(?)"
                        + " UNION ALL SELECT contact_id, 'tags', position, 'S', display, NULL, NULL, NULL FROM contact_tag WHERE property_id = ? AND contact_id = ANY(?)"
                        + " UNION ALL SELECT contact_id, 'organization', position, 'O', CAST(organization_id AS VARCHAR), NULL, NULL, NULL FROM contact_organization"
                        + " WHERE property_id = ? AND contact_id = ANY(?)"
                        + " UNION ALL SELECT contact_id, attr, position, kind, text_value, number_value, date_value, boolean_value FROM contact_custom"
                        + " WHERE property_id = ? AND contact_id = ANY(?) ORDER BY 1, 2, 3")) {
            Array array = c.createArrayOf(dialect.uuidArray(), ids);
            for (int i = 0; i < 5; i++) {
                ps.setString(2 * i + 1, property);
                ps.setArray(2 * i + 2, array);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString("kind");
                    Object v;
                    switch (kind) {
                        case "O": v = new OrganizationId(UUID.fromString(rs.getString("text_value"))); break;
                        case "N": v = rs.getBigDecimal("number_value"); break;
                        case "D": v = rs.getObject("date_value", OffsetDateTime.class).toInstant(); break;
                        case "B": v = rs.getBoolean("boolean_value"); break;
                        default: v = rs.getString("text_value"); break;
                    }
                    values.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new LinkedHashMap<>())
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
            bind(ps, 2, w.params());
            ps.setLong(2 + w.params().size(), skipped - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the deep page's position lies among unknown lastSeen values; choose another filter");
                }
                Position at = new Position(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, UUID.class));
                c.commit();
                return at;
            }
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    /**
     * The newest 50 of each kind, merged by SQL; chat transcripts and bodies come with them, as
     * the SDK's items carry them. Limits are literals, as the SDK writes them.
     */
    @Override
    List<String> timeline() {
        Connection c = db();
        String p = Workload.TIMELINE.value();
        UUID contact = workload.timelineContact().id().value();
        List<String> keys = new ArrayList<>(Scenario.PAGE_SIZE);
        List<UUID> chats = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ("
                + "(SELECT 'NOTE' AS kind, id, created AS at, body FROM note WHERE property_id = ? AND contact_id = ?"
                + " ORDER BY created DESC, id DESC LIMIT " + Scenario.PAGE_SIZE + ")"
                + " UNION ALL (SELECT 'CHAT', id, start_at, NULL FROM activity_event WHERE property_id = ? AND contact_id = ? AND kind = 'CHAT'"
                + " ORDER BY start_at DESC, id DESC LIMIT " + Scenario.PAGE_SIZE + ")"
                + " UNION ALL (SELECT 'TICKET', id, created, body FROM ticket_message WHERE property_id = ? AND contact_id = ?"
                + " ORDER BY created DESC, id DESC LIMIT " + Scenario.PAGE_SIZE + ")) u ORDER BY at DESC, id DESC LIMIT " + Scenario.PAGE_SIZE)) {
            for (int k = 0; k < 3; k++) {
                ps.setString(2 * k + 1, p);
                ps.setObject(2 * k + 2, contact);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    UUID id = rs.getObject(2, UUID.class);
                    keys.add(kind + ":" + id + "@" + rs.getObject(3, OffsetDateTime.class).toInstant());
                    rs.getString(4);
                    if (kind.equals("CHAT")) {
                        chats.add(id);
                    }
                }
            }
            if (!chats.isEmpty()) {
                try (PreparedStatement messages = c.prepareStatement("SELECT event_id, position, author, agent_id, body, sent FROM chat_message"
                        + " WHERE property_id = ? AND event_id = ANY(?) ORDER BY event_id, position")) {
                    messages.setString(1, p);
                    messages.setArray(2, c.createArrayOf(dialect.uuidArray(), chats.toArray()));
                    try (ResultSet rs = messages.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(5);
                        }
                    }
                }
            }
            c.commit();
            return keys;
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    /**
     * A batched upsert by email: per batch of {@value Workload#LOAD_BATCH} rows, one query finds
     * the emails already taken, then JDBC batches insert the new contacts' main rows, emails,
     * phones, tags and custom values (rewritten into multi-row inserts by the PostgreSQL driver),
     * one transaction per batch. On PostgreSQL it analyses the contact tables each time its
     * imports doubled them, as PostgreSQL's guide to populating a database advises and as the
     * JPA store does (without statistics, the foreign-key checks of the value rows scan the
     * property; this machine's PostgreSQL runs without autovacuum).
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
        } catch (SQLException e) {
            throw rollback(c, e);
        }
    }

    private int importBatch(Connection c, String property, List<Contact> batch) throws SQLException {
        Map<String, UUID> taken = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fold, contact_id FROM contact_email WHERE property_id = ? AND fold = ANY(?)")) {
            ps.setString(1, property);
            ps.setArray(2, c.createArrayOf(dialect.textArray(), batch.stream().map(r -> Values.fold(r.primaryEmail())).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        Instant now = workload.now();
        try (PreparedStatement main = c.prepareStatement(INSERT_CONTACT);
             PreparedStatement sets = c.prepareStatement("INSERT INTO contact_email (property_id, contact_id, position, display, fold) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement phones = c.prepareStatement("INSERT INTO contact_phone (property_id, contact_id, position, display, fold) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement tags = c.prepareStatement("INSERT INTO contact_tag (property_id, contact_id, position, display, fold) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement custom = c.prepareStatement("INSERT INTO contact_custom (property_id, contact_id, attr, position, kind, text_value, "
                     + "text_fold, number_value, date_value, boolean_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Contact r : batch) {
                if (taken.containsKey(Values.fold(r.primaryEmail()))) {
                    // an upsert would update the row here; the benchmark imports into an empty property, so it never does
                    throw new IllegalStateException("the baseline import met an existing email: " + r.primaryEmail());
                }
                UUID id = ContactId.generate().value();
                int i = 1;
                main.setString(i++, property);
                main.setObject(i++, id);
                main.setLong(i++, 1);
                i = text(main, i, r.primaryEmail());
                i = text(main, i, r.primaryPhone());
                for (String[] t : TEXT) {
                    i = text(main, i, (String) r.value(t[0]));
                }
                for (String[] d : DATES) {
                    Instant v = d[0].equals("updated") ? now : (Instant) r.value(d[0]);
                    main.setObject(i++, v == null ? null : OffsetDateTime.ofInstant(v, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                }
                for (String[] n : NUMBERS) {
                    main.setBigDecimal(i++, (BigDecimal) r.value(n[0]));
                }
                main.addBatch();
                elements(sets, property, id, r.emails());
                elements(phones, property, id, r.phones());
                elements(tags, property, id, r.tags());
                for (Map.Entry<String, Object> e : r.custom().entrySet()) {
                    customRows(custom, property, id, "custom." + e.getKey(), e.getValue());
                }
            }
            main.executeBatch();
            sets.executeBatch();
            phones.executeBatch();
            tags.executeBatch();
            custom.executeBatch();
        }
        return batch.size();
    }

    private static int text(PreparedStatement ps, int i, String v) throws SQLException {
        ps.setString(i, v);
        ps.setString(i + 1, v == null ? null : Values.fold(v));
        return i + 2;
    }

    private static void elements(PreparedStatement ps, String property, UUID id, List<String> values) throws SQLException {
        for (int p = 0; p < values.size(); p++) {
            ps.setString(1, property);
            ps.setObject(2, id);
            ps.setInt(3, p);
            ps.setString(4, values.get(p));
            ps.setString(5, Values.fold(values.get(p)));
            ps.addBatch();
        }
    }

    private static void customRows(PreparedStatement ps, String property, UUID id, String attr, Object value) throws SQLException {
        List<?> list = value instanceof List ? (List<?>) value : List.of(value);
        for (int p = 0; p < list.size(); p++) {
            Object v = list.get(p);
            ps.setString(1, property);
            ps.setObject(2, id);
            ps.setString(3, attr);
            ps.setInt(4, p);
            ps.setString(5, value instanceof List ? "S" : v instanceof String ? "T" : v instanceof BigDecimal ? "N" : v instanceof Instant ? "D" : "B");
            ps.setString(6, v instanceof String ? (String) v : null);
            ps.setString(7, v instanceof String ? Values.fold((String) v) : null);
            ps.setBigDecimal(8, v instanceof BigDecimal ? (BigDecimal) v : null);
            ps.setObject(9, v instanceof Instant ? OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC) : null, Types.TIMESTAMP_WITH_TIMEZONE);
            if (v instanceof Boolean) {
                ps.setBoolean(10, (Boolean) v);
            } else {
                ps.setNull(10, Types.BOOLEAN);
            }
            ps.addBatch();
        }
    }

    /** @return the statistics UPDATE of an ingested web session, in the dialect's terms for the earlier/later of two dates */
    private static String ingestUpdate(SqlDialect dialect) {
        StringBuilder sql = new StringBuilder("UPDATE contact SET version = version + 1,"
                + " total_web_sessions = COALESCE(total_web_sessions, 0) + 1, pages_viewed = COALESCE(pages_viewed, 0) + ?,"
                + " time_spent = COALESCE(time_spent, 0) + ?, first_web_session = " + dialect.least("first_web_session") + ","
                + " last_web_session = " + dialect.greatest("last_web_session") + ", first_seen = " + dialect.least("first_seen") + ","
                + " last_seen = " + dialect.greatest("last_seen"));
        for (String column : WebSession.LOCATION_ATTRIBUTES) {
            for (String c : List.of(column, column + "_fold")) {
                sql.append(", ").append(c).append(" = CASE WHEN last_web_session IS NULL OR last_web_session <= ? THEN ? ELSE ").append(c).append(" END");
            }
        }
        return sql.append(" WHERE property_id = ? AND id = ?").toString();
    }

    /** Binds a date to each parameter of one {@link SqlDialect#least}/{@link SqlDialect#greatest} form. */
    private int extreme(PreparedStatement ps, int i, OffsetDateTime value) throws SQLException {
        for (int k = 0; k < dialect.extremeParameters(); k++) {
            ps.setObject(i++, value);
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
                ps.setObject(2, s.id().value());
                ps.setString(3, s.externalId());
                ps.setObject(4, s.contact().value());
                ps.setObject(5, OffsetDateTime.ofInstant(s.start(), ZoneOffset.UTC));
                ps.setObject(6, s.end() == null ? null : OffsetDateTime.ofInstant(s.end(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
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
                    OffsetDateTime start = OffsetDateTime.ofInstant(s.start(), ZoneOffset.UTC);
                    int i = 1;
                    ps.setLong(i++, s.pagesViewed());
                    ps.setLong(i++, s.timeSpent());
                    i = extreme(ps, i, start);
                    i = extreme(ps, i, start);
                    i = extreme(ps, i, start);
                    i = extreme(ps, i, OffsetDateTime.ofInstant(s.lastActivity(), ZoneOffset.UTC));
                    Map<String, String> location = s.location();
                    for (String column : WebSession.LOCATION_ATTRIBUTES) {
                        String v = location.get(column);
                        ps.setObject(i++, start);
                        ps.setString(i++, v);
                        ps.setObject(i++, start);
                        ps.setString(i++, v == null ? null : Values.fold(v));
                    }
                    ps.setString(i++, property);
                    ps.setObject(i, s.contact().value());
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
