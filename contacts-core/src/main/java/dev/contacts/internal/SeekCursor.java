package dev.contacts.internal;

import dev.contacts.InvalidCursorException;
import dev.contacts.query.Cursor;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Cursors of the newest-first lists (notes, activity, the timeline): a format version, a
 * fingerprint of the list (property, what is listed, of whom, which kinds), and the
 * {@link SeekPosition} of the last item of the page. A cursor of another list, of another
 * property or of a contact query is refused instead of silently skipping or repeating items.
 */
public final class SeekCursor {
    /** Differs from the version byte of contact query cursors, so neither is read as the other. */
    private static final byte VERSION = 2;
    private static final int FINGERPRINT_BYTES = 16;
    private static final int LENGTH = 1 + FINGERPRINT_BYTES + 8 + 16 + 1;

    private SeekCursor() {
    }

    /**
     * @param fingerprint the list's fingerprint ({@link CursorCodec#fingerprint})
     * @param position    the last item of the page
     * @return the cursor of the next page
     */
    public static Cursor encode(byte[] fingerprint, SeekPosition position) {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put(VERSION).put(fingerprint, 0, FINGERPRINT_BYTES).putLong(position.time().toEpochMilli())
                .putLong(position.id().getMostSignificantBits()).putLong(position.id().getLeastSignificantBits())
                .put((byte) position.kind());
        return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(out.array()));
    }

    /**
     * @param cursor      a cursor
     * @param fingerprint the fingerprint of the list it is used with
     * @param kinds       how many kinds the list's items have (1 for lists of one kind)
     * @return the position it carries
     * @throws InvalidCursorException if it is damaged or belongs to another list
     */
    public static SeekPosition decode(Cursor cursor, byte[] fingerprint, int kinds) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor.token());
        } catch (IllegalArgumentException e) {
            throw damaged();
        }
        if (raw.length != LENGTH || raw[0] != VERSION) {
            throw damaged();
        }
        ByteBuffer in = ByteBuffer.wrap(raw, 1, LENGTH - 1);
        byte[] fp = new byte[FINGERPRINT_BYTES];
        in.get(fp);
        if (!MessageDigest.isEqual(fp, Arrays.copyOf(fingerprint, FINGERPRINT_BYTES))) {
            throw new InvalidCursorException("this cursor belongs to another list (property, contact, organization or kinds "
                    + "differ); page with the list it came from, or start again from the first page");
        }
        Instant time = Instant.ofEpochMilli(in.getLong());
        UUID id = new UUID(in.getLong(), in.getLong());
        int kind = in.get();
        if (kind < 0 || kind >= kinds) {
            throw damaged();
        }
        return new SeekPosition(time, id, kind);
    }

    private static InvalidCursorException damaged() {
        return new InvalidCursorException("the cursor is damaged; start again from the first page");
    }
}
