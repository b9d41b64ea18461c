package dev.contacts.jpa;

import dev.contacts.StoreException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SchemaValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a database holds the schema the SDK's SQL files create, beyond what Hibernate
 * can see from the entity classes: {@link SchemaMode#VALIDATE} runs {@link #validate}, and
 * {@link SchemaMode#CREATE} runs {@link #beforeCreate} before applying the files.
 *
 * <p>The usual way to get a schema the entities accept but the SDK cannot trust is a host
 * whose persistence unit lists {@link JpaStore#entityClasses()} and runs Hibernate's
 * {@code hibernate.hbm2ddl.auto}: hbm2ddl creates the tables from the entities, without the
 * unique keys, indexes, foreign keys and collations of the files, so that duplicate emails
 * are accepted, deleting a property leaves its rows behind and text sorts in the database's
 * locale instead of the filters' code-point order. The messages say so and how to fix it.
 */
final class SchemaCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);
    private static final String FILTER_SETTING = "hibernate.hbm2ddl.schema_filter_provider="
            + ContactsSchemaFilterProvider.class.getName();
    private static final String README = "contacts-jpa/README.md, \"Hibernate hosts: hbm2ddl, Flyway, Liquibase\"";

    private SchemaCheck() {
    }

    /**
     * Before {@link SchemaMode#CREATE} applies the files: fails when the store's tables exist
     * but {@code contacts_schema_version} does not (the files would fail on the first
     * existing table), or when that table is a Flyway history (Flyway applies the files there).
     *
     * @param emf     the factory
     * @param dialect its database's dialect
     * @throws StoreException saying what is wrong and how to fix it
     */
    static void beforeCreate(EntityManagerFactory emf, Dialect dialect) {
        DatabaseSchema tables = read(emf, "create the schema", c -> DatabaseSchema.tables(c, dialect));
        if (tables.hasTable(DatabaseSchema.VERSION_TABLE)) {
            if (tables.versionTableIsFlywayHistory()) {
                throw new StoreException("create the schema", DatabaseSchema.VERSION_TABLE + " in " + tables.schema()
                        + " is the history table of a Flyway run: Flyway applies the SDK's files on this database, so open the store "
                        + "with SchemaMode.VALIDATE (see " + README + ")");
            }
            return;
        }
        List<String> existing = sdkTables(tables);
        if (existing.isEmpty()) {
            return;
        }
        // rare: worth reading the keys and indexes to tell hbm2ddl's tables from files applied by another tool
        ExpectedSchema expected = ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS);
        DatabaseSchema db = read(emf, "create the schema", c -> DatabaseSchema.read(c, dialect, expected.tables()));
        List<String> problems = structuralProblems(db, expected);
        throw new StoreException("create the schema", "the tables " + String.join(", ", existing) + " exist in " + db.schema()
                + " but " + DatabaseSchema.VERSION_TABLE + ", where the SDK records the versions of its SQL files, does not"
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)) + ". " + withoutVersionTable(db, expected, problems));
    }

    /**
     * {@link SchemaMode#VALIDATE}: Hibernate's check of the entity classes, then every version
     * recorded in {@code contacts_schema_version}, every named key and index of the files
     * and the collation of every text column the files set one for.
     *
     * @param emf     the factory
     * @param dialect its database's dialect
     * @throws StoreException saying what is wrong and how to fix it
     */
    static void validate(EntityManagerFactory emf, Dialect dialect) {
        try {
            emf.getSchemaManager().validate();
        } catch (SchemaValidationException e) {
            throw new StoreException("validate the schema", e.getMessage() + " (apply the SDK's SQL files: open the store with "
                    + "SchemaMode.CREATE, or apply db/" + dialect.directory() + "/*.sql of contacts-jpa with your migration tool)");
        }
        ExpectedSchema expected = ExpectedSchema.of(dialect, SchemaInstaller.VERSIONS);
        DatabaseSchema db = read(emf, "validate the schema", c -> DatabaseSchema.read(c, dialect, expected.tables()));
        List<String> structural = structuralProblems(db, expected);
        List<String> problems = new ArrayList<>();
        String advice;
        List<String> missingVersions = missingVersions(db);
        if (!db.hasTable(DatabaseSchema.VERSION_TABLE)) {
            problems.add("the table " + DatabaseSchema.VERSION_TABLE + ", where the SDK records the versions of its SQL files, "
                    + "does not exist");
            advice = withoutVersionTable(db, expected, structural);
        } else if (!missingVersions.isEmpty()) {
            problems.add(DatabaseSchema.VERSION_TABLE + " lacks " + String.join(", ", missingVersions));
            advice = "Apply the missing versions: open the store once with SchemaMode.CREATE, or apply these files of db/"
                    + dialect.directory() + "/ with your migration tool (see " + README + ").";
        } else {
            advice = "The tables were changed after the SDK's files were applied: recreate what is missing as db/"
                    + dialect.directory() + "/*.sql of contacts-jpa define it.";
        }
        problems.addAll(structural);
        if (!problems.isEmpty()) {
            throw new StoreException("validate the schema", "the schema in " + db.schema() + " is not the one the SDK's SQL files create: "
                    + String.join("; ", problems) + ". " + advice);
        }
        LOG.debug("schema in {} validated: Hibernate's check, {} versions, keys, indexes and collations", db.schema(),
                SchemaInstaller.VERSIONS.size());
    }

    /** @return the keys, indexes and collations of the files the database lacks, grouped for the message */
    private static List<String> structuralProblems(DatabaseSchema db, ExpectedSchema expected) {
        List<String> problems = new ArrayList<>(missingObjects(db, expected));
        problems.addAll(wrongCollations(db, expected));
        return problems;
    }

    /**
     * The advice for the SDK's tables without their version table: made by hbm2ddl when not
     * one of the files' named keys and indexes is there, else made by the files through a tool
     * that recorded them in a history of its own.
     */
    private static String withoutVersionTable(DatabaseSchema db, ExpectedSchema expected, List<String> structuralProblems) {
        boolean anyNamedObject = expected.objects().stream()
                .anyMatch(o -> o.kind() != ExpectedSchema.Kind.PRIMARY_KEY && db.hasTable(o.table()) && isPresent(db, o));
        if (!anyNamedObject) {
            return "The tables look created by Hibernate's hbm2ddl (hibernate.hbm2ddl.auto) from JpaStore.entityClasses(), "
                    + "which leaves out the SDK's unique keys, indexes, foreign keys and collations: exclude the SDK's tables from "
                    + "hbm2ddl (" + FILTER_SETTING + "), drop them (after moving out any rows you need) and apply the SDK's SQL files "
                    + "with SchemaMode.CREATE or your migration tool (see " + README + ").";
        }
        StringBuilder records = new StringBuilder();
        for (int v = 1; v <= SchemaInstaller.VERSIONS.size(); v++) {
            records.append(v == 1 ? "" : ", ").append('(').append(v).append(", '").append(SchemaInstaller.VERSIONS.get(v - 1)).append("')");
        }
        String record = "record the applied versions where the store looks, so that validation passes and SchemaMode.CREATE "
                + "applies only newer versions: " + SchemaInstaller.VERSION_TABLE_DDL + "; INSERT INTO " + DatabaseSchema.VERSION_TABLE
                + " (version, script) VALUES " + records + " (one row per version applied; see " + README + ").";
        return structuralProblems.isEmpty()
                ? "The SDK's keys and indexes are all there: its files look applied by a migration tool that recorded them in a "
                        + "history of its own; " + record
                : "Some of the SDK's keys and indexes are there: its files look applied, not all of them, by a migration tool that "
                        + "recorded them in a history of its own. Apply the missing versions' files, then " + record;
    }

    private static List<String> sdkTables(DatabaseSchema db) {
        return Mapping.tables().stream().filter(db::hasTable).toList();
    }

    /** @return the versions of {@link SchemaInstaller#VERSIONS} not recorded, as "version 3 (V3__….sql)" */
    private static List<String> missingVersions(DatabaseSchema db) {
        Set<String> recorded = new HashSet<>();
        for (String script : db.recordedScripts()) {
            recorded.add(script.substring(script.lastIndexOf('/') + 1)); // a tool may record the file with its folder
        }
        List<String> missing = new ArrayList<>();
        for (int v = 1; v <= SchemaInstaller.VERSIONS.size(); v++) {
            if (!recorded.contains(SchemaInstaller.VERSIONS.get(v - 1))) {
                missing.add("version " + v + " (" + SchemaInstaller.VERSIONS.get(v - 1) + ")");
            }
        }
        return missing;
    }

    /** @return per table, the keys and indexes of the files it lacks, as "table contact lacks index ix_contact_name, …" */
    private static List<String> missingObjects(DatabaseSchema db, ExpectedSchema expected) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (ExpectedSchema.SchemaObject o : expected.objects()) {
            // a missing mapped table is Hibernate's finding
            if (db.hasTable(o.table()) && !isPresent(db, o)) {
                missing.computeIfAbsent(o.table(), t -> new ArrayList<>())
                        .add(o.kind().label() + (o.kind() == ExpectedSchema.Kind.PRIMARY_KEY ? "" : " " + o.name()));
            }
        }
        List<String> problems = new ArrayList<>();
        missing.forEach((table, objects) -> problems.add("table " + table + " lacks " + String.join(", ", objects)));
        return problems;
    }

    /** @return whether the database has the key or index (of a table that exists) */
    private static boolean isPresent(DatabaseSchema db, ExpectedSchema.SchemaObject o) {
        Map<String, ExpectedSchema.Kind> constraints = db.constraints(o.table());
        switch (o.kind()) {
            case PRIMARY_KEY:
                return constraints.containsValue(ExpectedSchema.Kind.PRIMARY_KEY); // MariaDB names every one PRIMARY
            case INDEX:
            case UNIQUE:
                // a unique key made by CREATE UNIQUE INDEX is an index only; H2 gives the index behind a constraint a name of its own
                return constraints.containsKey(o.name()) || db.indexes(o.table()).contains(o.name());
            default:
                return constraints.get(o.name()) == o.kind();
        }
    }

    /** @return per table and collation, the columns with another collation than the files set */
    private static List<String> wrongCollations(DatabaseSchema db, ExpectedSchema expected) {
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (ExpectedSchema.ColumnCollation c : expected.collations()) {
            String actual = db.columns(c.table()).get(c.column());
            if (actual != null && !actual.equalsIgnoreCase(c.collation())) {
                String found = actual.isEmpty() ? "the database's default collation" : "collation \"" + actual + "\"";
                wrong.computeIfAbsent(found + " instead of collation \"" + c.collation() + "\"", k -> new ArrayList<>())
                        .add(c.table() + "." + c.column());
            }
        }
        List<String> problems = new ArrayList<>();
        wrong.forEach((what, columns) -> problems.add("the text column" + (columns.size() == 1 ? " " : "s ") + String.join(", ", columns)
                + (columns.size() == 1 ? " has " : " have ") + what + " (the filters compare and sort text in the files' collation)"));
        return problems;
    }

    private static DatabaseSchema read(EntityManagerFactory emf, String operation, ReturningWork<DatabaseSchema> reading) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.unwrap(Session.class).doReturningWork(reading);
        } catch (RuntimeException e) {
            throw new StoreException(operation, e);
        } finally {
            em.close();
        }
    }
}
