package dev.contacts.tck;

import dev.contacts.host.BlobStore;
import dev.contacts.model.Property;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link StoreSnapshot} plus every ticket, message (with its delivery state) and
 * attachment blob key, so a test can assert that a refused ticket operation changed
 * nothing.
 *
 * @param store    everything else the store holds
 * @param tickets  every ticket, by property then number
 * @param messages every message, by property, ticket number, then append order
 * @param blobKeys every blob key of ticket attachments, sorted
 */
public record TicketSnapshot(StoreSnapshot store, List<Ticket> tickets, List<TicketMessage> messages, List<String> blobKeys) {

    /**
     * @param store a store
     * @param blobs the blob store of its attachments
     * @return what they hold now
     */
    public static TicketSnapshot of(ContactStore store, BlobStore blobs) {
        List<Ticket> tickets = new ArrayList<>();
        List<TicketMessage> messages = new ArrayList<>();
        for (Property p : store.properties().list()) {
            for (Ticket t : allTickets(store, p)) {
                tickets.add(t);
                messages.addAll(store.tickets().listMessages(p.id(), t.id()));
            }
        }
        List<String> keys = new ArrayList<>(blobs.list("tickets/"));
        keys.sort(null);
        return new TicketSnapshot(StoreSnapshot.of(store), List.copyOf(tickets), List.copyOf(messages), List.copyOf(keys));
    }

    /**
     * @param store    a store
     * @param property a property
     * @return all its tickets, by number
     */
    public static List<Ticket> allTickets(ContactStore store, Property property) {
        List<Ticket> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Ticket> page = store.tickets().list(property.id(), after, 1000);
            all.addAll(page);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1).number();
        }
    }
}
