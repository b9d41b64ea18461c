package dev.contacts.cli;

import dev.contacts.cli.io.ContactColumns;
import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ValueCodec;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Target;
import dev.contacts.model.Ticket;
import dev.contacts.model.TimelineItem;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code contacts show}: one contact's profile: every known attribute, its organizations and its tickets. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a contact's profile: attributes, organizations, tickets, the latest of its timeline.",
            "Example: contacts show ada@example.com"})
final class ShowCommand extends CliCommand {
    /** Timeline items a profile shows. */
    static final int LATEST = 3;

    @Parameters(paramLabel = "CONTACT", description = "The contact's id or one of its email addresses.")
    String contact;

    @Override
    public Integer call() {
        Contact c = contact(contact);
        print(out(), property(), c, session().zone(), organizationNames().names(c.organizations()));
        return ContactsCli.OK;
    }

    /**
     * Prints a profile.
     *
     * @param out           where
     * @param p             the property
     * @param c             the contact
     * @param zone          zone of dates
     * @param organizations names of its organizations
     */
    static void print(PrintWriter out, PropertyContacts p, Contact c, ZoneId zone, List<String> organizations) {
        out.println("  " + (c.name() == null ? "(no name)" : TerminalText.escape(c.name())) + "   id " + c.id() + ", version " + c.version());
        for (AttributeDefinition d : ContactColumns.sorted(p.attributes().list(Target.CONTACT))) {
            if (d.name().equals("name") || d.name().equals("primaryEmail") || d.name().equals("primaryPhone")) {
                continue; // the name heads the profile; primaries are the first of emails and phones
            }
            Object v = d.name().equals(BuiltInAttributes.ORGANIZATION) ? organizations : c.value(d.name());
            if (v != null) {
                out.println(TerminalText.escape(String.format("    %-22s %s", d.label(), ValueCodec.display(v, zone))));
            }
        }
        List<Ticket> tickets = p.tickets().ofContact(c.id());
        for (Ticket t : tickets) {
            out.println(TerminalText.escape(String.format("    ticket #%d  %-8s %-7s %s", t.number(), t.status(), t.priority(), t.subject())));
        }
        List<TimelineItem> latest = p.timeline().page(c.id(), LATEST).items();
        if (!latest.isEmpty()) {
            out.println("    latest on the timeline (contacts timeline " + (c.primaryEmail() != null ? c.primaryEmail() : c.id()) + " shows more):");
            TimelineCommand.print(out, latest, zone);
        }
    }
}
