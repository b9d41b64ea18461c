package dev.contacts.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys, indexes and column collations that a dialect's versioned SQL files create, read
 * from the files themselves so that every version added later is covered without a list to
 * keep in step. The statements are followed in order: {@code CREATE TABLE} (named
 * constraints, columns with their collation, MariaDB's table default collation),
 * {@code CREATE [UNIQUE] INDEX}, {@code ALTER TABLE} ({@code ADD [CONSTRAINT|COLUMN|INDEX]},
 * {@code DROP [CONSTRAINT|FOREIGN KEY|CHECK|INDEX|KEY|PRIMARY KEY|COLUMN]}, {@code RENAME
 * CONSTRAINT|INDEX}, {@code ALTER COLUMN … TYPE}, {@code MODIFY}), {@code ALTER INDEX … RENAME
 * TO}, {@code DROP INDEX} and {@code DROP TABLE}; other statements (data changes) create
 * nothing to check. Names are kept in lower case, collations as spelled.
 */
final class ExpectedSchema {
    /** What kind of object a name stands for, as the messages call it. */
    enum Kind {
        PRIMARY_KEY("primary key"),
        UNIQUE("unique key"),
        FOREIGN_KEY("foreign key"),
        CHECK("check constraint"),
        INDEX("index");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return how messages name the kind */
        String label() {
            return label;
        }

        /** @return the kind of a constraint type as SQL and {@code information_schema.table_constraints} spell it */
        static Kind ofConstraintType(String type) {
            String t = type.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            switch (t) {
                case "PRIMARY KEY":
                    return PRIMARY_KEY;
                case "UNIQUE":
                    return UNIQUE;
                case "FOREIGN KEY":
                    return FOREIGN_KEY;
                case "CHECK":
                    return CHECK;
                default:
                    return null;
            }
        }
    }

    /**
     * A named key or index of a table.
     *
     * @param table its table
     * @param name  its name (a primary key's name is not checked: MariaDB calls every one {@code PRIMARY})
     * @param kind  what it is
     */
    record SchemaObject(String table, String name, Kind kind) {
    }

    /**
     * The collation a text column is created with.
     *
     * @param table     its table
     * @param column    the column
     * @param collation the collation
     */
    record ColumnCollation(String table, String column, String collation) {
    }

    private static final String NAME = "([\\w\"`.]+)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\((.*)\\)([^)]*)$", FLAGS);
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+"
            + NAME, FLAGS);
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME + "\\s+(.*)$", FLAGS);
    private static final Pattern ALTER_INDEX_RENAME = Pattern.compile("^ALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?" + NAME + "\\s+RENAME\\s+TO\\s+"
            + NAME, FLAGS);
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?" + NAME + "(?:\\s+ON\\s+" + NAME + ")?", FLAGS);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME, FLAGS);
    /** A named constraint, in a table's definition or after {@code ALTER TABLE … ADD}. */
    private static final Pattern CONSTRAINT = Pattern.compile("^CONSTRAINT\\s+" + NAME + "\\s+(PRIMARY\\s+KEY|UNIQUE|FOREIGN\\s+KEY|CHECK)\\b", FLAGS);
    private static final Pattern PRIMARY_KEY = Pattern.compile("^PRIMARY\\s+KEY\\b", FLAGS);
    /** MariaDB's index inside a table's definition or after {@code ALTER TABLE … ADD}. */
    private static final Pattern INLINE_INDEX = Pattern.compile("^(UNIQUE\\s+)?(?:INDEX|KEY)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME, FLAGS);
    /** Unnamed constraints: nothing to look for by name. */
    private static final Pattern UNNAMED = Pattern.compile("^(UNIQUE|FOREIGN\\s+KEY|CHECK|FULLTEXT|SPATIAL|CONSTRAINT)\\b", FLAGS);
    private static final Pattern COLUMN = Pattern.compile("^(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+(.*)$", FLAGS);
    private static final Pattern ADD = Pattern.compile("^ADD\\s+(.*)$", FLAGS);
    private static final Pattern DROP_OBJECT = Pattern.compile("^DROP\\s+(?:CONSTRAINT|FOREIGN\\s+KEY|CHECK|INDEX|KEY)\\s+(?:IF\\s+EXISTS\\s+)?" + NAME,
            FLAGS);
    private static final Pattern DROP_PRIMARY_KEY = Pattern.compile("^DROP\\s+PRIMARY\\s+KEY\\b", FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + NAME, FLAGS);
    private static final Pattern RENAME_OBJECT = Pattern.compile("^RENAME\\s+(?:CONSTRAINT|INDEX|KEY)\\s+" + NAME + "\\s+TO\\s+" + NAME, FLAGS);
    private static final Pattern CHANGE_COLUMN = Pattern.compile("^(?:ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.*)"
            + "|MODIFY\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + NAME + "\\s+(.*))$", FLAGS);
    private static final Pattern EXPLICIT_COLLATION = Pattern.compile("\\bCOLLATE\\s+[\"`]?(\\w+)[\"`]?", FLAGS);
    private static final Pattern TABLE_COLLATION = Pattern.compile("\\bCOLLATE\\s*=\\s*[\"`]?(\\w+)[\"`]?", FLAGS);
    private static final Pattern TEXT_TYPE = Pattern.compile("^(?:VARCHAR|CHAR|CHARACTER|TEXT|TINYTEXT|MEDIUMTEXT|LONGTEXT|CLOB|NVARCHAR|NCHAR)\\b",
            FLAGS);

    /** H2 gives every text column the database's collation, {@code OFF} (UTF-16 units) unless {@code SET COLLATION} changed it. */
    private static final String H2_DEFAULT_COLLATION = "OFF";

    private final Dialect dialect;
    private final Map<String, SchemaObject> objects = new LinkedHashMap<>();
    private final Map<String, ColumnCollation> collations = new LinkedHashMap<>();
    /** The tables created, with their default collation ({@code ""} for none: MariaDB's {@code COLLATE=} only). */
    private final Map<String, String> tableCollations = new LinkedHashMap<>();

    private ExpectedSchema(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param dialect the dialect
     * @param files   schema files of {@link SchemaInstaller#VERSIONS}, in order
     * @return what the files create on that dialect
     */
    static ExpectedSchema of(Dialect dialect, List<String> files) {
        List<String> statements = new ArrayList<>();
        for (String file : files) {
            statements.addAll(SchemaInstaller.statements(SchemaInstaller.read(SchemaInstaller.resource(dialect, file))));
        }
        return ofStatements(dialect, statements);
    }

    /**
     * @param dialect    the dialect
     * @param statements schema statements, in order
     * @return what they create on that dialect
     */
    static ExpectedSchema ofStatements(Dialect dialect, List<String> statements) {
        ExpectedSchema schema = new ExpectedSchema(dialect);
        for (String statement : statements) {
            schema.follow(statement.strip());
        }
        return schema;
    }

    /** @return the named keys and indexes, in the order the files create them */
    Collection<SchemaObject> objects() {
        return objects.values();
    }

    /** @return the text columns whose collation the files set, in the order the files create them */
    Collection<ColumnCollation> collations() {
        return collations.values();
    }

    /** @return the tables the files create (and do not drop), in the order they create them */
    List<String> tables() {
        return List.copyOf(tableCollations.keySet());
    }

    private void follow(String statement) {
        Matcher m;
        if ((m = CREATE_TABLE.matcher(statement)).matches()) {
            String table = name(m.group(1));
            Matcher collation = TABLE_COLLATION.matcher(m.group(3));
            tableCollations.put(table, collation.find() ? collation.group(1) : "");
            for (String element : topLevelParts(m.group(2))) {
                definition(table, element.strip());
            }
        } else if ((m = CREATE_INDEX.matcher(statement)).find()) {
            add(name(m.group(3)), name(m.group(2)), m.group(1) == null ? Kind.INDEX : Kind.UNIQUE);
        } else if ((m = ALTER_TABLE.matcher(statement)).matches()) {
            String table = name(m.group(1));
            for (String action : topLevelParts(m.group(2))) {
                alter(table, action.strip());
            }
        } else if ((m = ALTER_INDEX_RENAME.matcher(statement)).find()) {
            rename(null, name(m.group(1)), name(m.group(2)));
        } else if ((m = DROP_INDEX.matcher(statement)).find()) {
            String name = name(m.group(1));
            String table = m.group(2) == null ? null : name(m.group(2));
            objects.values().removeIf(o -> o.name().equals(name) && (table == null || o.table().equals(table)));
        } else if ((m = DROP_TABLE.matcher(statement)).find()) {
            String table = name(m.group(1));
            objects.values().removeIf(o -> o.table().equals(table));
            collations.values().removeIf(c -> c.table().equals(table));
            tableCollations.remove(table);
        }
    }

    private void alter(String table, String action) {
        Matcher m;
        if ((m = ADD.matcher(action)).matches()) {
            definition(table, m.group(1).strip());
        } else if ((m = DROP_PRIMARY_KEY.matcher(action)).find()) {
            objects.values().removeIf(o -> o.table().equals(table) && o.kind() == Kind.PRIMARY_KEY);
        } else if ((m = DROP_OBJECT.matcher(action)).find()) {
            String name = name(m.group(1));
            objects.values().removeIf(o -> o.table().equals(table) && o.name().equals(name));
        } else if ((m = DROP_COLUMN.matcher(action)).find()) {
            collations.remove(table + "." + name(m.group(1)));
        } else if ((m = RENAME_OBJECT.matcher(action)).find()) {
            rename(table, name(m.group(1)), name(m.group(2)));
        } else if ((m = CHANGE_COLUMN.matcher(action)).matches()) {
            boolean alter = m.group(1) != null;
            column(table, name(alter ? m.group(1) : m.group(3)), alter ? m.group(2) : m.group(4));
        }
    }

    /** A part of a table's definition, or what {@code ALTER TABLE … ADD} adds. */
    private void definition(String table, String part) {
        Matcher m;
        if ((m = CONSTRAINT.matcher(part)).find()) {
            add(table, name(m.group(1)), Kind.ofConstraintType(m.group(2)));
        } else if (PRIMARY_KEY.matcher(part).find()) {
            add(table, "", Kind.PRIMARY_KEY);
        } else if ((m = INLINE_INDEX.matcher(part)).find()) {
            add(table, name(m.group(2)), m.group(1) == null ? Kind.INDEX : Kind.UNIQUE);
        } else if (UNNAMED.matcher(part).find()) {
            return; // nothing to look for by name
        } else if ((m = COLUMN.matcher(part)).matches()) {
            column(table, name(m.group(1)), m.group(2));
        }
    }

    /** Records the collation a column definition ({@code TYPE [COLLATE c] …}) gives the column, if any. */
    private void column(String table, String column, String definition) {
        String key = table + "." + column;
        collations.remove(key);
        Matcher explicit = EXPLICIT_COLLATION.matcher(definition);
        String collation = null;
        if (explicit.find()) {
            collation = explicit.group(1);
        } else if (TEXT_TYPE.matcher(definition.strip()).find()) {
            String tableDefault = tableCollations.getOrDefault(table, "");
            collation = !tableDefault.isEmpty() ? tableDefault : dialect == Dialect.H2 ? H2_DEFAULT_COLLATION : null;
        }
        if (collation != null) {
            collations.put(key, new ColumnCollation(table, column, collation));
        }
    }

    private void add(String table, String name, Kind kind) {
        if (kind != null) {
            objects.put(kind == Kind.PRIMARY_KEY ? table + "/primary key" : table + "/" + name, new SchemaObject(table, name, kind));
        }
    }

    private void rename(String table, String from, String to) {
        for (Map.Entry<String, SchemaObject> e : List.copyOf(objects.entrySet())) {
            SchemaObject o = e.getValue();
            if (o.name().equals(from) && (table == null || o.table().equals(table))) {
                objects.remove(e.getKey());
                add(o.table(), to, o.kind());
            }
        }
    }

    /** @return an identifier without quotes or schema, in lower case */
    private static String name(String identifier) {
        String n = identifier.replace("\"", "").replace("`", "");
        int dot = n.lastIndexOf('.');
        return (dot < 0 ? n : n.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    /** @return the comma-separated parts of a definition list, ignoring commas in parentheses and quotes */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }
}
