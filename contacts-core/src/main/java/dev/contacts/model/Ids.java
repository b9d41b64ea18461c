package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of id text shared by the id records. */
final class Ids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static UUID parseUuid(String what, String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new InvalidValueException(what, "'" + text + "' is not an id (expected a UUID such as 0190b0c4-7f3a-7cde-8a12-3456789abcde)");
        }
        return UUID.fromString(text);
    }
}
