package dev.contacts.jpa;

import dev.contacts.host.BlobStore;
import dev.contacts.internal.TicketBlobs;
import dev.contacts.model.PropertyId;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ticket attachments in the table {@code attachment_blob} of the SDK's schema (version 4),
 * beside the tickets that refer to them: the blob store of {@link JpaStore#blobStore()}, which
 * {@code Contacts.builder().build()} uses unless the host gives another.
 *
 * <p>A row holds one blob: the property id (its own column, so that every statement is
 * scoped by it and deleting a property deletes its attachments through the foreign key), the
 * SDK's key and the bytes ({@code BLOB} on H2, {@code bytea} on PostgreSQL, {@code LONGBLOB}
 * on MariaDB), written and read as streams. Each call runs in a transaction of the store
 * ({@code Transactions}), so it joins the transaction of the ticket write when one is open.
 *
 * <p>Keys are the SDK's: printable ASCII of at most {@value #MAX_KEY_LENGTH} characters that
 * starts with {@code tickets/<property>/} for a property that exists; {@link #put} refuses any
 * other with {@link IllegalArgumentException} (the SDK reports it as a store error),
 * {@link #get} and {@link #delete} find nothing under one. Putting a key that is stored
 * changes nothing (the SDK never writes a key twice with other bytes). A prefix of
 * {@link #list} that names a property is one index range of that property; a shorter one
 * ({@code tickets/}, as {@code Contacts.recover()} lists) is one such range per matching
 * property. Thread-safe: it holds nothing but the store's transactions.
 */
public final class JdbcBlobStore implements BlobStore {
    /** The longest key the table holds. */
    public static final int MAX_KEY_LENGTH = 500;

    private final Transactions tx;

    JdbcBlobStore(Transactions tx) {
        this.tx = tx;
    }

    /**
     * @param key   a key {@code tickets/<property>/…} of an existing property
     * @param bytes the content
     * @throws IllegalArgumentException if the key is not of that form
     * @throws dev.contacts.NotFoundException if the property does not exist
     */
    @Override
    public void put(String key, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        String property = propertyOf(key).orElseThrow(() -> new IllegalArgumentException("the key '" + key + "' is not one of "
                + "the SDK's attachment keys: at most " + MAX_KEY_LENGTH + " printable ASCII characters starting with "
                + TicketBlobs.ROOT + "<property>/"));
        tx.run("store an attachment", db -> {
            if (db.exists(db.sql("SELECT 1 FROM attachment_blob WHERE property_id = ").value(property).append(" AND blob_key = ")
                    .value(key))) {
                return null;
            }
            JpaEntityRepository.requireProperty(db, property, "store an attachment");
            try {
                db.update(db.sql("INSERT INTO attachment_blob (property_id, blob_key, content) VALUES (").value(property).append(", ")
                        .value(key).append(", ").value(bytes).append(")"));
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    throw Transactions.lostRace(e); // a concurrent put of the key committed first: the next run finds it
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<byte[]> get(String key) {
        Optional<String> property = propertyOf(key);
        if (property.isEmpty()) {
            return Optional.empty();
        }
        return tx.run("read an attachment", db -> db.first(db.sql("SELECT content FROM attachment_blob WHERE property_id = ")
                .value(property.get()).append(" AND blob_key = ").value(key), JdbcBlobStore::content));
    }

    @Override
    public boolean delete(String key) {
        Optional<String> property = propertyOf(key);
        if (property.isEmpty()) {
            return false;
        }
        return tx.run("delete an attachment", db -> db.update(db.sql("DELETE FROM attachment_blob WHERE property_id = ")
                .value(property.get()).append(" AND blob_key = ").value(key)) > 0);
    }

    @Override
    public List<String> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!printableAscii(prefix)) {
            return List.of();
        }
        Optional<String> property = propertyOf(prefix);
        if (property.isPresent()) {
            return tx.run("list attachments", db -> keys(db, property.get(), prefix));
        }
        if (!TicketBlobs.ROOT.startsWith(prefix) && !prefix.startsWith(TicketBlobs.ROOT)) {
            return List.of();
        }
        return tx.run("list attachments", db -> {
            List<String> keys = new ArrayList<>();
            for (String p : db.list(db.sql("SELECT id FROM property ORDER BY id"), rs -> rs.getString(1))) {
                String root = TicketBlobs.prefix(PropertyId.of(p));
                if (root.startsWith(prefix)) {
                    keys.addAll(keys(db, p, root));
                }
            }
            return keys;
        });
    }

    /** The keys of one property that start with a prefix naming it, as an index range of its keys. */
    private static List<String> keys(Db db, String property, String prefix) throws SQLException {
        Sql sql = db.sql("SELECT blob_key FROM attachment_blob WHERE property_id = ").value(property).append(" AND blob_key >= ")
                .value(prefix);
        String end = FilterSql.prefixSuccessor(prefix);
        if (end != null) {
            sql.append(" AND blob_key < ").value(end);
        }
        return db.list(sql.append(" ORDER BY blob_key"), rs -> rs.getString(1));
    }

    private static byte[] content(ResultSet rs) throws SQLException {
        try (InputStream in = rs.getBinaryStream(1)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("could not read the bytes of an attachment: " + e.getMessage(), e);
        }
    }

    /** @return the property of one of the SDK's keys (or of a prefix naming one), empty for any other text */
    private static Optional<String> propertyOf(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > MAX_KEY_LENGTH || !printableAscii(key)) {
            return Optional.empty();
        }
        return TicketBlobs.propertyOf(key).map(PropertyId::value);
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
