package dev.contacts.model;

/**
 * The key of a true-or-false attribute (type {@link AttributeType#BOOLEAN}, values {@code Boolean}): see {@link AttrKey}.
 * Built-in ones are constants of {@link Attr}; {@link #custom(String)} names a custom one.
 */
public final class BooleanKey extends AttrKey<Boolean> {
    BooleanKey(String name) {
        super(name, AttributeType.BOOLEAN);
    }

    /**
     * @param key the custom attribute's key, without {@code custom.} (it must be defined in the property as a BOOLEAN attribute)
     * @return the key of {@code custom.<key>}
     * @throws dev.contacts.InvalidValueException if the key does not match {@code [a-z][a-z0-9_]{0,39}}
     */
    public static BooleanKey custom(String key) {
        return new BooleanKey(customName(key));
    }
}
