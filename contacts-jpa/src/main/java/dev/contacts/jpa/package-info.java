/**
 * The store on Jakarta Persistence with Hibernate ({@link dev.contacts.jpa.JpaStore}): a
 * versioned schema per dialect (H2, PostgreSQL, MariaDB) whose keys and indexes all start
 * with the property id, filters translated to native SQL with bind parameters only, keyset
 * paging, counters updated in one statement, each SPI call in one transaction. Only
 * {@code JpaStore}, {@code JpaStoreProvider}, {@code SchemaMode} and the mapped entity
 * classes are public; everything else is internal to the module.
 */
package dev.contacts.jpa;
