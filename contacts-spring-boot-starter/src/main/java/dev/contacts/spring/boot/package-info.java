/**
 * Spring Boot auto-configuration of the contacts SDK: one {@link dev.contacts.Contacts} bean
 * on the store the application already has (its JPA {@code EntityManagerFactory}, else its
 * {@code MongoClient}, else the in-memory store with a warning), SDK calls taking part in
 * Spring-managed transactions, and {@code contacts.*} configuration properties. Every bean
 * backs off when the application defines its own.
 */
package dev.contacts.spring.boot;
