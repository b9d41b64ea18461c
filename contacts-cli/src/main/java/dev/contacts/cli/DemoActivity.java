package dev.contacts.cli;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.LiveChat;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Priority;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.sample.SampleData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo dataset's history, made deterministically from each contact's index: web sessions,
 * live chats, notes and tickets for a share of the contacts, through the SDK's own services
 * (so statistics follow). The tickets' emails go through a mailer that drops them, so the
 * walkthrough prints only the emails of its own steps.
 */
final class DemoActivity {
    private static final String[] AGENTS = {"alice", "bob", "chloe"};
    private static final String[] NOTES = {
        "Asked for a discount on the yearly plan; follow up in January.",
        "Prefers to be contacted by email.",
        "Reported a bug in the export; fixed in the last release.",
        "Key contact for the renewal.",
    };
    private static final String[] QUESTIONS = {
        "Hello, how do I change my billing address?",
        "Hi! Is there a discount for non-profits?",
        "Hello, the export to CSV does not finish.",
        "Hi, can I add a second admin to my account?",
    };
    private static final String[] SUBJECTS = {"Your invoice", "Your renewal", "About your question", "Welcome aboard"};

    /**
     * What was loaded.
     *
     * @param webSessions web sessions
     * @param chats       live chats
     * @param notes       notes
     * @param tickets     tickets
     */
    record Counts(int webSessions, int chats, int notes, int tickets) {
    }

    private DemoActivity() {
    }

    static Counts load(Contacts sdk, PropertyContacts demo, SampleData data, PropertyId source) {
        Contacts silent = Contacts.builder().store(sdk.store()).clock(sdk.clock()).mailer(email -> { }).build();
        PropertyContacts quiet = silent.property(demo.property().id());
        int sessions = 0;
        int chats = 0;
        int notes = 0;
        int tickets = 0;
        int size = data.spec().contactsPerProperty();
        for (int i = 0; i < size; i++) {
            Contact c = data.contact(source, i);
            Instant start = SampleData.REFERENCE_NOW.minus(Duration.ofMinutes(120 + 37L * 60 * ((i * 7L) % 400) + i % 60)); // ends before now
            if (i % 7 == 3) {
                demo.activity().ingest(WebSession.builder("web-" + i, c.id(), start).end(start.plus(Duration.ofMinutes(1 + i % 40)))
                        .pagesViewed(1 + i % 9).country(c.country()).city(c.city()).region(c.region()).browser(c.browser()).os(c.os())
                        .build());
                sessions++;
            }
            if (i % 11 == 5) {
                String agent = AGENTS[i % AGENTS.length];
                demo.activity().ingest(LiveChat.of("chat-" + i, c.id(), start, List.of(
                        ChatMessage.visitor(QUESTIONS[i % QUESTIONS.length], start),
                        ChatMessage.agent(agent, "Thanks for asking! Let me check that for you.", start.plusSeconds(30 + i % 90)))));
                chats++;
            }
            if (i % 29 == 13) {
                demo.notes().add(c.id(), AGENTS[(i / 29) % AGENTS.length], NOTES[i % NOTES.length]);
                notes++;
            }
            if (i % 97 == 41 && c.primaryEmail() != null) {
                quiet.tickets().create(NewTicket.builder(c.id(), c.primaryEmail()).subject(SUBJECTS[i % SUBJECTS.length])
                        .body("Hello,\n\nthis is about your account.\n\nThe support team").priority(Priority.values()[i % Priority.values().length])
                        .tags(List.of("demo")).author(AGENTS[i % AGENTS.length]).build());
                tickets++;
            }
        }
        silent.emailDispatcher().runOnce();
        return new Counts(sessions, chats, notes, tickets);
    }
}
