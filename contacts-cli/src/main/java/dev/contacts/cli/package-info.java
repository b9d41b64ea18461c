/**
 * The {@code contacts} command-line tool: picocli commands over the public facade of the SDK
 * ({@link dev.contacts.Contacts}), a store opened from a URL through the
 * {@link dev.contacts.spi.StoreProvider}s on the class path, and one clear sentence on
 * standard error for every failure. Exit codes: 0 success, 2 bad usage or bad input, 1 store
 * or I/O failure.
 */
package dev.contacts.cli;
