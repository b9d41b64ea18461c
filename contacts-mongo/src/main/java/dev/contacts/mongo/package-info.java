/**
 * The MongoDB store: {@link dev.contacts.mongo.MongoStore}, the store SPI on
 * mongodb-driver-sync without multi-document transactions, and its
 * {@link java.util.ServiceLoader} provider for {@code mongodb:} URLs. Everything else in
 * this package is package-private; the module README lists the collections, their
 * documents and indexes.
 */
package dev.contacts.mongo;
