/**
 * The in-memory store: {@link dev.contacts.inmemory.InMemoryStore}, the reference
 * implementation of the store SPI, and its {@link java.util.ServiceLoader} provider for
 * {@code mem:} URLs. Everything else in this package is package-private.
 */
package dev.contacts.inmemory;
