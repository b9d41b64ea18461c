package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The id of a property (a tenant), chosen by the host: {@code [a-z0-9][a-z0-9_-]{0,62}},
 * for example {@code default} or {@code acme-support}.
 *
 * @param value the id text
 */
public record PropertyId(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /**
     * @param value the id text
     * @throws InvalidValueException if it does not match {@code [a-z0-9][a-z0-9_-]{0,62}}
     */
    public PropertyId {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new InvalidValueException("propertyId",
                    "'" + value + "' is not a property id (use 1 to 63 of a-z, 0-9, '_' and '-', starting with a letter or digit)");
        }
    }

    /**
     * @param value the id text
     * @return the property id
     */
    public static PropertyId of(String value) {
        return new PropertyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
