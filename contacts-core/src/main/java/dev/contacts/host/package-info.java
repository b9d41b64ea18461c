/**
 * Host SPIs: what the host application plugs into the SDK on {@code Contacts.builder()} —
 * its directory of agents and departments, its outbound mailer, where attachment bytes
 * live, and its telephony provider.
 *
 * <p>Contract: the SDK calls them from the calling thread (the dispatcher from the thread
 * that runs it); a host implementation that throws is treated as a failed attempt and,
 * for mail, retried with backoff. Defaults exist only where one is harmless: a directory
 * that accepts any id and an in-memory blob store; mail and telephony have none.
 */
package dev.contacts.host;
