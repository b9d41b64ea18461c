package dev.contacts.model;

import java.util.List;

/**
 * The key of a set-of-texts attribute (type {@link AttributeType#TEXT_SET}, values {@code List<String>}): see {@link AttrKey}.
 * Built-in ones are constants of {@link Attr}; {@link #custom(String)} names a custom one.
 */
public final class TextSetKey extends AttrKey<List<String>> {
    TextSetKey(String name) {
        super(name, AttributeType.TEXT_SET);
    }

    /**
     * @param key the custom attribute's key, without {@code custom.} (it must be defined in the property as a TEXT_SET attribute)
     * @return the key of {@code custom.<key>}
     * @throws dev.contacts.InvalidValueException if the key does not match {@code [a-z][a-z0-9_]{0,39}}
     */
    public static TextSetKey custom(String key) {
        return new TextSetKey(customName(key));
    }
}
