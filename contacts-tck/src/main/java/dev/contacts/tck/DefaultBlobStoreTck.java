package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.Contacts;
import dev.contacts.Recovery;
import dev.contacts.host.BlobStore;
import dev.contacts.model.Assignee;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.NewTicket;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.spi.ContactStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store a store offers ({@link ContactStore#blobStore()}), which
 * {@code Contacts.builder().build()} uses when the host gives none: ticket attachments are
 * kept in it, they survive closing the store and opening a new one on the same data (a
 * restart of the host), and deleting a property deletes its attachments and no other's.
 *
 * <p>A store runs it by extending this class and saying how to open a store on new data and
 * how to open it again on that data; a store whose data does not outlive it (in memory)
 * answers {@link Optional#empty()} and the restart check is skipped with the reason logged.
 */
public abstract class DefaultBlobStoreTck {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBlobStoreTck.class);
    private static final byte[] INVOICE = "total: 42 EUR".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final List<ContactStore> open = new ArrayList<>();

    /** @return a new, empty store on data of its own that {@link #reopenStore()} can open again */
    protected abstract ContactStore createStore();

    /**
     * Opens a new store on the data of the store {@link #createStore()} returned last, which
     * the test has closed (as a host that restarts would).
     *
     * @return the store, or empty when the store's data does not outlive it (the restart check is then skipped)
     */
    protected abstract Optional<ContactStore> reopenStore();

    /** Deletes the data {@link #createStore()} made, after every store on it was closed; by default nothing. */
    protected void dropData() {
    }

    private ContactStore track(ContactStore store) {
        open.add(store);
        return store;
    }

    private void close(ContactStore store) {
        open.remove(store);
        store.close();
    }

    @AfterEach
    void closeStoresAndDropData() {
        try {
            for (ContactStore s : List.copyOf(open)) {
                close(s);
            }
        } finally {
            dropData();
        }
    }

    private static Contacts sdkWithoutBlobStore(ContactStore store, MutableClock clock) {
        return Contacts.builder().store(store).clock(clock).build(); // no .blobStore(...): the store's own
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Ticket ticketWithAttachments(Contacts sdk, TckFixture base, String property, byte[] scan) {
        var contact = property.equals("p1") ? base.ada.id() : base.other.id();
        return sdk.property(property).tickets().create(NewTicket.builder(contact, "ada@example.com").subject("Your invoice")
                .body("Here it is.").attach(AttachmentUpload.of("invoice.txt", "text/plain", INVOICE))
                .attach(AttachmentUpload.of("scan.bin", "application/octet-stream", scan))
                .assignee(Assignee.department("billing")).author("alice").build());
    }

    private static List<byte[]> attachmentBytes(Contacts sdk, String property, Ticket ticket) {
        List<byte[]> bytes = new ArrayList<>();
        for (TicketMessage m : sdk.property(property).tickets().messages(ticket.id())) {
            m.attachments().forEach(a -> bytes.add(sdk.property(property).tickets().attachment(ticket.id(), a)));
        }
        return bytes;
    }

    @Test
    void theSdkKeepsAttachmentsInTheStoresBlobStoreWhenTheHostGivesNone() {
        ContactStore store = track(createStore());
        BlobStore blobs = store.blobStore().orElseThrow(() -> new AssertionError(store + " offers no blob store"));
        TckFixture base = new TckFixture(store);
        Contacts sdk = sdkWithoutBlobStore(store, new MutableClock(TckFixture.NOW));
        Ticket ticket = ticketWithAttachments(sdk, base, "p1", random(1000));

        List<String> keys = new ArrayList<>();
        sdk.property("p1").tickets().messages(ticket.id()).forEach(m -> m.attachments().forEach(a -> keys.add(a.blobKey())));
        assertThat(blobs.list("tickets/p1/")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(blobs.get(keys.get(0))).hasValueSatisfying(b -> assertThat(b).isEqualTo(INVOICE));
    }

    @Test
    void attachmentsSurviveClosingTheStoreAndOpeningItAgain() {
        ContactStore first = track(createStore());
        TckFixture base = new TckFixture(first);
        MutableClock clock = new MutableClock(TckFixture.NOW);
        byte[] scan = random(1024 * 1024 + 3); // above the inline limits of the stores' blob stores
        Ticket ticket = ticketWithAttachments(sdkWithoutBlobStore(first, clock), base, "p1", scan);
        close(first);

        Optional<ContactStore> reopened = reopenStore();
        if (reopened.isEmpty()) {
            String reason = first.getClass().getSimpleName() + " cannot be opened again on the same data (its data does not outlive it): the restart check "
                    + "of its attachments is skipped";
            LOG.info(reason);
            Assumptions.abort(reason);
        }
        ContactStore second = track(reopened.get());
        Contacts restarted = sdkWithoutBlobStore(second, clock);
        assertThat(attachmentBytes(restarted, "p1", ticket)).containsExactly(INVOICE, scan);

        clock.advance(Contacts.RECOVERY_GRACE.plus(Duration.ofMinutes(1)));
        Recovery recovery = restarted.recover();
        assertThat(recovery.deletedBlobs()).as("the blobs of stored messages are not orphans").isZero();
        assertThat(attachmentBytes(restarted, "p1", ticket)).containsExactly(INVOICE, scan);
    }

    @Test
    void deletingAPropertyDeletesItsAttachmentsAndNoOthers() {
        ContactStore store = track(createStore());
        BlobStore blobs = store.blobStore().orElseThrow(() -> new AssertionError(store + " offers no blob store"));
        TckFixture base = new TckFixture(store);
        Contacts sdk = sdkWithoutBlobStore(store, new MutableClock(TckFixture.NOW));
        ticketWithAttachments(sdk, base, "p1", random(10));
        Ticket kept = ticketWithAttachments(sdk, base, "p2", random(20));
        assertThat(blobs.list("tickets/p1/")).hasSize(2);

        assertThat(sdk.deleteProperty(PropertyId.of("p1"))).isTrue();
        assertThat(blobs.list("tickets/p1/")).isEmpty();
        assertThat(blobs.list("tickets/")).hasSize(2).allMatch(k -> k.startsWith("tickets/p2/"));
        assertThat(attachmentBytes(sdk, "p2", kept)).containsExactly(INVOICE, random(20));
    }
}
