/**
 * Entry point of the contacts SDK: {@link dev.contacts.Contacts} (built with a store and a
 * clock), {@link dev.contacts.PropertyContacts} scoped to one property (tenant), its
 * services, and the exception hierarchy rooted at {@link dev.contacts.ContactsException}.
 *
 * <p>Contract: every call is scoped to one property and nothing crosses properties; bad
 * input raises a precise subclass of {@code ContactsException} and writes nothing; filters
 * mean exactly what docs/filter-semantics.md says (positives never match unknown values, negatives are
 * exact complements and include them).
 */
package dev.contacts;
