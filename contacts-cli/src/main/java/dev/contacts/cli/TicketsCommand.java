package dev.contacts.cli;

import dev.contacts.TicketService;
import dev.contacts.model.Assignee;
import dev.contacts.model.Attachment;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.Contact;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Priority;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketStatus;
import dev.contacts.model.TicketUpdate;
import dev.contacts.NotFoundException;
import dev.contacts.cli.io.ValueCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts tickets}: tickets sent by email from a contact's profile; the tool's mailer prints the emails. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = {"Create, list, show and reply to tickets sent by email.",
            "The tool's console mailer prints each email instead of sending it.",
            "Example: contacts tickets create ada@example.com --subject Invoice --message 'Hello Ada' --attach invoice.pdf"},
        subcommands = {TicketsCommand.Create.class, TicketsCommand.ListTickets.class, TicketsCommand.Show.class,
            TicketsCommand.Reply.class, TicketsCommand.Status.class})
final class TicketsCommand extends CliCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return ContactsCli.OK;
    }

    static List<AttachmentUpload> uploads(List<Path> files) throws IOException {
        List<AttachmentUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (Path f : files) {
                try {
                    String type = java.nio.file.Files.probeContentType(f);
                    uploads.add(AttachmentUpload.of(f.getFileName().toString(), type, java.nio.file.Files.readAllBytes(f)));
                } catch (NoSuchFileException e) {
                    throw new CliUsageException("attachment " + f + " does not exist");
                }
            }
        }
        return uploads;
    }

    static Assignee assignee(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("agent:")) {
            return Assignee.agent(text.substring(6));
        }
        if (text.startsWith("department:")) {
            return Assignee.department(text.substring(11));
        }
        throw new CliUsageException("--assignee must be agent:ID or department:ID, not '" + text + "'");
    }

    static Ticket ticket(TicketService tickets, long number) {
        return tickets.findByNumber(number).orElseThrow(() -> new NotFoundException("there is no ticket #" + number + " in this property"));
    }

    /** Sends the queued emails now, through the console mailer. */
    static void dispatch(CliCommand command) {
        command.session().sdk().emailDispatcher().runOnce();
    }

    static void print(PrintWriter out, TicketService tickets, Ticket t, ZoneId zone) {
        out.printf("  ticket #%d  %s  %s  priority %s%s%n", t.number(), t.status(), t.subject(), t.priority(),
                t.assignee() == null ? "" : "  assigned to " + t.assignee().kind().name().toLowerCase(java.util.Locale.ROOT) + " " + t.assignee().id());
        out.println("    to " + t.toAddress() + (t.tags().isEmpty() ? "" : "  tags " + String.join(", ", t.tags())));
        for (TicketMessage m : tickets.messages(t.id())) {
            out.printf("    %s  %s%s%n", ValueCodec.display(m.created(), zone), m.sender().name().toLowerCase(java.util.Locale.ROOT),
                    m.delivery() == null ? "" : " (email " + m.delivery().status().name().toLowerCase(java.util.Locale.ROOT) + ")");
            for (String line : m.body().split("\n")) {
                out.println("      " + line);
            }
            for (Attachment a : m.attachments()) {
                out.println("      [attachment] " + a.name() + " (" + a.size() + " bytes)");
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, description = "Create a ticket and email it to the contact.")
    static final class Create extends CliCommand {
        @Parameters(paramLabel = "CONTACT", description = "The contact's id or one of its email addresses.")
        String contact;

        @Option(names = "--to", paramLabel = "EMAIL", description = "Address to write to (default: the primary email); a new one is added to the profile.")
        String to;

        @Option(names = "--subject", required = true, description = "Subject.")
        String subject;

        @Option(names = "--message", required = true, description = "The message, plain text.")
        String message;

        @Option(names = "--attach", paramLabel = "FILE", description = "A file to attach (repeatable).")
        List<Path> attach;

        @Option(names = "--assignee", paramLabel = "agent:ID|department:ID", description = "Who handles it.")
        String assignee;

        @Option(names = "--priority", defaultValue = "MEDIUM", description = "LOWEST, LOW, MEDIUM, HIGH or HIGHEST (default: ${DEFAULT-VALUE}).")
        Priority priority;

        @Option(names = "--tags", split = ",", description = "Tags.")
        List<String> tags;

        @Option(names = "--agent", defaultValue = "cli", description = "The agent creating it (default: ${DEFAULT-VALUE}).")
        String agent;

        @Override
        public Integer call() throws IOException {
            Contact c = contact(contact);
            String address = to != null ? to : c.primaryEmail();
            if (address == null) {
                throw new CliUsageException("contact " + c.id() + " has no email: give --to ADDRESS");
            }
            NewTicket.Builder b = NewTicket.builder(c.id(), address).subject(subject).body(message).assignee(assignee(assignee))
                    .priority(priority).tags(tags == null ? List.of() : tags).author(agent);
            for (AttachmentUpload u : uploads(attach)) {
                b.attach(u);
            }
            Ticket t = property().tickets().create(b.build());
            out().println("created ticket #" + t.number() + " for " + address);
            dispatch(this);
            return ContactsCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tickets by number, or those of one contact.")
    static final class ListTickets extends CliCommand {
        @Option(names = "--contact", paramLabel = "CONTACT", description = "Only this contact's tickets (id or email), newest first.")
        String contact;

        @Option(names = "--after", defaultValue = "0", description = "Start after this ticket number.")
        long after;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "Most tickets, 1..1000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            TicketService tickets = property().tickets();
            List<Ticket> list = contact == null ? tickets.list(after, limit) : tickets.ofContact(contact(contact).id());
            Table table = new Table(List.of("#", "status", "priority", "to", "subject"));
            for (Ticket t : list) {
                table.add(List.of(String.valueOf(t.number()), t.status().name(), t.priority().name(), t.toAddress(), t.subject()));
            }
            table.print(out(), "");
            return ContactsCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a ticket and its messages.")
    static final class Show extends CliCommand {
        @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
        long number;

        @Override
        public Integer call() {
            TicketService tickets = property().tickets();
            print(out(), tickets, ticket(tickets, number), session().zone());
            return ContactsCli.OK;
        }
    }

    @Command(name = "reply", mixinStandardHelpOptions = true, description = "Reply on a ticket: an agent's reply is emailed, a contact's is recorded.")
    static final class Reply extends CliCommand {
        @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
        long number;

        @Option(names = "--message", required = true, description = "The reply.")
        String message;

        @Option(names = "--from-contact", description = "Record a reply the contact sent (not emailed).")
        boolean fromContact;

        @Option(names = "--agent", defaultValue = "cli", description = "The replying agent (default: ${DEFAULT-VALUE}).")
        String agent;

        @Option(names = "--attach", paramLabel = "FILE", description = "A file to attach (repeatable).")
        List<Path> attach;

        @Override
        public Integer call() throws IOException {
            TicketService tickets = property().tickets();
            Ticket t = ticket(tickets, number);
            AttachmentUpload[] files = uploads(attach).toArray(new AttachmentUpload[0]);
            tickets.reply(t.id(), fromContact ? NewMessage.fromContact(message, files) : NewMessage.fromAgent(agent, message, files));
            out().println("replied on ticket #" + number);
            dispatch(this);
            return ContactsCli.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Change a ticket's status.")
    static final class Status extends CliCommand {
        @Parameters(index = "0", paramLabel = "NUMBER", description = "The ticket number.")
        long number;

        @Parameters(index = "1", paramLabel = "STATUS", description = "OPEN, PENDING, SOLVED or CLOSED.")
        TicketStatus status;

        @Override
        public Integer call() {
            TicketService tickets = property().tickets();
            Ticket t = ticket(tickets, number);
            tickets.update(t.id(), t.version(), TicketUpdate.status(status));
            out().println("ticket #" + number + " is " + status);
            return ContactsCli.OK;
        }
    }
}
