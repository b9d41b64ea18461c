package dev.contacts.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code contacts.*} configuration properties of the starter.
 *
 * @param schema what the JPA store does with its tables when it opens on the application's
 *               {@code EntityManagerFactory}: {@code validate} (the default: check them and
 *               refuse to start when they are missing or differ), {@code create} (create the
 *               missing ones from the SDK's SQL files) or {@code none} (touch and check nothing)
 * @param mongo  settings of the MongoDB store
 */
@ConfigurationProperties("contacts")
public record ContactsProperties(@DefaultValue("validate") Schema schema, @DefaultValue Mongo mongo) {

    /** What the JPA store does with its tables at start-up. */
    public enum Schema {
        /** Create the tables and indexes the database lacks from the SDK's SQL files. */
        CREATE,
        /** Check the tables and indexes; refuse to start, saying what is missing, when they differ. */
        VALIDATE,
        /** Touch and check nothing: the application guarantees the schema. */
        NONE
    }

    /**
     * Settings of the MongoDB store.
     *
     * @param database the database holding the SDK's collections
     */
    public record Mongo(@DefaultValue("contacts") String database) {
    }
}
