package dev.contacts.model;

/**
 * The key of a text attribute (type {@link AttributeType#TEXT}, values {@code String}): see {@link AttrKey}.
 * Built-in ones are constants of {@link Attr}; {@link #custom(String)} names a custom one.
 */
public final class TextKey extends AttrKey<String> {
    TextKey(String name) {
        super(name, AttributeType.TEXT);
    }

    /**
     * @param key the custom attribute's key, without {@code custom.} (it must be defined in the property as a text attribute)
     * @return the key of {@code custom.<key>}
     * @throws dev.contacts.InvalidValueException if the key does not match {@code [a-z][a-z0-9_]{0,39}}
     */
    public static TextKey custom(String key) {
        return new TextKey(customName(key));
    }
}
