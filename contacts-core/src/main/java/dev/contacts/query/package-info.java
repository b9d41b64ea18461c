/**
 * Queries and results: {@link dev.contacts.query.Query} (filter, sort, page size, cursor,
 * zone, now), {@link dev.contacts.query.Sort}, opaque {@link dev.contacts.query.Cursor}s
 * and {@link dev.contacts.query.Page}s; and what a user keeps of a query: saved
 * {@link dev.contacts.query.Segment}s (a named filter with its columns and sort, listed as
 * {@link dev.contacts.query.SegmentSummary}s with a cached count) and
 * {@link dev.contacts.query.ListView}s (the columns and sort of a list).
 *
 * <p>Contract: paging is keyset (never offset); walking all pages by cursor yields the
 * unpaged result exactly once each, in order, unknown sort values last in both directions;
 * a cursor only works with the query it came from. A segment keeps its filter as canonical
 * text and is re-validated against the property's attributes whenever it is run: a segment
 * whose filter no longer validates is reported broken, never run unfiltered.
 */
package dev.contacts.query;
