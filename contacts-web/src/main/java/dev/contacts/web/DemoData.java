package dev.contacts.web;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Priority;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Loads the demo data on first start (when the store has no property {@value #DEMO}): the
 * sample-data module's realistic dataset (contacts, organizations, custom attributes) in
 * {@value #DEMO}, some history through the SDK's services (web sessions, chats, notes,
 * tickets), and a small second property {@value #OTHER} for the property switcher. Turned off
 * with {@code contacts.web.demo=false}.
 */
@Component
@ConditionalOnProperty(name = "contacts.web.demo", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {
    static final String DEMO = "demo";
    static final String OTHER = "demo-other";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String[] AGENTS = {"alice", "bob", "chloe"};
    private final Contacts sdk;
    private final int size;
    private final long seed;

    DemoData(Contacts sdk, @Value("${contacts.web.demo.size:600}") int size, @Value("${contacts.web.demo.seed:2026}") long seed) {
        this.sdk = sdk;
        this.size = size;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sdk.properties().stream().anyMatch(p -> p.id().toString().equals(DEMO))) {
            return;
        }
        ZoneId zone = ZoneId.of("Europe/Paris");
        sdk.createProperty(Property.of(DEMO, "Demo helpdesk", zone));
        SampleData data = SampleData.generate(SampleSpec.realistic(seed, size));
        PropertyId source = data.properties().get(0).id();
        PropertyId target = PropertyId.of(DEMO);
        data.load(source, sdk.store(), target); // through the store SPI: dates and statistics as generated
        PropertyContacts demo = sdk.property(target);
        history(demo, data, source);

        sdk.createProperty(Property.of(OTHER, "Second helpdesk", ZoneId.of("America/New_York")));
        PropertyContacts other = sdk.property(OTHER);
        for (String[] person : new String[][] {{"Grace Hopper", "grace@navy.example"}, {"Alan Turing", "alan@bletchley.example"},
            {"Katherine Johnson", "katherine@nasa.example"}}) {
            other.contacts().create(AttributeChanges.builder().set("name", person[0]).set("emails", List.of(person[1]))
                    .set("tags", List.of("pioneer")).build());
        }
        LOG.info("demo data loaded: property '{}' with {} contacts, property '{}' with 3", DEMO, size, OTHER);
    }

    /** A share of the contacts gets web sessions, chats, notes and tickets through the SDK's services. */
    private static void history(PropertyContacts demo, SampleData data, PropertyId source) {
        int n = data.spec().contactsPerProperty();
        Instant now = SampleData.REFERENCE_NOW;
        for (int i = 0; i < n; i++) {
            Contact c = data.contact(source, i);
            Instant start = now.minus(Duration.ofMinutes(120 + 37L * 60 * ((i * 7L) % 400) + i % 60));
            if (i % 7 == 3) {
                demo.activity().ingest(WebSession.builder("web-" + i, c.id(), start).end(start.plus(Duration.ofMinutes(1 + i % 40)))
                        .pagesViewed(1 + i % 9).country(c.country()).city(c.city()).browser(c.browser()).os(c.os()).build());
            }
            if (i % 11 == 5) {
                demo.activity().ingest(LiveChat.of("chat-" + i, c.id(), start, List.of(
                        ChatMessage.visitor("Hello, how do I change my billing address?", start),
                        ChatMessage.agent(AGENTS[i % AGENTS.length], "Thanks for asking! Let me check that for you.", start.plusSeconds(45)))));
            }
            if (i % 29 == 13) {
                demo.notes().add(c.id(), AGENTS[i % AGENTS.length], "Prefers to be contacted by email.");
            }
            if (i % 97 == 41 && c.primaryEmail() != null) {
                demo.tickets().create(NewTicket.builder(c.id(), c.primaryEmail()).subject("About your account")
                        .body("Hello,\n\nthis is about your account.\n\nThe support team").priority(Priority.values()[i % 5])
                        .tags(List.of("demo")).author(AGENTS[i % AGENTS.length]).build());
            }
        }
    }
}
