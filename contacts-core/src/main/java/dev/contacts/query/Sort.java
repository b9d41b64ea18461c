package dev.contacts.query;

import dev.contacts.model.AttrKey;
import dev.contacts.model.Target;
import java.util.Locale;
import java.util.Objects;

/**
 * One sort key (docs/filter-semantics.md §7): a TEXT, NUMBER, DATE or BOOLEAN attribute and a
 * direction. Known values come first, then unknown ones, in both directions; text
 * compares folds by code point; false &lt; true; ties and unknowns are ordered by id in
 * the sort's direction.
 *
 * @param attribute the attribute
 * @param direction the direction
 */
public record Sort(String attribute, Direction direction) {
    /** The default sort of contacts: {@code lastSeen desc}. */
    public static final Sort CONTACT_DEFAULT = new Sort("lastSeen", Direction.DESC);
    /** The default sort of organizations: {@code name asc}. */
    public static final Sort ORGANIZATION_DEFAULT = new Sort("name", Direction.ASC);

    /**
     * Checks for nulls; whether the attribute is sortable is checked when the sort is used.
     *
     * @param attribute the attribute
     * @param direction the direction
     */
    public Sort {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(direction, "direction");
    }

    /**
     * @param attribute attribute
     * @return ascending sort on it
     */
    public static Sort asc(String attribute) {
        return new Sort(attribute, Direction.ASC);
    }

    /**
     * @param attribute attribute
     * @return descending sort on it
     */
    public static Sort desc(String attribute) {
        return new Sort(attribute, Direction.DESC);
    }

    /**
     * Sorts by a typed key; only keys of sortable types (text, number, date, true/false)
     * compile: {@code Sort.asc(Attr.TAGS)} does not.
     *
     * @param key the attribute's key
     * @return ascending sort on it
     */
    public static Sort asc(AttrKey<? extends Comparable<?>> key) {
        return asc(key.name());
    }

    /**
     * @param key the attribute's key, of a sortable type
     * @return descending sort on it
     */
    public static Sort desc(AttrKey<? extends Comparable<?>> key) {
        return desc(key.name());
    }

    /**
     * @param key       the attribute's key, of a sortable type
     * @param direction the direction
     * @return the sort
     */
    public static Sort by(AttrKey<? extends Comparable<?>> key, Direction direction) {
        return new Sort(key.name(), direction);
    }

    /**
     * @param target contacts or organizations
     * @return the default sort for that target
     */
    public static Sort defaultFor(Target target) {
        return target == Target.CONTACT ? CONTACT_DEFAULT : ORGANIZATION_DEFAULT;
    }

    /**
     * Parses {@code attr:asc} or {@code attr:desc} (direction defaults to asc).
     *
     * @param text the text
     * @return the sort
     * @throws dev.contacts.InvalidValueException if the direction is neither asc nor desc
     */
    public static Sort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return asc(text.strip());
        }
        String dir = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        String attr = text.substring(0, colon).strip();
        if (dir.equals("asc")) {
            return asc(attr);
        }
        if (dir.equals("desc")) {
            return desc(attr);
        }
        throw new dev.contacts.InvalidValueException("sort", "'" + text + "' is not attr:asc or attr:desc");
    }

    @Override
    public String toString() {
        return attribute + ":" + direction.name().toLowerCase(Locale.ROOT);
    }
}
