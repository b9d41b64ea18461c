/**
 * The oracle: {@link dev.contacts.reference.ReferenceEvaluator}, a literal, obviously
 * correct implementation of docs/filter-semantics.md §1–§8 over plain values, which every store is
 * compared with.
 *
 * <p>Contract: it shares no query code with any store (enforced by an architecture test),
 * so a bug in the core's lowering or a store's translation cannot hide behind it.
 */
package dev.contacts.reference;
