/**
 * Moving contacts in and out of a store as JSON Lines or CSV: flat attribute names of
 * docs/filter-semantics.md §2, {@code organizations} by name, multi-valued CSV cells separated by
 * {@code ;} (escaped with {@code \}); streaming readers and writers, the importer with its
 * report, and the value codec both directions share.
 */
package dev.contacts.cli.io;
