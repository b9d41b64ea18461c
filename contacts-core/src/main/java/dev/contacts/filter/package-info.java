/**
 * The filter algebra of docs/filter-semantics.md §3–§6: the sealed {@link dev.contacts.filter.Filter}
 * with canonicalising factories, operators, the canonical text form (parser and printer),
 * validation against a property's attributes, limits, and the normaliser that pushes
 * {@code not} to the leaves.
 *
 * <p>Contract: filters are immutable and canonical; {@code parse(print(f)).equals(f)};
 * every negative operator and {@code not} is the exact complement of its positive, so it
 * matches unknown values.
 */
package dev.contacts.filter;
