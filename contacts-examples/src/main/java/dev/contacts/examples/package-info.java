/**
 * How a helpdesk application embeds the contacts SDK, as small programs with a {@code main}
 * each: on the in-memory store, tickets through the application's own mailer, several
 * properties. Every program is run by a test, and the README quotes the parts between
 * {@code // tag::NAME[]} and {@code // end::NAME[]}, checked by a test too.
 */
package dev.contacts.examples;
