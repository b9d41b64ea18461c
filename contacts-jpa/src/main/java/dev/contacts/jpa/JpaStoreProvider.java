package dev.contacts.jpa;

import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a {@link JpaStore} from a store URL; registered with {@link java.util.ServiceLoader}.
 * <ul>
 *   <li>{@code h2:PATH} — an embedded H2 database in the file {@code PATH}.mv.db (created when
 *       missing, the schema applied);</li>
 *   <li>{@code h2:mem:} or {@code h2:mem:NAME} — an in-memory H2 database that lives until the
 *       store is closed;</li>
 *   <li>{@code jdbc:postgresql:…} and {@code jdbc:mariadb:…} — the URL handed to the driver
 *       (user and password as its {@code user=} and {@code password=} parameters).</li>
 * </ul>
 * A {@code contactsSchema=create|validate|none} parameter chooses the {@link SchemaMode}
 * (default {@code create}); it is removed before the URL reaches the driver.
 */
public final class JpaStoreProvider implements StoreProvider {
    private static final Pattern SCHEMA_PARAMETER = Pattern.compile("([?&;])contactsSchema=([a-zA-Z]+)&?");

    /** Used by {@link java.util.ServiceLoader}. */
    public JpaStoreProvider() {
    }

    /** @return {@code contacts-jpa} */
    @Override
    public String module() {
        return "contacts-jpa";
    }

    /**
     * @param url a store URL
     * @return whether it starts with {@code h2:}, {@code jdbc:postgresql:} or {@code jdbc:mariadb:}
     */
    @Override
    public boolean supports(String url) {
        if (url == null) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("h2:") || u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:mariadb:");
    }

    /**
     * @param url a supported URL
     * @return the open store
     * @throws IllegalArgumentException if the URL is not supported or names an unknown schema mode
     * @throws dev.contacts.StoreException if the database cannot be opened
     */
    @Override
    public ContactStore open(String url) {
        if (!supports(url)) {
            throw new IllegalArgumentException("'" + url + "' is not a JPA store URL (use h2:PATH, h2:mem:, jdbc:postgresql:… or jdbc:mariadb:…)");
        }
        SchemaMode mode = SchemaMode.CREATE;
        String rest = url;
        Matcher m = SCHEMA_PARAMETER.matcher(url);
        if (m.find()) {
            try {
                mode = SchemaMode.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("contactsSchema=" + m.group(2) + " is not one of create, validate, none", e);
            }
            String kept = url.substring(0, m.start()) + (m.group(0).endsWith("&") ? m.group(1) : "") + url.substring(m.end());
            rest = kept;
        }
        return JpaStore.create(jdbcUrl(rest), null, null, mode);
    }

    /** @return the JDBC URL of a store URL */
    static String jdbcUrl(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("h2:")) {
            return url;
        }
        String rest = url.substring("h2:".length());
        if (rest.toLowerCase(Locale.ROOT).startsWith("mem:")) {
            String name = rest.substring("mem:".length());
            return "jdbc:h2:mem:" + (name.isEmpty() ? "contacts-" + UUID.randomUUID() : name) + ";DB_CLOSE_DELAY=-1";
        }
        if (rest.isBlank()) {
            throw new IllegalArgumentException("'" + url + "' names no file: use h2:PATH, e.g. h2:./contacts");
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        String suffix = options < 0 ? "" : rest.substring(options);
        return "jdbc:h2:file:" + Path.of(path).toAbsolutePath() + suffix;
    }
}
