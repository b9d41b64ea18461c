package dev.contacts.examples;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.IngestResult;
import dev.contacts.model.LiveChat;
import dev.contacts.model.Property;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.model.WebSession;
import dev.contacts.query.Page;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host reports what visitors do (web sessions, live chats) and agents write notes; the
 * contact's statistics follow, and the timeline merges it all, newest first, by kind.
 */
public final class ActivityAndTimeline {
    private ActivityAndTimeline() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where to print what happens
     * @return the kinds of the timeline's items, newest first, then those of its notes only
     */
    public static List<String> run(PrintStream out) {
        Instant start = Instant.parse("2026-01-01T09:00:00Z");
        Clock clock = Clock.fixed(start.plusSeconds(3600), ZoneOffset.UTC);
        // tag::activity[]
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).clock(clock).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("UTC")));
        PropertyContacts acme = sdk.property("acme");
        Contact ada = acme.contacts().create(AttributeChanges.builder().set("emails", List.of("ada@example.com")).build());

        acme.activity().ingest(WebSession.builder("sess-1", ada.id(), start).end(start.plusSeconds(300)).pagesViewed(4)
                .country("GB").city("London").browser("Firefox").build());
        LiveChat chat = LiveChat.of("chat-1", ada.id(), start.plusSeconds(120), List.of(
                ChatMessage.visitor("Where is my invoice?", start.plusSeconds(120)),
                ChatMessage.agent("alice", "Sending it now.", start.plusSeconds(150))));
        IngestResult first = acme.activity().ingest(chat);
        IngestResult again = acme.activity().ingest(chat);                   // DUPLICATE: counted once
        acme.notes().add(ada.id(), "alice", "Sent the invoice by email.");   // internal, never shown to Ada

        Contact now = acme.contacts().get(ada.id());                         // totalWebSessions 1, totalLiveChats 1, city London
        Page<TimelineItem> all = acme.timeline().page(ada.id(), 20);         // the note, then the chat
        Page<TimelineItem> notes = acme.timeline().page(ada.id(), Set.of(TimelineKind.NOTE), 20, null);
        // end::activity[]
        out.println(first + " then " + again + "; sessions " + now.totalWebSessions() + ", chats " + now.totalLiveChats()
                + ", city " + now.city());
        List<String> kinds = new ArrayList<>();
        all.items().forEach(i -> kinds.add(i.kind().name()));
        notes.items().forEach(i -> kinds.add("only " + i.kind().name()));
        return kinds;
    }
}
