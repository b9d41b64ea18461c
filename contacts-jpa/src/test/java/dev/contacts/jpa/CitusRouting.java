package dev.contacts.jpa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether one SQL statement is a Citus router query: every contact-side (distributed)
 * table it reads or writes carries an equality on {@code property_id}, either against a bind
 * parameter or a literal, or through a join equality with a table that does
 * ({@code a.property_id = b.property_id}, also from a correlated subquery to its outer query).
 * Reference tables ({@link #REFERENCE_TABLES}) need none. The statements that must span
 * properties are listed in {@link #EXEMPTIONS} with their reason.
 *
 * <p>The parse is deliberately conservative: a small tokenizer, scopes for each parenthesized
 * subquery and each branch of a UNION, table references after FROM, JOIN, INTO (INSERT INTO a
 * target, MERGE INTO a table read), UPDATE and USING, and equalities in WHERE and ON clauses. An equality counts only when no OR stands
 * beside it at any level of parentheses up to its clause (so {@code a OR c.property_id = ?}
 * binds nothing), a column with an unknown qualifier binds nothing, and a table name that is
 * not in the schema is itself a violation (so a new table must be classified here). A
 * statement the parser does not understand fails rather than passes.
 */
final class CitusRouting {
    /**
     * The tables every node holds whole ({@code create_reference_table}): the schema's version
     * table, which belongs to no property.
     */
    static final Set<String> REFERENCE_TABLES = Set.of("contacts_schema_version");

    /** The table name the checker gives a derived table ({@code FROM (SELECT …) d}) in its enclosing scope. */
    private static final String DERIVED = "(derived)";

    /** The distribution column of every distributed table but {@code property}. */
    static final String DISTRIBUTION_COLUMN = "property_id";

    /**
     * @param table a distributed table
     * @return its distribution column: {@code id} for {@code property} itself (the tenant table,
     *         distributed by its key and colocated with the rest), else {@code property_id}
     */
    static String distributionColumn(String table) {
        return table.equals("property") ? "id" : DISTRIBUTION_COLUMN;
    }

    /**
     * A kind of statement that legitimately spans properties (or reads no contact rows), with
     * why it may.
     *
     * @param name    a short name for the counts
     * @param pattern what the statement looks like (matched against its text from the start)
     * @param reason  why it need not be a router query
     */
    record Exemption(String name, Pattern pattern, String reason) {
    }

    /** Every statement kind exempted from the router rule, with its justification. */
    static final List<Exemption> EXEMPTIONS = List.of(
            new Exemption("schema DDL", Pattern.compile("^\\s*(CREATE|ALTER|DROP)\\s", Pattern.CASE_INSENSITIVE),
                    "schema DDL of the versioned schema files (SchemaInstaller): Citus propagates DDL on distributed tables to every shard"),
            new Exemption("property list", Pattern.compile("^\\s*SELECT\\s+[\\w\\s,]+\\s+FROM\\s+property(\\s+ORDER\\s+BY\\s+id)?\\s*$",
                    Pattern.CASE_INSENSITIVE),
                    "listing every property (PropertyRepository.list; JdbcBlobStore.list under a prefix naming no property) spans "
                            + "tenants by definition: one row per property from every shard"),
            new Exemption("statistics", Pattern.compile("^\\s*ANALYZE\\s", Pattern.CASE_INSENSITIVE),
                    "planner statistics (JpaStore.updateStatistics) cover whole tables by nature; Citus runs ANALYZE on every shard"),
            new Exemption("catalog reads", Pattern.compile("^\\s*SELECT\\s.*\\sFROM\\s+information_schema\\.\\w+\\s+WHERE\\s+table_schema\\s*=\\s*\\?\\s*$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
                    "schema validation (DatabaseSchema) reads the catalog of the coordinator, no contact rows"),
            new Exemption("row estimate", Pattern.compile("^\\s*SELECT\\s+CAST\\(GREATEST\\(reltuples, 0\\) AS BIGINT\\) FROM pg_class WHERE oid = to_regclass\\('(contact|organization)'\\)\\s*$",
                    Pattern.CASE_INSENSITIVE),
                    "the planner's row estimate of the contact or organization table (BulkInsertStatistics) from the catalog, no contact rows"));

    /** The outcome of checking one statement. */
    enum Kind {
        /** Every distributed table it touches is pinned to one property: Citus routes it to one shard group. */
        ROUTER,
        /** It touches reference tables only (every node has them). */
        REFERENCE_ONLY,
        /** It names no table at all (SET, SELECT 1, ...). */
        NO_TABLE,
        /** One of {@link #EXEMPTIONS}. */
        EXEMPT,
        /** It would fan out to every shard, or cannot be shown not to. */
        VIOLATION
    }

    /**
     * @param kind   the outcome
     * @param detail for a violation what is wrong, for an exemption its reason, else the tables touched
     */
    record Verdict(Kind kind, String detail) {
    }

    /** MariaDB's {@code SET STATEMENT var = value[, …] FOR <statement>}. */
    private static final Pattern SET_STATEMENT_FOR = Pattern.compile(
            "^\\s*SET\\s+STATEMENT\\s+[\\w@.]+\\s*=\\s*[\\w'.]+(\\s*,\\s*[\\w@.]+\\s*=\\s*[\\w'.]+)*\\s+FOR\\s+", Pattern.CASE_INSENSITIVE);

    /** {@code EXPLAIN [(options)] [ANALYZE] [VERBOSE] <statement>}. */
    private static final Pattern EXPLAIN = Pattern.compile("^\\s*EXPLAIN\\s+(\\([\\w\\s,]*\\)\\s*)?(ANALYZE\\s+)?(VERBOSE\\s+)?",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> distributed;

    /** @param distributed the distributed (contact-side) tables, in lower case */
    CitusRouting(Set<String> distributed) {
        this.distributed = Set.copyOf(distributed);
    }

    /** @return the checker for the store's schema: every table its PostgreSQL schema files create, but the reference tables */
    static CitusRouting ofSchema() {
        return new CitusRouting(distributedTables());
    }

    /** @return the tables the PostgreSQL schema files create, but the reference tables */
    static Set<String> distributedTables() {
        Set<String> tables = new LinkedHashSet<>(ExpectedSchema.of(Dialect.POSTGRESQL, SchemaInstaller.VERSIONS).tables());
        tables.removeAll(REFERENCE_TABLES);
        return tables;
    }

    /**
     * @param sql one statement as the store sends it
     * @return whether it is a router query, and if not why
     */
    Verdict check(String sql) {
        Matcher scoped = SET_STATEMENT_FOR.matcher(sql);
        if (scoped.find()) {
            sql = sql.substring(scoped.end()); // MariaDB's per-statement session settings: the statement is what follows
        }
        Matcher explain = EXPLAIN.matcher(sql);
        if (explain.find()) {
            sql = sql.substring(explain.end()); // the plan of a statement goes where the statement goes
        }
        for (Exemption e : EXEMPTIONS) {
            if (e.pattern().matcher(sql).find()) {
                return new Verdict(Kind.EXEMPT, e.name());
            }
        }
        List<Tok> toks;
        try {
            toks = tokenize(sql);
        } catch (IllegalArgumentException e) {
            return new Verdict(Kind.VIOLATION, "cannot tokenize: " + e.getMessage());
        }
        if (toks.isEmpty()) {
            return new Verdict(Kind.NO_TABLE, "");
        }
        String first = toks.get(0).text;
        if (!Set.of("select", "with", "insert", "update", "delete", "merge", "values", "(").contains(first)) {
            for (Tok t : toks) {
                if (t.type == Type.WORD && distributed.contains(t.text)) {
                    return new Verdict(Kind.VIOLATION, "a " + first.toUpperCase(Locale.ROOT) + " statement on the distributed table " + t.text
                            + " that is neither a router query nor listed in CitusRouting.EXEMPTIONS");
                }
            }
            return new Verdict(Kind.NO_TABLE, "");
        }
        try {
            return new Analysis(toks).run();
        } catch (IllegalArgumentException e) {
            return new Verdict(Kind.VIOLATION, "cannot parse: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- tokenizer

    private enum Type { WORD, QUOTED, STRING, NUMBER, PARAM, OP, LPAREN, RPAREN, COMMA, DOT, SEMI }

    /** A token; {@code depth} is the number of parentheses open around it (a parenthesis has the depth outside it). */
    private static final class Tok {
        final Type type;
        final String text;
        int depth;

        Tok(Type type, String text) {
            this.type = type;
            this.text = text;
        }

        boolean is(String word) {
            return type == Type.WORD && text.equals(word);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        for (Tok t : tokenize(sql)) {
            out.add(t.text);
        }
        return out;
    }

    private static List<Tok> tokenize(String sql) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        int depth = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment");
                }
                i = end + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new IllegalArgumentException("unterminated string literal");
                    }
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                add(out, new Tok(Type.STRING, sql.substring(i, j + 1)), depth);
                i = j + 1;
            } else if (c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quoted identifier");
                }
                add(out, new Tok(Type.QUOTED, sql.substring(i + 1, end).toLowerCase(Locale.ROOT)), depth);
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                add(out, new Tok(Type.WORD, sql.substring(i, j).toLowerCase(Locale.ROOT)), depth);
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                add(out, new Tok(Type.NUMBER, sql.substring(i, j)), depth);
                i = j;
            } else if (c == '?') {
                add(out, new Tok(Type.PARAM, "?"), depth);
                i++;
            } else if (c == '(') {
                add(out, new Tok(Type.LPAREN, "("), depth);
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced ')'");
                }
                add(out, new Tok(Type.RPAREN, ")"), depth);
                i++;
            } else if (c == ',') {
                add(out, new Tok(Type.COMMA, ","), depth);
                i++;
            } else if (c == '.') {
                add(out, new Tok(Type.DOT, "."), depth);
                i++;
            } else if (c == ';') {
                add(out, new Tok(Type.SEMI, ";"), depth);
                i++;
            } else {
                int j = i + 1;
                while (j < n && "<>=!|&+-*/%:~^@#".indexOf(sql.charAt(j)) >= 0 && "<>=!|:".indexOf(c) >= 0) {
                    j++;
                }
                add(out, new Tok(Type.OP, sql.substring(i, j)), depth);
                i = j;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '('");
        }
        return out;
    }

    private static void add(List<Tok> out, Tok t, int depth) {
        t.depth = depth;
        out.add(t);
    }

    // ---------------------------------------------------------------- analysis

    /** Words that end a table reference (so they are never taken for an alias). */
    private static final Set<String> NOT_ALIAS = Set.of("where", "join", "inner", "left", "right", "full", "outer", "cross", "natural", "on",
            "using", "set", "group", "order", "limit", "offset", "fetch", "union", "intersect", "except", "minus", "for", "values", "select",
            "returning", "having", "window", "lateral", "key", "default", "use", "force", "ignore", "as", "partition", "straight_join");
    /** Words that end a WHERE or ON condition. */
    private static final Set<String> END_CONDITION = Set.of("group", "order", "limit", "offset", "fetch", "for", "join", "inner", "left", "right",
            "full", "cross", "natural", "union", "intersect", "except", "returning", "window", "having", "set", "values", "select", "on",
            "straight_join");
    private static final Set<String> SET_OPERATORS = Set.of("union", "intersect", "except", "minus");

    /** A table named in a FROM, JOIN, INTO, UPDATE or USING position. */
    private static final class TableRef {
        final String table;
        final String alias;
        final Scope scope;
        final boolean insertTarget;
        boolean bound;

        TableRef(String table, String alias, Scope scope, boolean insertTarget) {
            this.table = table;
            this.alias = alias;
            this.scope = scope;
            this.insertTarget = insertTarget;
        }
    }

    /** A SELECT (or UPDATE, DELETE, INSERT) body: a span of tokens at one depth, with its parent. */
    private static final class Scope {
        final Scope parent;
        final int from;
        final int to; // exclusive
        final int depth;
        final List<TableRef> tables = new ArrayList<>();

        Scope(Scope parent, int from, int to, int depth) {
            this.parent = parent;
            this.from = from;
            this.to = to;
            this.depth = depth;
        }
    }

    /** A column of a scope, {@code qualifier.column} or a bare column. */
    private record ColumnRef(String qualifier, String column) {
    }

    /** One side of an equality: a column, or a constant (bind parameter or literal). */
    private record Operand(ColumnRef column, boolean constant) {
    }

    private final class Analysis {
        private final List<Tok> toks;
        private final List<Scope> scopes = new ArrayList<>();
        private final Set<String> derivedNames = new HashSet<>();
        /** Pairs of resolved table references made equal on property_id; a single ref (second null) bound to a constant. */
        private final List<TableRef[]> equalities = new ArrayList<>();
        private final Set<String> unknown = new TreeSet<>();
        /** The tokens taken as table names. */
        private final Set<Integer> named = new HashSet<>();

        Analysis(List<Tok> toks) {
            this.toks = toks;
        }

        Verdict run() {
            int end = toks.size();
            if (toks.get(end - 1).type == Type.SEMI) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (toks.get(i).type == Type.SEMI) {
                    throw new IllegalArgumentException("more than one statement");
                }
            }
            collectDerivedNames(end);
            buildScopes(null, 0, end, 0);
            for (Scope s : scopes) {
                collectTables(s);
            }
            for (Scope s : scopes) {
                collectEqualities(s);
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (TableRef[] e : equalities) {
                    if (e[1] == null) {
                        if (!e[0].bound) {
                            e[0].bound = true;
                            changed = true;
                        }
                    } else if (e[0].bound != e[1].bound) {
                        e[0].bound = true;
                        e[1].bound = true;
                        changed = true;
                    }
                }
            }
            if (!unknown.isEmpty()) {
                return new Verdict(Kind.VIOLATION, "names tables that are not in the schema " + unknown
                        + " (classify them in CitusRouting: distributed by property_id or reference)");
            }
            for (int i = 0; i < end; i++) {
                Tok t = toks.get(i);
                boolean qualifier = (i + 1 < end && toks.get(i + 1).type == Type.DOT) || (i > 0 && toks.get(i - 1).type == Type.DOT);
                if ((t.type == Type.WORD || t.type == Type.QUOTED) && !qualifier && !named.contains(i)
                        && (distributed.contains(t.text) || REFERENCE_TABLES.contains(t.text))) {
                    return new Verdict(Kind.VIOLATION, "names the table " + t.text + " where the checker does not understand it (token " + i + ")");
                }
            }
            checkInsertColumns();
            Set<String> unbound = new TreeSet<>();
            Set<String> touched = new TreeSet<>();
            boolean anyDistributed = false;
            for (Scope s : scopes) {
                for (TableRef t : s.tables) {
                    touched.add(t.table);
                    if (distributed.contains(t.table)) {
                        anyDistributed = true;
                        if (!t.bound) {
                            unbound.add(t.table + (t.alias == null ? "" : " " + t.alias));
                        }
                    }
                }
            }
            if (!unbound.isEmpty()) {
                return new Verdict(Kind.VIOLATION, "no equality on property_id for " + unbound);
            }
            if (touched.isEmpty()) {
                return new Verdict(Kind.NO_TABLE, "");
            }
            return new Verdict(anyDistributed ? Kind.ROUTER : Kind.REFERENCE_ONLY, touched.toString());
        }

        /** CTE names ({@code WITH x AS (}) are derived tables, not schema tables. */
        private void collectDerivedNames(int end) {
            for (int i = 0; i + 2 < end; i++) {
                Tok t = toks.get(i);
                if ((t.type == Type.WORD || t.type == Type.QUOTED) && toks.get(i + 1).is("as") && toks.get(i + 2).type == Type.LPAREN
                        && i > 0 && (toks.get(i - 1).is("with") || toks.get(i - 1).type == Type.COMMA || toks.get(i - 1).is("recursive"))) {
                    derivedNames.add(t.text);
                }
            }
        }

        /** Splits [from, to) into scopes: set-operator branches at this depth, and a child scope for each parenthesized subquery. */
        private void buildScopes(Scope parent, int from, int to, int depth) {
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || (toks.get(i).depth == depth && toks.get(i).type == Type.WORD && SET_OPERATORS.contains(toks.get(i).text))) {
                    Scope s = new Scope(parent, start, i, depth);
                    scopes.add(s);
                    children(s);
                    start = i + 1;
                    while (start < to && (toks.get(start).is("all") || toks.get(start).is("distinct"))) {
                        start++;
                    }
                }
            }
        }

        private void children(Scope s) {
            for (int i = s.from; i < s.to; i++) {
                Tok t = toks.get(i);
                if (t.type == Type.LPAREN && t.depth == s.depth) {
                    int close = close(i);
                    int inner = i + 1;
                    while (inner < close && toks.get(inner).type == Type.LPAREN) {
                        inner++; // ((SELECT ...)) or (SELECT ...) UNION ... inside parentheses
                    }
                    boolean cteBody = i > s.from && toks.get(i - 1).is("as");
                    if (inner < close && (toks.get(inner).is("select") || toks.get(inner).is("with") || toks.get(inner).is("values")
                            // a data-modifying WITH (PostgreSQL's one-statement ingestion): WITH e AS (INSERT ...), u AS (UPDATE ...)
                            || (cteBody && (toks.get(inner).is("insert") || toks.get(inner).is("update") || toks.get(inner).is("delete"))))) {
                        buildScopes(s, i + 1, close, s.depth + 1);
                    } else {
                        nested(s, i + 1, close, s.depth + 1);
                    }
                    i = close;
                }
            }
        }

        /** Parentheses that are not a subquery may still hold one deeper down (e.g. {@code EXISTS(...)} inside {@code (a OR b)}). */
        private void nested(Scope s, int from, int to, int depth) {
            for (int i = from; i < to; i++) {
                Tok t = toks.get(i);
                if (t.type == Type.LPAREN && t.depth == depth) {
                    int close = close(i);
                    int inner = i + 1;
                    while (inner < close && toks.get(inner).type == Type.LPAREN) {
                        inner++;
                    }
                    if (inner < close && (toks.get(inner).is("select") || toks.get(inner).is("with"))) {
                        buildScopes(s, i + 1, close, depth + 1);
                    } else {
                        nested(s, i + 1, close, depth + 1);
                    }
                    i = close;
                }
            }
        }

        private int close(int open) {
            int d = toks.get(open).depth;
            for (int i = open + 1; i < toks.size(); i++) {
                if (toks.get(i).type == Type.RPAREN && toks.get(i).depth == d) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced parentheses");
        }

        /** Table references of a scope, at the scope's own depth. */
        private void collectTables(Scope s) {
            for (int i = s.from; i < s.to; i++) {
                Tok t = toks.get(i);
                if (t.depth != s.depth || t.type != Type.WORD) {
                    continue;
                }
                boolean list = false;
                boolean position;
                switch (t.text) {
                    case "from":
                        // not IS [NOT] DISTINCT FROM
                        position = !(i > s.from && toks.get(i - 1).is("distinct"));
                        list = true;
                        break;
                    case "join":
                    case "into":
                    case "straight_join":
                        position = true;
                        break;
                    case "update":
                        // UPDATE t, but not ON DUPLICATE KEY UPDATE / DO UPDATE / FOR UPDATE
                        position = i == s.from;
                        break;
                    case "using":
                        position = i + 1 < s.to && toks.get(i + 1).type != Type.LPAREN;
                        break;
                    case "delete":
                        // MariaDB's DELETE t FROM t ...: the FROM that follows names the tables
                        position = false;
                        break;
                    default:
                        position = false;
                }
                if (!position) {
                    continue;
                }
                int j = i + 1;
                // INSERT INTO names the table written (its rows come from the VALUES or SELECT); MERGE INTO (H2's id-set
                // deletes and updates) names a table read and written, held by the equalities of its ON condition
                boolean insertTarget = t.is("into") && !(i > s.from && toks.get(i - 1).is("merge"));
                while (true) {
                    j = tableRef(s, j, insertTarget);
                    if (list && j < s.to && toks.get(j).type == Type.COMMA && toks.get(j).depth == s.depth) {
                        j++;
                        continue;
                    }
                    break;
                }
                i = j - 1;
            }
        }

        /** Reads one table reference at {@code j}; returns the index after it. */
        private int tableRef(Scope s, int j, boolean target) {
            if (j >= s.to) {
                throw new IllegalArgumentException("a table reference is missing at the end");
            }
            Tok t = toks.get(j);
            if (t.is("lateral") || t.is("only")) {
                j++;
                t = toks.get(j);
            }
            if (t.type == Type.LPAREN) {
                // a derived table (its subquery is a child scope); a parenthesized join is not understood
                int inner = j + 1;
                while (toks.get(inner).type == Type.LPAREN) {
                    inner++;
                }
                if (!(toks.get(inner).is("select") || toks.get(inner).is("with") || toks.get(inner).is("values"))) {
                    throw new IllegalArgumentException("a parenthesized join in FROM");
                }
                j = close(j) + 1;
                Alias a = alias(j, s);
                if (a.name != null) {
                    // its rows are checked in its own scope; out here its alias only relays an equality on
                    // property_id (a correlated subquery's x.property_id = d.property_id binds x only when d
                    // itself has one against a constant at this level), it never binds by itself
                    s.tables.add(new TableRef(DERIVED, a.name, s, false));
                }
                return a.next;
            }
            if (t.type != Type.WORD && t.type != Type.QUOTED) {
                throw new IllegalArgumentException("unexpected '" + t.text + "' where a table is expected");
            }
            String name = t.text;
            int nameAt = j;
            j++;
            if (j + 1 < s.to + 1 && j < toks.size() && toks.get(j).type == Type.DOT) {
                String schema = name;
                name = toks.get(j + 1).text;
                j += 2;
                if (schema.equals("information_schema") || schema.equals("pg_catalog")) {
                    return alias(j, s).next; // the catalog: never contact rows
                }
            }
            if (!target && j < toks.size() && toks.get(j).type == Type.LPAREN) {
                // a function in FROM (UNNEST(?), TABLE(...)): no stored rows
                j = close(j) + 1;
                return alias(j, s).next;
            }
            Alias a = alias(j, s);
            if (derivedNames.contains(name) || name.equals("dual")) {
                s.tables.add(new TableRef("(" + name + ")", a.name == null ? name : a.name, s, false)); // a CTE: checked where it is defined
                s.tables.get(s.tables.size() - 1).bound = true;
                return a.next;
            }
            if (!distributed.contains(name) && !REFERENCE_TABLES.contains(name)) {
                unknown.add(name);
            }
            named.add(nameAt);
            s.tables.add(new TableRef(name, a.name, s, target));
            return a.next;
        }

        private record Alias(String name, int next) {
        }

        private Alias alias(int j, Scope s) {
            if (j < s.to && toks.get(j).is("as")) {
                j++;
            }
            if (j < s.to && (toks.get(j).type == Type.WORD || toks.get(j).type == Type.QUOTED) && !NOT_ALIAS.contains(toks.get(j).text)) {
                String name = toks.get(j).text;
                j++;
                if (j < s.to && toks.get(j).type == Type.LPAREN && toks.get(j).depth == s.depth) {
                    j = close(j) + 1; // column aliases of a derived table
                }
                return new Alias(name, j);
            }
            return new Alias(null, j);
        }

        /** Equalities on the distribution column inside the WHERE and ON conditions of a scope. */
        private void collectEqualities(Scope s) {
            boolean inCondition = false;
            int conditionStart = -1;
            for (int i = s.from; i < s.to; i++) {
                Tok t = toks.get(i);
                if (t.depth == s.depth && t.type == Type.WORD) {
                    if (t.is("where") || (t.is("on") && !(i + 1 < s.to && (toks.get(i + 1).is("conflict") || toks.get(i + 1).is("duplicate"))))) {
                        inCondition = true;
                        conditionStart = i + 1;
                        continue;
                    }
                    if (END_CONDITION.contains(t.text) || t.is("on")) {
                        inCondition = false;
                    }
                }
                if (!inCondition || inChildScope(s, i)) {
                    continue;
                }
                if (t.type == Type.OP && (t.text.equals("=") || t.is("in"))) {
                    equality(s, i, conditionStart);
                } else if (t.is("in")) {
                    equality(s, i, conditionStart);
                }
            }
        }

        private boolean inChildScope(Scope s, int i) {
            for (Scope c : scopes) {
                if (c.parent == s && c.from <= i && i < c.to) {
                    return true;
                }
            }
            return false;
        }

        /** Looks at the operator at {@code op} and records an equality on the distribution column, if it is one that binds. */
        private void equality(Scope s, int op, int conditionStart) {
            Tok o = toks.get(op);
            if (toks.get(op - 1).type == Type.RPAREN && (o.text.equals("=") || o.is("in"))) {
                tuple(s, op, conditionStart);
                return;
            }
            if (o.is("in")) {
                // col IN (?) with one element is an equality; more elements span shards
                ColumnRef left = columnBefore(op);
                if (left != null && op + 3 < s.to && toks.get(op + 1).type == Type.LPAREN
                        && constant(toks.get(op + 2)) && toks.get(op + 3).type == Type.RPAREN && orFree(s, op, conditionStart)) {
                    bindConstant(s, left);
                }
                return;
            }
            ColumnRef left = columnBefore(op);
            Operand right = operandAfter(op);
            if (left == null && right == null) {
                return;
            }
            Operand l = left == null ? constantBefore(op) : new Operand(left, false);
            if (l == null || right == null || !orFree(s, op, conditionStart)) {
                return;
            }
            record(s, l, right);
        }

        private void record(Scope s, Operand l, Operand r) {
            if (l.column() != null && r.column() != null) {
                TableRef a = resolveDistribution(s, l.column());
                TableRef b = resolveDistribution(s, r.column());
                if (a != null && b != null) {
                    equalities.add(new TableRef[] {a, b});
                }
            } else if (l.column() != null && r.constant()) {
                bindConstant(s, l.column());
            } else if (r.column() != null && l.constant()) {
                bindConstant(s, r.column());
            }
        }

        /** @return the table whose distribution column this is, or null when it is another column or not resolved */
        private TableRef resolveDistribution(Scope s, ColumnRef c) {
            TableRef t = resolve(s, c);
            if (t != null && t.table.equals(DERIVED)) {
                return c.column().equals(DISTRIBUTION_COLUMN) ? t : null;
            }
            return t != null && distributed.contains(t.table) && c.column().equals(distributionColumn(t.table)) ? t : null;
        }

        /** {@code (a.property_id, a.id) = (?, ?)} and {@code (a.property_id, a.id) IN ((?, ?))} with one row. */
        private void tuple(Scope s, int op, int conditionStart) {
            int closeLeft = op - 1;
            int openLeft = -1;
            for (int i = closeLeft - 1; i >= 0; i--) {
                if (toks.get(i).type == Type.LPAREN && toks.get(i).depth == toks.get(closeLeft).depth) {
                    openLeft = i;
                    break;
                }
            }
            if (openLeft < 0) {
                return;
            }
            List<List<Tok>> lefts = split(openLeft, closeLeft);
            int openRight = op + 1;
            if (openRight >= toks.size() || toks.get(openRight).type != Type.LPAREN) {
                return;
            }
            int closeRight = close(openRight);
            if (toks.get(op).is("in")) {
                // exactly one row: IN ((...))
                if (toks.get(openRight + 1).type != Type.LPAREN || close(openRight + 1) != closeRight - 1) {
                    return;
                }
                openRight++;
                closeRight--;
            }
            List<List<Tok>> rights = split(openRight, closeRight);
            if (lefts.size() != rights.size() || !orFree(s, op, conditionStart)) {
                return;
            }
            for (int k = 0; k < lefts.size(); k++) {
                Operand l = operand(lefts.get(k));
                Operand r = operand(rights.get(k));
                if (l != null && r != null) {
                    record(s, l, r);
                }
            }
        }

        private List<List<Tok>> split(int open, int close) {
            List<List<Tok>> parts = new ArrayList<>();
            List<Tok> part = new ArrayList<>();
            int d = toks.get(open).depth + 1;
            for (int i = open + 1; i < close; i++) {
                Tok t = toks.get(i);
                if (t.type == Type.COMMA && t.depth == d) {
                    parts.add(part);
                    part = new ArrayList<>();
                } else {
                    part.add(t);
                }
            }
            parts.add(part);
            return parts;
        }

        private Operand operand(List<Tok> part) {
            if (part.size() == 1 && constant(part.get(0))) {
                return new Operand(null, true);
            }
            if (part.size() == 1 && (part.get(0).type == Type.WORD || part.get(0).type == Type.QUOTED)) {
                return new Operand(new ColumnRef(null, part.get(0).text), false);
            }
            if (part.size() == 3 && part.get(1).type == Type.DOT) {
                return new Operand(new ColumnRef(part.get(0).text, part.get(2).text), false);
            }
            return null;
        }

        private boolean constant(Tok t) {
            return t.type == Type.PARAM || t.type == Type.STRING;
        }

        private ColumnRef columnBefore(int op) {
            int i = op - 1;
            if (i < 0 || (toks.get(i).type != Type.WORD && toks.get(i).type != Type.QUOTED)) {
                return null;
            }
            if (i >= 2 && toks.get(i - 1).type == Type.DOT) {
                if (i >= 3 && (toks.get(i - 3).type == Type.DOT || toks.get(i - 3).type == Type.OP)) {
                    return null; // schema.table.column, or a term of an expression
                }
                return new ColumnRef(toks.get(i - 2).text, toks.get(i).text);
            }
            if (i >= 1 && toks.get(i - 1).type == Type.OP) {
                return null;
            }
            return new ColumnRef(null, toks.get(i).text);
        }

        private Operand constantBefore(int op) {
            int i = op - 1;
            if (i >= 0 && constant(toks.get(i))) {
                return new Operand(null, true);
            }
            return null;
        }

        private Operand operandAfter(int op) {
            int i = op + 1;
            if (i >= toks.size()) {
                return null;
            }
            Tok t = toks.get(i);
            boolean endsHere = i + 1 >= toks.size() || !(toks.get(i + 1).type == Type.DOT || toks.get(i + 1).type == Type.OP
                    || toks.get(i + 1).type == Type.LPAREN);
            if (constant(t)) {
                return endsHere ? new Operand(null, true) : null;
            }
            if (t.type == Type.WORD || t.type == Type.QUOTED) {
                if (i + 2 < toks.size() && toks.get(i + 1).type == Type.DOT) {
                    boolean ends = i + 3 >= toks.size() || !(toks.get(i + 3).type == Type.DOT || toks.get(i + 3).type == Type.OP);
                    return ends ? new Operand(new ColumnRef(t.text, toks.get(i + 2).text), false) : null;
                }
                return endsHere ? new Operand(new ColumnRef(null, t.text), false) : null;
            }
            return null;
        }

        private void bindConstant(Scope s, ColumnRef c) {
            TableRef t = resolveDistribution(s, c);
            if (t != null) {
                equalities.add(new TableRef[] {t, null});
            }
        }

        /** The table a column belongs to: by qualifier in this scope or an enclosing one; a bare column to the nearest scope's only table. */
        private TableRef resolve(Scope s, ColumnRef c) {
            for (Scope x = s; x != null; x = x.parent) {
                if (c.qualifier() != null) {
                    for (TableRef t : x.tables) {
                        if (t.insertTarget) {
                            continue;
                        }
                        if (c.qualifier().equals(t.alias) || (t.alias == null && c.qualifier().equals(t.table))) {
                            return t;
                        }
                    }
                } else {
                    List<TableRef> sources = x.tables.stream().filter(t -> !t.insertTarget).toList();
                    if (!sources.isEmpty()) {
                        return sources.size() == 1 ? sources.get(0) : null;
                    }
                }
            }
            return null;
        }

        /**
         * Whether the equality at {@code op} stands in a conjunction: no OR (and no NOT before a
         * parenthesis) at its own level or any enclosing level up to the start of its condition.
         */
        private boolean orFree(Scope s, int op, int conditionStart) {
            int level = toks.get(op).depth;
            int left = op;
            int right = op;
            while (true) {
                int lo = left;
                while (lo - 1 >= conditionStart && !(toks.get(lo - 1).depth < level)) {
                    lo--;
                }
                int hi = right;
                while (hi + 1 < s.to && !(toks.get(hi + 1).depth < level)
                        && !(level == s.depth && toks.get(hi + 1).type == Type.WORD && END_CONDITION.contains(toks.get(hi + 1).text))) {
                    hi++;
                }
                for (int i = lo; i <= hi; i++) {
                    if (toks.get(i).depth == level && (toks.get(i).is("or") || toks.get(i).is("xor"))) {
                        return false;
                    }
                }
                if (level == s.depth) {
                    return true;
                }
                // step out of the enclosing parenthesis
                int open = lo - 1;
                if (open < conditionStart || toks.get(open).type != Type.LPAREN) {
                    return false;
                }
                if (open - 1 >= 0 && toks.get(open - 1).is("not")) {
                    return false;
                }
                if (open - 1 >= 0 && (toks.get(open - 1).type == Type.WORD || toks.get(open - 1).type == Type.QUOTED)
                        && !Set.of("and", "where", "on").contains(toks.get(open - 1).text)) {
                    return false; // an argument of a function (COALESCE, CASE...): not a condition of the query
                }
                level--;
                left = open;
                right = hi + 1;
            }
        }

        /** Every INSERT into a distributed table names the distribution column (Citus routes each row by its value). */
        private void checkInsertColumns() {
            // the statement's own INSERT, or one in a WITH of PostgreSQL (WITH e AS (INSERT INTO ...) ...)
            for (Scope top : scopes) {
                insertColumns(top);
            }
        }

        private void insertColumns(Scope top) {
            for (TableRef t : top.tables) {
                if (!t.insertTarget || !distributed.contains(t.table)) {
                    continue;
                }
                int into = -1;
                for (int i = top.from; i < top.to; i++) {
                    if (toks.get(i).is("into") && toks.get(i).depth == top.depth) {
                        into = i;
                        break;
                    }
                }
                if (into < 0 || !toks.get(into + 1).text.equals(t.table)) {
                    continue;
                }
                int open = into + 2;
                if (toks.get(open).type != Type.LPAREN) {
                    continue; // unbound: reported by the caller
                }
                boolean has = false;
                for (int i = open + 1; i < close(open); i++) {
                    if (toks.get(i).text.equals(distributionColumn(t.table))) {
                        has = true;
                    }
                }
                t.bound = has;
            }
        }
    }
}
