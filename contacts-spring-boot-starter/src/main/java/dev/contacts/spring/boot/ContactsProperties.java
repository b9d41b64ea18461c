package dev.contacts.spring.boot;

import java.time.Duration;
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
 * @param email  settings of ticket emails
 */
@ConfigurationProperties("contacts")
public record ContactsProperties(@DefaultValue("validate") Schema schema, @DefaultValue Mongo mongo,
                                 @DefaultValue Email email) {

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

    /**
     * Settings of ticket emails: how they are sent through the application's
     * {@code JavaMailSender} and how often the outbox is dispatched.
     *
     * @param enabled          whether the starter dispatches the outbox on a schedule of its own (it never
     *                         does when there is no mailer: emails then wait in the outbox)
     * @param dispatchInterval the pause between the end of one dispatch of the outbox and the start of the next
     * @param from             the From address of ticket emails; when empty, the mail session's default
     *                         ({@code spring.mail.properties.mail.from})
     * @param messageIdDomain  the right-hand side of the Message-IDs of ticket emails, e.g. {@code help.example.com};
     *                         when empty, the SDK's default {@code contacts.invalid}
     */
    public record Email(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration dispatchInterval,
                        String from, String messageIdDomain) {
    }
}
