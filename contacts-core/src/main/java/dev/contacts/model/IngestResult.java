package dev.contacts.model;

/** What ingesting an activity event did. */
public enum IngestResult {
    /** The event was new: it is stored and the contact's statistics include it. */
    APPLIED,
    /** The property already had an event of that kind with that external id: nothing changed. */
    DUPLICATE
}
