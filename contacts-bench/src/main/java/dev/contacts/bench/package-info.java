/**
 * The benchmark suite (JMH): every store through the SDK against a hand-written baseline on
 * the same data in the same run, after checking that both return identical results. Run it
 * with {@code bench/run}; nothing here is part of the SDK.
 */
package dev.contacts.bench;
