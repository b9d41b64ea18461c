package dev.contacts.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partial write: attribute names mapped to new values, or to {@code null} to clear them.
 * Attributes not named keep their stored value. Values are of the attribute's Java type
 * (text, a collection of texts, a number, an {@code Instant}, a {@code Boolean}, a
 * collection of {@link OrganizationId} for {@code organization}); they are validated and
 * normalised against the property's attributes when the change is applied.
 *
 * <pre>{@code
 * AttributeChanges.builder().set("name", "Ada Lovelace").set("tags", List.of("vip")).clear("city").build()
 * AttributeChanges.builder().set(Attr.NAME, "Ada Lovelace").set(Attr.TAGS, List.of("vip")).clear(Attr.CITY).build()
 * }</pre>
 *
 * <p>The second form uses the typed keys of {@link Attr} (and {@code TextKey.custom("plan")}
 * and its siblings for custom attributes): the compiler checks each value's type.
 */
public final class AttributeChanges {
    private final Map<String, Object> values;

    private AttributeChanges(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param values attribute names to values (null clears)
     * @return the changes
     */
    public static AttributeChanges of(Map<String, ?> values) {
        Builder b = builder();
        values.forEach(b::set);
        return b.build();
    }

    /** @return the changes by attribute name, in the order given; a null value clears */
    public Map<String, Object> values() {
        return values;
    }

    /** @return whether nothing changes */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeChanges && ((AttributeChanges) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "AttributeChanges" + values;
    }

    /** Collects changes. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param attribute attribute name
         * @param value     new value, or null to clear
         * @return this builder
         */
        public Builder set(String attribute, Object value) {
            values.put(Objects.requireNonNull(attribute, "attribute"), value);
            return this;
        }

        /**
         * Sets an attribute by its typed key, so the compiler checks the value's type:
         * {@code set(Attr.TAGS, List.of("vip"))}, {@code set(Attr.NAME, "Ada")}.
         *
         * @param key   the attribute's key ({@link Attr} for built-in ones)
         * @param value new value, or null to clear
         * @param <T>   the attribute's value type
         * @return this builder
         */
        public <T> Builder set(AttrKey<T> key, T value) {
            return set(key.name(), value);
        }

        /**
         * @param attribute attribute name
         * @return this builder
         */
        public Builder clear(String attribute) {
            return set(attribute, null);
        }

        /**
         * @param key the attribute's key
         * @return this builder
         */
        public Builder clear(AttrKey<?> key) {
            return clear(key.name());
        }

        /** @return the changes */
        public AttributeChanges build() {
            return new AttributeChanges(values);
        }
    }
}
