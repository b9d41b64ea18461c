package dev.contacts.model;

/** How urgent a ticket is, from {@link #LOWEST} to {@link #HIGHEST}; new tickets default to {@link #MEDIUM}. */
public enum Priority {
    /** The lowest priority. */
    LOWEST,
    /** Low priority. */
    LOW,
    /** Medium priority: the default. */
    MEDIUM,
    /** High priority. */
    HIGH,
    /** The highest priority. */
    HIGHEST
}
