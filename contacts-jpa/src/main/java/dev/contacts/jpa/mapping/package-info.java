/**
 * The entity classes that map the schema of the JPA store, one per table. They exist so
 * that Hibernate can validate a database against the store's expectations
 * ({@code SchemaMode.VALIDATE}) and so that a host can list them in its own persistence unit
 * ({@code JpaStore.entityClasses()}); the store itself reads and writes these tables with
 * native SQL, never through these classes.
 */
package dev.contacts.jpa.mapping;
