package dev.contacts.cli;

import dev.contacts.cli.io.ValueCodec;
import dev.contacts.model.ChatItem;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.Contact;
import dev.contacts.model.NoteItem;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageItem;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts timeline}: a contact's notes, chats and ticket messages, newest first, by kind. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Show a contact's timeline: notes, chat transcripts and ticket emails, newest first.",
            "Example: contacts timeline ada@example.com --kind NOTE,TICKET"})
final class TimelineCommand extends CliCommand {
    @Parameters(paramLabel = "CONTACT", description = "The contact's id or one of its email addresses.")
    String contact;

    @Option(names = "--kind", split = ",", paramLabel = "KIND", description = "Only these kinds: NOTE, CHAT, TICKET (default: all).")
    List<TimelineKind> kinds;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "Most items, 1..1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", description = "Continue after the page that printed this cursor.")
    String cursor;

    @Override
    public Integer call() {
        Contact c = contact(contact);
        Set<TimelineKind> set = kinds == null ? Set.of() : EnumSet.copyOf(kinds);
        Page<TimelineItem> page = property().timeline().page(c.id(), set, limit, cursor == null ? null : Cursor.of(cursor.strip()));
        print(out(), page.items(), session().zone());
        if (page.hasNext()) {
            out().println("next page: --cursor " + page.nextCursor());
        }
        return ContactsCli.OK;
    }

    /**
     * @param out   where
     * @param items timeline items
     * @param zone  zone of times
     */
    static void print(PrintWriter out, List<TimelineItem> items, ZoneId zone) {
        for (TimelineItem item : items) {
            String when = ValueCodec.display(item.time(), zone);
            if (item instanceof NoteItem) {
                NotesCommand.print(out, ((NoteItem) item).note(), zone, false);
                continue;
            }
            if (item instanceof ChatItem) {
                out.println("  " + when + "  CHAT");
                for (ChatMessage m : ((ChatItem) item).chat().messages()) {
                    out.println("      " + (m.agentId() == null ? "visitor" : m.agentId()) + ": " + m.text());
                }
                continue;
            }
            TicketMessage m = ((TicketMessageItem) item).message();
            out.println("  " + when + "  TICKET  " + m.sender().name().toLowerCase(Locale.ROOT) + " "
                    + (m.sender() == TicketMessage.Sender.AGENT ? m.agentId() + " to " : "") + m.contactAddress() + ": " + m.subject());
            out.println("      " + m.body().lines().findFirst().orElse(""));
        }
    }
}
