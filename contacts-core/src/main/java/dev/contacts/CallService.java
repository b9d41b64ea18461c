package dev.contacts;

import dev.contacts.internal.PropertyContext;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Values;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phone calls to contacts through the host's {@link dev.contacts.host.Telephony}
 * provider. The number must be one of the contact's phones, and the agent must exist in
 * the host's directory; without a provider every call is refused with
 * {@link NotConfiguredException} naming the SPI to provide.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class CallService {
    private static final Logger LOG = LoggerFactory.getLogger(CallService.class);
    private final PropertyContext context;

    CallService(PropertyContext context) {
        this.context = context;
    }

    /**
     * Starts a call.
     *
     * @param contact     the contact to call
     * @param phoneNumber one of the contact's phone numbers (compared by fold after normalisation)
     * @param agentId     the calling agent
     * @return the provider's id of the call
     * @throws NotConfiguredException if the host gave no telephony provider
     * @throws NotFoundException      if the contact is not in this property
     * @throws InvalidValueException  if the number is not one of the contact's or the agent is unknown
     */
    public String call(ContactId contact, String phoneNumber, String agentId) {
        Objects.requireNonNull(contact, "contact");
        var telephony = context.hosts().requireTelephony();
        Contact c = context.store().contacts().get(context.property().id(), contact)
                .orElseThrow(() -> new NotFoundException("contact " + contact + " does not exist in property " + context.property().id()));
        String number = Values.text("phoneNumber", phoneNumber);
        String chosen = number == null ? null
                : c.phones().stream().filter(p -> Values.fold(p).equals(Values.fold(number))).findFirst().orElse(null);
        if (chosen == null) {
            throw new InvalidValueException("phoneNumber", "'" + phoneNumber + "' is not one of the contact's numbers " + c.phones()
                    + "; add it to the contact's phones first");
        }
        String agent = Values.text("agentId", agentId);
        if (agent == null || !context.hosts().directory().agentExists(agent)) {
            throw new InvalidValueException("agentId", "'" + agentId + "' is not an agent of the host's directory");
        }
        String callId = telephony.call(c, chosen, agent);
        LOG.debug("{} call {} to contact {} by agent {}", context.property().id(), callId, contact, agent);
        return callId;
    }
}
