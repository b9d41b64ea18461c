package dev.contacts.model;

/**
 * The type of an attribute, which fixes its Java value, its normal form (docs/filter-semantics.md §1)
 * and the filter operators that apply to it (§3).
 */
public enum AttributeType {
    /** A {@code String}: NFC, stripped, at most 500 code points; blank is unknown. */
    TEXT,
    /** An ordered {@code List<String>} without fold-duplicates, at most 100 elements of 320 code points; empty is unknown. */
    TEXT_SET,
    /** A {@code BigDecimal} with at most 18 integer and 6 fraction digits, trailing zeros stripped. */
    NUMBER,
    /** An {@code Instant} in milliseconds, from 1900-01-01T00:00Z (inclusive) to 10000-01-01T00:00Z (exclusive). */
    DATE,
    /** A {@code Boolean}. */
    BOOLEAN,
    /** The organizations a contact is linked to: a list of {@link OrganizationId}; empty is unknown. */
    ORG_LINK;

    /** @return whether lists can be sorted by an attribute of this type (docs/filter-semantics.md §7) */
    public boolean sortable() {
        return this == TEXT || this == NUMBER || this == DATE || this == BOOLEAN;
    }

    /**
     * @return what a value of this type is, in the words error messages use: "a text",
     *         "a list of texts", "a number", "a date", "true or false", "a list of organizations"
     */
    public String inWords() {
        switch (this) {
            case TEXT: return "a text";
            case TEXT_SET: return "a list of texts";
            case NUMBER: return "a number";
            case DATE: return "a date";
            case BOOLEAN: return "true or false";
            default: return "a list of organizations";
        }
    }

    /** @return whether custom attributes may have this type */
    public boolean customizable() {
        return this != ORG_LINK;
    }
}
