package dev.contacts.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JPA store on MariaDB, in a database of its own per workload (see {@link ServerFixture};
 * MariaDB's schemas are databases). The server is {@code CONTACTS_MARIADB_URL} (default
 * {@value #DEFAULT_URL}) as {@code CONTACTS_MARIADB_USER} (default root) with
 * {@code CONTACTS_MARIADB_PASSWORD} (default none); the database named in the URL only serves
 * to connect.
 */
final class MariaDbFixture extends ServerFixture {
    /** The machine's MariaDB. */
    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    /** {@code jdbc:mariadb://host[:port][/database][?options]}: the part before the database, and the options. */
    private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]*)(?:/[^?]*)?(\\?.*)?");

    MariaDbFixture(Workload workload, boolean verifying) {
        super(workload, verifying, SqlDialect.MARIADB, env("CONTACTS_MARIADB_URL", DEFAULT_URL), env("CONTACTS_MARIADB_USER", "root"),
                env("CONTACTS_MARIADB_PASSWORD", ""), "CONTACTS_MARIADB_URL, CONTACTS_MARIADB_USER, CONTACTS_MARIADB_PASSWORD",
                MariaDbFixture::schemaUrl);
    }

    /**
     * @param base   a MariaDB JDBC URL
     * @param schema a database name
     * @return the URL with that database instead of the base's, options kept
     */
    static String schemaUrl(String base, String schema) {
        Matcher m = URL.matcher(base);
        if (!m.matches()) {
            throw new IllegalArgumentException("CONTACTS_MARIADB_URL is not a MariaDB JDBC URL (jdbc:mariadb://host:port/database): " + base);
        }
        return m.group(1) + "/" + schema + (m.group(2) == null ? "" : m.group(2));
    }

    @Override
    protected String dropSchema(String schema) {
        return "DROP DATABASE " + schema;
    }

    @Override
    public String name() {
        return "mariadb";
    }
}
