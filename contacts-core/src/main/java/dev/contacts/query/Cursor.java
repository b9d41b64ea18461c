package dev.contacts.query;

import dev.contacts.InvalidCursorException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque position in a paged result (base64url text). It carries a fingerprint of the
 * query it came from (property, filter, sort, zone, now) and that query's {@code now},
 * so every page of a walk sees the same instant; using it with another query is
 * {@link InvalidCursorException}.
 *
 * @param token the text form
 */
public record Cursor(String token) {
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,4096}");

    /**
     * @param token the text form
     * @throws InvalidCursorException if the text cannot be a cursor
     */
    public Cursor {
        Objects.requireNonNull(token, "token");
        if (!BASE64URL.matcher(token).matches()) {
            throw new InvalidCursorException("'" + token + "' is not a cursor (start again from the first page)");
        }
    }

    /**
     * @param token the text form of a cursor
     * @return the cursor
     */
    public static Cursor of(String token) {
        return new Cursor(token);
    }

    @Override
    public String toString() {
        return token;
    }
}
