/**
 * Deterministic sample data for demos, benchmarks and the TCK. {@link dev.contacts.sample.SampleData#generate}
 * turns a {@link dev.contacts.sample.SampleSpec} (flavour, seed, sizes per property) into
 * properties, custom attribute definitions, organizations and contacts; the same spec always
 * gives equal data, ids included. Every contact is built through {@code Contact.builder} and
 * is therefore in normal form; contacts are made lazily from (seed, property, index), so a
 * million of them stream in bounded memory. The realistic flavour looks like a helpdesk's
 * contact list; the adversarial flavour puts values on every edge of the filter semantics
 * (unknowns, Unicode folding, metacharacters, limits, DST boundaries).
 */
package dev.contacts.sample;
