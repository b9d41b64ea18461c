package dev.contacts.internal;

import dev.contacts.NotConfiguredException;
import dev.contacts.host.Directory;
import dev.contacts.host.Telephony;
import java.util.Objects;

/**
 * The host SPIs given to {@code Contacts.builder()}.
 *
 * @param directory agents and departments (default: accepts every id)
 * @param telephony telephony provider, or null when the host has none
 */
public record HostServices(Directory directory, Telephony telephony) {
    /** Checks the directory. */
    public HostServices {
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * @return the telephony provider
     * @throws NotConfiguredException when the host gave none
     */
    public Telephony requireTelephony() {
        if (telephony == null) {
            throw new NotConfiguredException("calling needs a telephony provider: give one with "
                    + "Contacts.builder().telephony(dev.contacts.host.Telephony)");
        }
        return telephony;
    }
}
