package dev.contacts.jpa;

/**
 * What {@link JpaStore} does with the database schema when it opens.
 */
public enum SchemaMode {
    /**
     * Applies the versioned SQL files of the dialect ({@code db/<dialect>/V<n>__*.sql}) that the
     * database does not have yet, recording each in {@code contacts_schema_version}; the
     * default of the URL-based factories. Fails with {@link dev.contacts.StoreException}
     * before applying anything when the store's tables exist without
     * {@code contacts_schema_version} (tables made by Hibernate's hbm2ddl: see
     * {@link ContactsSchemaFilterProvider}) or when that table is a Flyway history.
     */
    CREATE,
    /**
     * Touches nothing and checks the database (the host applied the SQL files itself, e.g.
     * with Flyway or Liquibase): Hibernate's validation of the persistence unit, every version
     * recorded in {@code contacts_schema_version}, every named key and index the dialect's
     * files create and the collation they give text columns. A mismatch fails the opening
     * with {@link dev.contacts.StoreException} naming what is missing and how to fix it. The
     * default for a host's {@link jakarta.persistence.EntityManagerFactory}.
     */
    VALIDATE,
    /** Touches and checks nothing: the host guarantees the schema. */
    NONE
}
