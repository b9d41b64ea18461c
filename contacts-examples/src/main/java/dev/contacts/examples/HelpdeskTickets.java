package dev.contacts.examples;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.host.Mailer;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Assignee;
import dev.contacts.model.Contact;
import dev.contacts.model.InboundEmail;
import dev.contacts.model.NewTicket;
import dev.contacts.model.OutboundEmail;
import dev.contacts.model.Priority;
import dev.contacts.model.Property;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A helpdesk sends tickets by email through its own transport: the SDK hands each email to
 * the application's {@link Mailer} when the application runs the dispatcher, and threads the
 * contact's answer by its In-Reply-To header.
 */
public final class HelpdeskTickets {
    private HelpdeskTickets() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where to print what happens
     * @return the emails the application's mailer was given
     */
    public static List<OutboundEmail> run(PrintStream out) {
        List<OutboundEmail> outbox = new ArrayList<>();
        // tag::tickets[]
        Mailer smtp = email -> outbox.add(email);                    // your SMTP client or email API here
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).mailer(smtp).messageIdDomain("help.acme.example").build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("UTC")));
        PropertyContacts acme = sdk.property("acme");
        Contact ada = acme.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com")).build());

        Ticket ticket = acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com")
                .subject("Your invoice").body("Hello Ada, your invoice is attached.")
                .attach(AttachmentUpload.of("invoice.txt", "text/plain", "Total: 49 EUR".getBytes(StandardCharsets.UTF_8)))
                .assignee(Assignee.department("billing")).priority(Priority.HIGH).build());
        sdk.emailDispatcher().runOnce();                             // schedule this; the SDK starts no thread

        String firstMessageId = outbox.get(0).messageId();
        TicketMessage answer = acme.tickets().receiveReply(InboundEmail.builder().messageId("<r1@mail.example>")
                .inReplyTo(firstMessageId).references(firstMessageId).from("ada@example.com").body("Paid, thanks!").build());
        // end::tickets[]
        out.println("ticket #" + ticket.number() + " emailed as " + firstMessageId + "; answer threaded on ticket "
                + answer.ticket().equals(ticket.id()));
        return outbox;
    }
}
