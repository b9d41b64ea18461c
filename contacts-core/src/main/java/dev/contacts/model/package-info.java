/**
 * The domain model: ids, properties, contacts and organizations as immutable records in
 * normal form, attribute definitions and the built-in catalogue, and {@link
 * dev.contacts.model.Values}, the one place where value normalisation and the text fold
 * are defined.
 *
 * <p>Contract: a {@code Contact} or {@code Organization} always holds normalised values;
 * unknown is {@code null} (sets: an empty list); a value that cannot be stored is rejected
 * with {@link dev.contacts.InvalidValueException} naming the attribute, never truncated.
 */
package dev.contacts.model;
