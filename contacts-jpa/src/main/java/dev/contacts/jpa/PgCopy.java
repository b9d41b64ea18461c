package dev.contacts.jpa;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * {@code COPY … FROM STDIN} through the PostgreSQL driver's {@code CopyManager}. A class of
 * its own so that a host without the PostgreSQL driver never loads the driver's types.
 */
final class PgCopy {
    private PgCopy() {
    }

    /**
     * @param connection the transaction's connection (a pool's proxy is unwrapped)
     * @param sql        the COPY statement
     * @param data       the rows in COPY's text format
     * @return the rows copied, or -1 when the connection does not unwrap to the PostgreSQL driver's
     * @throws SQLException from the server (the transaction is then aborted, as after any failed statement)
     */
    static long copyIn(Connection connection, String sql, String data) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return -1;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
        } catch (IOException e) {
            throw new SQLException("COPY failed to read its own rows: " + e.getMessage(), e);
        }
    }
}
