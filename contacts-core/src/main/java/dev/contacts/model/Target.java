package dev.contacts.model;

/** What an attribute, a segment or a list view applies to. */
public enum Target {
    /** People. */
    CONTACT,
    /** Organizations (companies) that contacts are linked to. */
    ORGANIZATION
}
