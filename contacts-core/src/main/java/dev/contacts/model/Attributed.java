package dev.contacts.model;

/**
 * Something with attribute values: a {@link Contact} or an {@link Organization}. Filters,
 * sorts and list columns read values through {@link #value(String)}.
 */
public sealed interface Attributed permits Contact, Organization {
    /** @return the id */
    EntityId entityId();

    /** @return the optimistic-locking version, 1 after creation and one more on each write */
    long version();

    /**
     * @param attribute a built-in name or {@code custom.<key>}; a custom value is read with its prefix only
     *                  ({@code value("custom.plan")}, not {@code value("plan")}), because a custom key may
     *                  equal a built-in name ({@code custom.name} and {@code name} are two attributes)
     * @return the normalised value, or {@code null} when unknown (never blank text, never an empty set)
     * @throws dev.contacts.UnknownAttributeException if the name is not an attribute of this kind of object
     */
    Object value(String attribute);

    /**
     * The value of an attribute by its typed key: {@code contact.get(Attr.TAGS)} is a
     * {@code List<String>}, {@code contact.get(Attr.LAST_SEEN)} an {@code Instant}.
     *
     * @param key the attribute's key ({@link Attr} for built-in ones)
     * @param <T> the attribute's value type
     * @return the normalised value, or {@code null} when unknown (never an empty list)
     * @throws dev.contacts.UnknownAttributeException if it is not an attribute of this kind of object
     */
    default <T> T get(AttrKey<T> key) {
        return key.cast(value(key.name()));
    }
}
