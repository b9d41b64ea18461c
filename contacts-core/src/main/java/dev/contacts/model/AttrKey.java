package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.Objects;

/**
 * The name of an attribute together with the Java type of its values, so that the compiler
 * checks what a program writes, reads, sorts and filters by. The built-in attributes are
 * constants of {@link Attr}; a custom attribute gets its key from the factory of its type
 * ({@code TextKey.custom("plan")}, {@code NumberKey.custom("score")}, …). Every API that
 * takes a key also takes the attribute's name as a string.
 *
 * <pre>{@code
 * AttributeChanges.builder().set(Attr.NAME, "Ada Lovelace").set(Attr.TAGS, List.of("vip")).build();
 * Filter.attr(Attr.TOTAL_TICKETS).gt(3);          // Filter.attr(Attr.NAME).gt(3) does not compile
 * Sort.desc(Attr.LAST_SEEN);                       // Sort.asc(Attr.TAGS) does not compile: sets do not sort
 * List<String> tags = contact.get(Attr.TAGS);
 * }</pre>
 *
 * <p>A key says nothing about the target: {@link Attr#NAME} is the name of contacts and of
 * organizations, and a key used on a target that lacks the attribute is refused with
 * {@link dev.contacts.UnknownAttributeException} when used, as the string would be.
 *
 * @param <T> the Java type of the attribute's values
 */
public abstract sealed class AttrKey<T> permits TextKey, TextSetKey, NumberKey, DateKey, BooleanKey, OrganizationsKey {
    private final String name;
    private final AttributeType type;

    AttrKey(String name, AttributeType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
    }

    /** The name of a custom attribute of the given key, checked. */
    static String customName(String key) {
        if (!AttributeDefinition.isCustomKey(key)) {
            throw new InvalidValueException("key", "'" + key + "' is not a custom attribute key (use [a-z][a-z0-9_]{0,39},"
                    + " e.g. plan or renewal_date)");
        }
        return AttributeDefinition.CUSTOM_PREFIX + key;
    }

    /** @return the attribute name, as filters, sorts, columns and changes spell it: {@code lastSeen}, {@code custom.plan} */
    public final String name() {
        return name;
    }

    /** @return the attribute's type */
    public final AttributeType type() {
        return type;
    }

    /**
     * @param value a normalised value of this attribute, as {@link Attributed#value(String)} returns it
     * @return the same value as this key's type
     */
    @SuppressWarnings("unchecked")
    final T cast(Object value) {
        return (T) value;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof AttrKey && ((AttrKey<?>) o).name.equals(name) && ((AttrKey<?>) o).type == type;
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    /** @return the attribute name */
    @Override
    public final String toString() {
        return name;
    }
}
