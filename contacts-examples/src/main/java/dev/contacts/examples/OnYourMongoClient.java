package dev.contacts.examples;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import dev.contacts.model.Ticket;
import dev.contacts.mongo.GridFsBlobStore;
import dev.contacts.mongo.MongoStore;
import dev.contacts.spi.ContactStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * The SDK on the MongoDB client the helpdesk already has: the store and the attachments
 * (GridFS) share its pool; closing the store leaves the client open.
 */
public final class OnYourMongoClient {
    private OnYourMongoClient() {
    }

    /**
     * @param args the connection string of a MongoDB server, e.g. {@code mongodb://localhost:27017}
     */
    public static void main(String[] args) {
        try (MongoClient client = MongoClients.create(args.length > 0 ? args[0] : "mongodb://localhost:27017")) {
            run(client, "helpdesk", System.out);
        }
    }

    /**
     * @param client   the application's client
     * @param database the database to use
     * @param out      where to print what happens
     * @return the bytes of the ticket's attachment, read back from GridFS by a second SDK on the same database
     */
    public static byte[] run(MongoClient client, String database, PrintStream out) {
        byte[] pdf = "%PDF-1.7 invoice".getBytes(StandardCharsets.UTF_8);
        // tag::mongo[]
        ContactStore store = MongoStore.create(client, database);               // creates collections and indexes if missing
        Contacts sdk = Contacts.builder().store(store)
                .blobStore(GridFsBlobStore.create(client.getDatabase(database))) // attachments beside the data
                .mailer(email -> { /* your SMTP client */ }).build();
        sdk.recover();                                                           // at start-up: finishes interrupted writes
        if (sdk.properties().isEmpty()) {
            sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        }
        PropertyContacts acme = sdk.property("acme");
        Contact ada = acme.contacts().upsertByEmail("ada@example.com",
                AttributeChanges.builder().set("name", "Ada").set("tags", List.of("vip")).build()).contact();
        Ticket ticket = acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("Invoice").body("Attached.")
                .attach(AttachmentUpload.of("invoice.pdf", "application/pdf", pdf)).build());
        long vips = acme.contacts().count(FilterParser.parse("tags is \"vip\""));
        store.close();                                                           // your client stays open
        // end::mongo[]
        Contacts later = Contacts.builder().store(MongoStore.create(client, database))
                .blobStore(GridFsBlobStore.create(client.getDatabase(database))).build();
        PropertyContacts again = later.property("acme");
        Ticket stored = again.tickets().get(ticket.id());
        byte[] bytes = again.tickets().attachment(stored.id(), again.tickets().messages(stored.id()).get(0).attachments().get(0));
        out.println("vips: " + vips + ", ticket #" + stored.number() + " with " + bytes.length + " bytes attached");
        later.store().close();
        return bytes;
    }
}
