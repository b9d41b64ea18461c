package dev.contacts.internal;

import dev.contacts.InvalidCursorException;
import dev.contacts.model.AttributeType;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.query.Cursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Encodes and decodes cursors: a format version, a fingerprint of the query, the query's
 * {@code now}, the last item's sort value and id. The fingerprint is a hash of everything
 * that defines the result order (property, target, canonical filter, sort, zone, now), so
 * a cursor used with another query is refused instead of silently skipping or repeating
 * items.
 */
public final class CursorCodec {
    private static final byte VERSION = 1;
    private static final int FINGERPRINT_BYTES = 16;

    private CursorCodec() {
    }

    /**
     * A decoded cursor.
     *
     * @param fingerprint the query fingerprint
     * @param now         the query's now
     * @param position    where the page ended
     */
    public record Decoded(byte[] fingerprint, Instant now, KeysetPlanner.Position position) {
    }

    /**
     * @param parts the parts of the query that define its result
     * @return the fingerprint
     */
    public static byte[] fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return Arrays.copyOf(sha.digest(), FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * @param fingerprint the query fingerprint
     * @param now         the query's now
     * @param position    where the page ended
     * @return the cursor
     */
    public static Cursor encode(byte[] fingerprint, Instant now, KeysetPlanner.Position position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(fingerprint);
            out.writeLong(now.toEpochMilli());
            Object v = position.value();
            if (v == null) {
                out.writeByte(0);
            } else if (v instanceof String) {
                out.writeByte(1);
                out.writeUTF((String) v);
            } else if (v instanceof BigDecimal) {
                out.writeByte(2);
                out.writeUTF(((BigDecimal) v).toPlainString());
            } else if (v instanceof Instant) {
                out.writeByte(3);
                out.writeLong(((Instant) v).toEpochMilli());
            } else if (v instanceof Boolean) {
                out.writeByte(4);
                out.writeBoolean((Boolean) v);
            } else {
                throw new IllegalArgumentException("not a sort value: " + v.getClass());
            }
            UUID id = position.id().value();
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
    }

    /**
     * Decodes a cursor; its fingerprint is checked by {@link #verify} once the query's
     * fingerprint is known (it depends on the {@code now} the cursor carries).
     *
     * @param cursor       the cursor
     * @param sortType     type of the sort attribute
     * @param contactIds   whether ids are contact ids (else organization ids)
     * @return the decoded cursor
     * @throws InvalidCursorException if it is damaged
     */
    public static Decoded decode(Cursor cursor, AttributeType sortType, boolean contactIds) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor.token());
        } catch (IllegalArgumentException e) {
            throw damaged();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            if (in.readByte() != VERSION) {
                throw damaged();
            }
            byte[] fp = new byte[FINGERPRINT_BYTES];
            in.readFully(fp);
            Instant now = Instant.ofEpochMilli(in.readLong());
            byte tag = in.readByte();
            Object value;
            switch (tag) {
                case 0: value = null; break;
                case 1: value = expect(sortType, AttributeType.TEXT, in.readUTF()); break;
                case 2: value = expect(sortType, AttributeType.NUMBER, new BigDecimal(in.readUTF())); break;
                case 3: value = expect(sortType, AttributeType.DATE, Instant.ofEpochMilli(in.readLong())); break;
                case 4: value = expect(sortType, AttributeType.BOOLEAN, in.readBoolean()); break;
                default: throw damaged();
            }
            UUID uuid = new UUID(in.readLong(), in.readLong());
            if (in.read() != -1) {
                throw damaged();
            }
            EntityId id = contactIds ? new ContactId(uuid) : new OrganizationId(uuid);
            return new Decoded(fp, now, new KeysetPlanner.Position(value, id));
        } catch (IOException | NumberFormatException e) {
            throw damaged();
        }
    }

    /**
     * @param decoded     a decoded cursor
     * @param fingerprint the fingerprint of the query it is used with
     * @throws InvalidCursorException if the cursor belongs to another query
     */
    public static void verify(Decoded decoded, byte[] fingerprint) {
        if (!MessageDigest.isEqual(decoded.fingerprint(), fingerprint)) {
            throw new InvalidCursorException("this cursor belongs to another query (property, filter, sort, zone or now differ); "
                    + "page with the query it came from, or start again from the first page");
        }
    }

    private static Object expect(AttributeType actual, AttributeType expected, Object value) {
        if (actual != expected) {
            throw damaged();
        }
        return value;
    }

    private static InvalidCursorException damaged() {
        return new InvalidCursorException("the cursor is damaged; start again from the first page");
    }
}
