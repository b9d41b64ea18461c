/**
 * Queries and results: {@link dev.contacts.query.Query} (filter, sort, page size, cursor,
 * zone, now), {@link dev.contacts.query.Sort}, opaque {@link dev.contacts.query.Cursor}s
 * and {@link dev.contacts.query.Page}s.
 *
 * <p>Contract: paging is keyset (never offset); walking all pages by cursor yields the
 * unpaged result exactly once each, in order, unknown sort values last in both directions;
 * a cursor only works with the query it came from.
 */
package dev.contacts.query;
