package dev.contacts.internal;

import dev.contacts.NotConfiguredException;
import dev.contacts.host.BlobStore;
import dev.contacts.host.Directory;
import dev.contacts.host.Mailer;
import dev.contacts.host.Telephony;
import java.util.Objects;

/**
 * The host SPIs given to {@code Contacts.builder()}.
 *
 * @param directory agents and departments (default: accepts every id)
 * @param telephony telephony provider, or null when the host has none
 * @param mailer    outbound email transport, or null when the host has none (emails then wait in the outbox)
 * @param blobs     where attachment bytes live (the host's, else the store's own; see {@code Contacts.Builder#blobStore})
 * @param tickets   attachment limits, email retries, Message-ID domain
 */
public record HostServices(Directory directory, Telephony telephony, Mailer mailer, BlobStore blobs, TicketSettings tickets) {
    /**
     * Checks the directory.
     *
     * @param directory agents and departments (default: accepts every id)
     * @param telephony telephony provider, or null when the host has none
     * @param mailer    outbound email transport, or null when the host has none (emails then wait in the outbox)
     * @param blobs     where attachment bytes live (default: in memory)
     * @param tickets   attachment limits, email retries, Message-ID domain
     */
    public HostServices {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(tickets, "tickets");
    }

    /**
     * Without mail: no mailer, an in-memory blob store, default ticket settings.
     *
     * @param directory agents and departments
     * @param telephony telephony provider, or null
     */
    public HostServices(Directory directory, Telephony telephony) {
        this(directory, telephony, null, new InMemoryBlobStore(), TicketSettings.DEFAULT);
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

    /**
     * @return the mailer
     * @throws NotConfiguredException when the host gave none
     */
    public Mailer requireMailer() {
        if (mailer == null) {
            throw new NotConfiguredException("sending ticket emails needs a mailer: give one with "
                    + "Contacts.builder().mailer(dev.contacts.host.Mailer); until then emails wait in the outbox");
        }
        return mailer;
    }
}
