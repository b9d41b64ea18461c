/**
 * For store authors: the repositories a store implements, its capability flags and the
 * {@link java.util.ServiceLoader} provider.
 *
 * <h2>The store form of filters</h2>
 * The core validates, checks limits, resolves and lowers every user filter before a store
 * sees it, so a store translates only this small language:
 * <ul>
 *   <li>{@code All}, {@code None}, {@code And}, {@code Or};</li>
 *   <li>positive conditions: {@code HAS_ANY_VALUE} (any attribute); TEXT and TEXT_SET
 *       {@code IS}, {@code IS_ANY_OF}, {@code CONTAINS}, {@code STARTS_WITH},
 *       {@code ENDS_WITH} (sets: some element), TEXT_SET {@code IS_ALL_OF}; NUMBER
 *       {@code EQ}; NUMBER and DATE {@code LT LE GT GE} (DATE operands are
 *       {@code Instant}s: local days and periods are already resolved); BOOLEAN {@code IS};
 *       {@code organization} {@code IS_ANY_OF} a list of {@code OrganizationId}s of any
 *       length (bind it as an array or a semi-join); and, for keyset paging, {@code LT LE
 *       GT GE} on TEXT (compare folds by code point), BOOLEAN (false &lt; true) and on the
 *       pseudo-attribute {@code id} with an {@code EntityId} operand (unsigned order);</li>
 *   <li>negative conditions — the positive twin's operator {@link
 *       dev.contacts.filter.Operator#complement()} — and {@code Not} directly above a
 *       {@code LT LE GT GE} condition. Both mean the <em>exact complement</em> of the
 *       positive condition: they match unknown values (SQL: {@code col IS NULL OR NOT
 *       (…)}, or {@code NOT EXISTS}; Mongo: {@code $ne}/{@code $nin}/{@code $not},
 *       which match missing fields).</li>
 * </ul>
 * Text operands are in display normal form: compare {@code Values.fold(operand)} with the
 * stored fold of the value, in Java-computed text, never with the database's case
 * functions. {@code %}, {@code _}, {@code \} and regex characters are literal.
 *
 * <h2>Reads and writes</h2>
 * Repository methods are named by {@link dev.contacts.spi.RepositoryMethods}' rule: a
 * method that only reads starts with {@code get}, {@code find}, {@code list},
 * {@code count}, … and any other method may write. The SDK wraps the store and drops what
 * it caches about a property (segment counts) after each write to it, so a store must not
 * give a writing method a reading name.
 *
 * <h2>Threads, atomicity and units of work</h2>
 * A store is shared by every thread of the application: every repository must be
 * thread-safe and every method atomic on its own. The SDK groups the repository calls of
 * one service call with {@link dev.contacts.spi.ContactStore#unitOfWork}; a store that has
 * transactions runs them as one (and locks what
 * {@link dev.contacts.spi.ContactRepository#getForUpdate} reads until it ends), a store
 * without them keeps the default and its writes conditional on versions. A store that
 * keeps a {@link dev.contacts.spi.AttributeDefinitionRepository#getCatalogVersion} lets the
 * SDK cache attribute catalogs. The TCK's {@code ContendedWritesTck} and
 * {@code SharedStoreTck} check what this promises.
 */
package dev.contacts.spi;
