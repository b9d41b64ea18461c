package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.AttributeDeletion;
import dev.contacts.AttributeInUseException;
import dev.contacts.BrokenSegmentException;
import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.Attr;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.IngestResult;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.model.WebSession;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.SegmentSummary;
import dev.contacts.query.Sort;
import dev.contacts.tck.RecordingMailer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples of the README ("Using it", "Segments and list views", "A ticket and the timeline") line for line, and the events of the activity example, so they never rot. */
class ReadmeExampleTest {
    private final List<TimelineItem> timelineShown = new ArrayList<>();

    private void show(TimelineItem item) {
        timelineShown.add(item);
    }

    @Test
    void theReadmeExampleRuns() {
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        ContactService people = sdk.property("acme").contacts();

        people.create(AttributeChanges.builder()
                .set(Attr.NAME, "Ada Lovelace").set(Attr.EMAILS, List.of("ada@example.com")).set(Attr.TAGS, List.of("vip")).build());

        Query query = Query.of(FilterParser.parse("tags is \"vip\" and city is unknown")).withSort(Sort.desc(Attr.LAST_SEEN));
        Page<Contact> page = people.find(query);                      // first 50, unknown lastSeen last
        List<Contact> all = new ArrayList<>(page.items());
        while (page.hasNext()) {
            page = people.find(query.withCursor(page.nextCursor()));  // keyset paging, never offset
            all.addAll(page.items());
        }
        long vips = people.count(Filter.attr(Attr.TAGS).is("vip"));     // exact, no cap

        assertThat(all).extracting(Contact::name).containsExactly("Ada Lovelace");
        assertThat(vips).isEqualTo(1);
    }

    @Test
    void theTicketAndTimelineExampleRuns() {
        RecordingMailer smtp = new RecordingMailer();

        Contacts sdk = Contacts.builder().store(new InMemoryStore()).mailer(smtp::send).build();
        PropertyContacts acme = sdk.property(sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris"))).id());
        Contact ada = acme.contacts().create(AttributeChanges.builder().set("name", "Ada Lovelace").set("emails", List.of("ada@example.com")).build());
        acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("Your invoice").body("Hello Ada, here it is.").build());
        acme.notes().add(ada.id(), "alice", "Called her: the billing address is wrong");    // internal: never emailed
        Page<TimelineItem> page = acme.timeline().page(ada.id(), 20);                      // every kind, newest first
        while (true) {
            page.items().forEach(item -> show(item));                                     // a NoteItem, ChatItem or TicketMessageItem
            if (!page.hasNext()) break;
            page = acme.timeline().page(ada.id(), Set.of(), 20, page.nextCursor());       // keyset: the next 20
        }

        assertThat(timelineShown).extracting(TimelineItem::kind).containsExactly(TimelineKind.NOTE, TimelineKind.TICKET);
        assertThat(sdk.emailDispatcher().runOnce().sent()).isEqualTo(1);
        assertThat(smtp.sent()).singleElement().satisfies(sent -> assertThat(sent.email().body()).doesNotContain("billing address"));

        Instant start = Instant.parse("2026-11-25T09:00:00Z");
        Instant end = start.plusSeconds(600);
        assertThat(acme.activity().ingest(WebSession.builder("sess-81723", ada.id(), start).end(end).pagesViewed(7)
                .country("fr").city("Paris").browser("Firefox").build())).isEqualTo(IngestResult.APPLIED);
        LiveChat chat = LiveChat.of("chat-5521", ada.id(), start, List.of(ChatMessage.visitor("Hi!", start),
                ChatMessage.agent("alice", "Hello Ada", start.plusSeconds(20))));
        assertThat(acme.activity().ingest(chat)).isEqualTo(IngestResult.APPLIED);
        assertThat(acme.activity().ingest(chat)).isEqualTo(IngestResult.DUPLICATE);
        assertThat(acme.contacts().get(ada.id()).country()).isEqualTo("FR");
    }

    @Test
    void theSegmentsExampleRuns() {
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).build();
        sdk.createProperty(Property.of("acme", "ACME support", ZoneId.of("Europe/Paris")));
        sdk.property("acme").attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
        sdk.property("acme").contacts().create(AttributeChanges.builder().set("name", "Ada Lovelace")
                .set("tags", List.of("vip")).set("custom.plan", "gold").build());

        PropertyContacts acme = sdk.property("acme");
        Segment gold = acme.segments().save(Target.CONTACT, "Gold VIPs", "tags is \"vip\" and custom.plan is \"gold\"",
                List.of("name", "primaryEmail", "custom.plan"), Sort.asc("name"));     // filter kept as canonical text
        List<SegmentSummary> all = acme.segments().list(Target.CONTACT);    // by name, each with count() and countedAt()
        Page<Contact> page = acme.segments().viewContacts(gold.id(), 50, null); // the result, keyset-paged in the segment's sort
        acme.listViews().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("name", "custom.plan"), Sort.desc("lastSeen")));
        ListView shown = acme.listViews().get(Target.CONTACT, "alice");      // alice's, else the property's, else the built-in
        assertThatThrownBy(() ->
        acme.attributes().delete(Target.CONTACT, "custom.plan")           // AttributeInUseException: 'Gold VIPs' uses it
        ).isInstanceOf(AttributeInUseException.class).hasMessageContaining("'Gold VIPs'");
        AttributeDeletion d = acme.attributes().forceDelete(Target.CONTACT, "custom.plan"); // d.brokenSegments(): [Gold VIPs]
        assertThatThrownBy(() ->
        acme.segments().count(gold.id())                                  // BrokenSegmentException naming custom.plan
        ).isInstanceOf(BrokenSegmentException.class).hasMessageContaining("custom.plan");

        assertThat(all).extracting(SegmentSummary::count).containsExactly(java.util.OptionalLong.of(1));
        assertThat(page.items()).extracting(Contact::name).containsExactly("Ada Lovelace");
        assertThat(shown.columns()).containsExactly("name", "custom.plan");
        assertThat(d.brokenSegments()).extracting(Segment::name).containsExactly("Gold VIPs");
        assertThat(acme.listViews().get(Target.CONTACT, "alice").columns()).containsExactly("name");
    }
}
