/**
 * Implementation of the core; not API. Types here may change in any release.
 */
package dev.contacts.internal;
