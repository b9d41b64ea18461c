package dev.contacts.query;

/** Sort direction. Unknown values come last in both. */
public enum Direction {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC
}
