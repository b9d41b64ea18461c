package dev.contacts.host;

import dev.contacts.model.Contact;

/**
 * The host's telephony provider, which places calls to contacts. Without one, calling is
 * refused with {@link dev.contacts.NotConfiguredException}.
 *
 * <p>Implementations must be thread-safe: every service may call it from any thread.
 */
public interface Telephony {
    /**
     * Starts a call.
     *
     * @param contact     the contact called
     * @param phoneNumber one of the contact's phone numbers
     * @param agentId     the agent who calls
     * @return the provider's id of the call
     */
    String call(Contact contact, String phoneNumber, String agentId);
}
