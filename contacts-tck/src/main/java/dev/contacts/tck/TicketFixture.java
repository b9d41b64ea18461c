package dev.contacts.tck;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.host.Directory;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.NewTicket;
import dev.contacts.spi.ContactStore;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fixture of the ticket TCK classes: {@link TckFixture}'s data set, and an SDK over the
 * same store with a movable clock (starting at {@link TckFixture#NOW}), a recording mailer,
 * a shared blob store and a directory of two agents and two departments.
 */
public final class TicketFixture {
    /** Agents the directory knows. */
    public static final Set<String> AGENTS = Set.of("alice", "carol");
    /** Departments the directory knows. */
    public static final Set<String> DEPARTMENTS = Set.of("billing", "support");
    /** The directory of the fixture. */
    public static final Directory DIRECTORY = new Directory() {
        @Override
        public boolean agentExists(String agentId) {
            return AGENTS.contains(agentId);
        }

        @Override
        public boolean departmentExists(String departmentId) {
            return DEPARTMENTS.contains(departmentId);
        }
    };

    /** The store. */
    public final ContactStore store;
    /** The base data set (p1 with ada and bob, p2 with other). */
    public final TckFixture base;
    /** The clock of {@link #sdk}. */
    public final MutableClock clock = new MutableClock(TckFixture.NOW);
    /** The mailer of {@link #sdk}. */
    public final RecordingMailer mailer = new RecordingMailer();
    /** The blob store of {@link #sdk}. */
    public final TckBlobStore blobs = new TckBlobStore();
    /** The SDK with mailer, blobs, clock and directory. */
    public final Contacts sdk;
    /** Property p1 through {@link #sdk}. */
    public final PropertyContacts p1;
    /** Property p2 through {@link #sdk}. */
    public final PropertyContacts p2;

    /** @param store an empty store */
    public TicketFixture(ContactStore store) {
        this(store, b -> { });
    }

    /**
     * @param store     an empty store
     * @param configure more settings of {@link #sdk}'s builder
     */
    public TicketFixture(ContactStore store, Consumer<Contacts.Builder> configure) {
        this.store = store;
        this.base = new TckFixture(store);
        this.sdk = sdkOver(store, configure);
        this.p1 = sdk.property("p1");
        this.p2 = sdk.property("p2");
    }

    /**
     * @param over      a store (e.g. a fault-injecting wrapper of {@link #store})
     * @param configure more settings
     * @return an SDK over it sharing this fixture's clock, mailer, blobs and directory
     */
    public Contacts sdkOver(ContactStore over, Consumer<Contacts.Builder> configure) {
        Contacts.Builder b = Contacts.builder().store(over).clock(clock).mailer(mailer).blobStore(blobs).directory(DIRECTORY)
                .messageIdDomain("help.example.com");
        configure.accept(b);
        return b.build();
    }

    /** @return a new ticket for ada at her address, with one attachment, assigned to billing */
    public NewTicket.Builder forAda() {
        return NewTicket.builder(base.ada.id(), "ada@example.com").subject("Your invoice").body("Hello Ada,\nhere it is.")
                .attach(file("invoice.txt", "total: 42 EUR")).assignee(dev.contacts.model.Assignee.department("billing"))
                .author("alice");
    }

    /**
     * @param name    a file name
     * @param content its text
     * @return a text file
     */
    public static AttachmentUpload file(String name, String content) {
        return AttachmentUpload.of(name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }
}
