package dev.contacts.jpa;

/**
 * What {@link JpaStore} does with the database schema when it opens.
 */
public enum SchemaMode {
    /**
     * Applies the versioned SQL files of the dialect ({@code db/<dialect>/V<n>__*.sql}) that the
     * database does not have yet, recording each in {@code contacts_schema_version}; the
     * default of the URL-based factories.
     */
    CREATE,
    /**
     * Touches nothing and has Hibernate check the mapped entities against the database (the
     * host applied the SQL files itself, e.g. with Flyway or Liquibase); a mismatch fails the
     * opening with {@link dev.contacts.StoreException}. The default for a host's
     * {@link jakarta.persistence.EntityManagerFactory}.
     */
    VALIDATE,
    /** Touches and checks nothing: the host guarantees the schema. */
    NONE
}
