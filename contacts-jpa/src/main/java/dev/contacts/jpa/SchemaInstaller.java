package dev.contacts.jpa;

import dev.contacts.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema files of a dialect that a database does not have yet, in
 * version order, and records each in {@code contacts_schema_version}. The same files are
 * what a host applies with Flyway or Liquibase instead ({@link SchemaMode#VALIDATE}).
 */
final class SchemaInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);
    /** Every schema version, in order: {@code db/<dialect>/<file>} on the class path. */
    static final List<String> VERSIONS = List.of("V1__contacts.sql", "V2__segments_views_merges.sql", "V3__notes_activity.sql",
            "V4__attachments.sql", "V5__catalog_version.sql", "V6__name_lookups.sql");

    private SchemaInstaller() {
    }

    /**
     * @param tx      transactions on the database
     * @param dialect its dialect
     * @return how many versions were applied
     */
    static int apply(Transactions tx, Dialect dialect) {
        return apply(tx, dialect, VERSIONS.size());
    }

    /**
     * Applies the versions the database lacks up to a given one (an upgrade test builds the
     * database of an earlier release with it).
     *
     * @param tx      transactions on the database
     * @param dialect its dialect
     * @param last    the last version to apply, at most {@code VERSIONS.size()}
     * @return how many versions were applied
     */
    static int apply(Transactions tx, Dialect dialect, int last) {
        return tx.run("create the schema", db -> {
            db.update(db.sql(VERSION_TABLE_DDL));
            long installed = db.count(db.sql("SELECT COALESCE(MAX(version), 0) FROM contacts_schema_version"));
            int applied = 0;
            for (int v = (int) installed + 1; v <= last; v++) {
                String file = VERSIONS.get(v - 1);
                for (String statement : statements(read(resource(dialect, file)))) {
                    db.update(db.sql(statement));
                }
                db.update(db.sql("INSERT INTO contacts_schema_version (version, script) VALUES (").value(v).append(", ").value(file)
                        .append(")"));
                LOG.info("applied schema version {} ({}) for {}", v, file, dialect);
                applied++;
            }
            return applied;
        });
    }

    /** The table where the applied versions are recorded, as the store creates it. */
    static final String VERSION_TABLE_DDL = "CREATE TABLE IF NOT EXISTS contacts_schema_version (version INT NOT NULL, "
            + "script VARCHAR(200) NOT NULL, PRIMARY KEY (version))";

    /**
     * @param dialect a dialect
     * @param file    one of {@link #VERSIONS}
     * @return the file of that version for the dialect, on the class path
     */
    static String resource(Dialect dialect, String file) {
        return "db/" + dialect.directory() + "/" + file;
    }

    /**
     * @param resource a schema file on the class path
     * @return its text
     * @throws StoreException if it is missing
     */
    static String read(String resource) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("create the schema", "the schema file " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("create the schema", e);
        }
    }

    /** Splits a script into statements: lines starting with {@code --} are comments, a {@code ;} at a line end ends a statement. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String s = current.toString().strip();
                statements.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
