package dev.contacts.cli;

import dev.contacts.Contacts;
import dev.contacts.AttributeInUseException;
import dev.contacts.NotConfiguredException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.OrganizationNames;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Assignee;
import dev.contacts.model.ChatMessage;
import dev.contacts.model.LiveChat;
import dev.contacts.model.Note;
import dev.contacts.model.TimelineKind;
import dev.contacts.model.WebSession;
import dev.contacts.model.Contact;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Priority;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Ticket;
import dev.contacts.query.ListView;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.SegmentSummary;
import dev.contacts.query.Sort;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code contacts demo}: (re)creates the property {@code demo}, loads a deterministic
 * realistic dataset and walks through every feature of the product description, printing
 * each step and the command that does the same.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk through every feature on a deterministic sample dataset.",
            "(Re)creates the property 'demo' (and 'demo-other'), loads a few thousand realistic contacts, organizations and "
                    + "custom attributes, then shows: default columns, an added column, sorting, positive and negative "
                    + "filters, filter groups, custom attributes, segments saved and reopened, a profile, a note, a ticket with an attachment "
                    + "(its email printed by the console mailer), activity and the timeline by kind, a call without telephony, and a second property that sees none of it. "
                    + "The clock is the sample data's reference instant unless --now is given, so the output is the same "
                    + "on every run (but for the random part of email Message-IDs).",
            "Example: contacts demo --now 2026-01-01T00:00:00Z"})
final class DemoCommand extends CliCommand {
    static final String DEMO = "demo";
    static final String OTHER = "demo-other";
    /** The filter group of the walkthrough: groups of ANDed filters, ORed together. */
    static final String GROUP = "(country is \"FR\" and tags is \"vip\") or (country is \"DE\" and totalLiveChats >= 2)"
            + " or organization.name contains \"tech\"";

    @Option(names = "--size", defaultValue = "3000", description = "Contacts to load (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the dataset (default: ${DEFAULT-VALUE}).")
    long seed;

    private PrintWriter out;
    private int step;
    private ZoneId zone;
    private PropertyContacts demo;
    private OrganizationNames organizationNames;

    @Override
    public Integer call() {
        if (size < 200 || size > 1_000_000) {
            throw new CliUsageException("--size must be 200..1000000, not " + size);
        }
        out = out();
        Session session = root().session(out, SampleData.REFERENCE_NOW);
        Contacts sdk = session.sdk();
        zone = session.zoneOverride() != null ? session.zoneOverride() : ZoneId.of("Europe/Paris");
        load(sdk);
        organizationNames = new OrganizationNames(id -> demo.organizations().get(id).name());

        listAndColumns();
        filters();
        customAttributes();
        segments();
        Contact ada = profile();
        notes(ada);
        ticket(sdk, ada);
        timeline(ada);
        call(ada);
        otherProperty(sdk, ada);

        heading("Done");
        out.println("Each step above goes through the SDK's public API; the commands shown do the same on a store that keeps its data.");
        if (session.storeUrl().startsWith("mem:")) {
            out.println("This run used mem:, which forgets everything now. Give --store with a persistent store "
                    + "(such as the default, " + ContactsCli.DEFAULT_STORE + ") to keep the demo data.");
        } else {
            out.println("The data stays in " + session.storeUrl() + ": try contacts --store " + session.storeUrl()
                    + " --property demo segments list");
        }
        return ContactsCli.OK;
    }

    private void load(Contacts sdk) {
        sdk.deleteProperty(PropertyId.of(DEMO));
        sdk.createProperty(Property.of(DEMO, "Demo helpdesk", zone));
        SampleData data = SampleData.generate(SampleSpec.realistic(seed, size));
        PropertyId source = data.properties().get(0).id();
        PropertyId target = PropertyId.of(DEMO);
        data.load(source, sdk.store(), target);
        demo = sdk.property(target);
        DemoActivity.Counts extra = DemoActivity.load(sdk, demo, data, source);
        out.println("contacts demo: property 'demo' (zone " + zone + ") loaded with " + String.format("%,d", demo.contacts().count(Filter.all()))
                + " contacts, " + String.format("%,d", demo.organizations().count(Filter.all())) + " organizations, "
                + demo.attributes().catalog(Target.CONTACT).custom().size() + " custom contact attributes (sample data, seed " + seed + "), "
                + String.format("%,d web sessions, %,d chats, %,d notes and %,d tickets", extra.webSessions(), extra.chats(), extra.notes(),
                extra.tickets()) + " (their emails sent through a silent mailer).");
        out.println("Clock: " + sdk.clock().instant() + ". Each step prints the command that does the same on a persistent store.");
    }

    private void listAndColumns() {
        heading("The contact list, default columns (primary email, primary phone, organization, tags, last seen), newest first");
        command("find --limit 8");
        ListView builtIn = demo.listViews().get(Target.CONTACT);
        table(Query.all().withSort(builtIn.sort()), builtIn.columns(), 8);

        heading("Adding columns: country, city and last live chat, saved in the property's list view");
        command("views set --columns +country,+city,+lastLiveChat");
        ListView saved = demo.listViews().save(ListView.ofProperty(Target.CONTACT,
                FindCommand.columns(builtIn.columns(), List.of("+country", "+city", "+lastLiveChat")), builtIn.sort()));
        out.println("  saved property view: columns " + String.join(", ", saved.columns()) + "; sort " + saved.sort());
        command("find --limit 8");
        table(Query.all().withSort(saved.sort()), saved.columns(), 8);

        heading("Sorting by a column: primary email, A to Z");
        command("find --limit 5 --sort primaryEmail:asc");
        table(Query.all().withSort(Sort.asc("primaryEmail")), saved.columns(), 5);

        heading("Sorting by last live chat, oldest first: contacts who never chatted come last in both directions");
        command("find --limit 5 --sort lastLiveChat:asc --columns primaryEmail,lastLiveChat");
        table(Query.all().withSort(Sort.asc("lastLiveChat")), List.of("primaryEmail", "lastLiveChat"), 5);
    }

    private void filters() {
        heading("Positive and negative filters: negatives are exact complements, so they include unknown values");
        long all = demo.contacts().count(Filter.all());
        Table counts = new Table(List.of("filter", "contacts"));
        for (String f : List.of("tags is \"vip\"", "tags is not \"vip\"", "tags contains \"news\"", "tags does not contain \"news\"",
                "tags is unknown", "country is \"FR\"", "country is not \"FR\"", "lastSeen within last 30 days",
                "lastSeen more than 6 months ago")) {
            counts.add(List.of(f, String.format("%,d", demo.contacts().count(filter(f)))));
        }
        command("count --filter 'tags is not \"vip\"'");
        counts.print(out, "  ");
        long vip = demo.contacts().count(filter("tags is \"vip\""));
        long notVip = demo.contacts().count(filter("tags is not \"vip\""));
        out.printf("  tags is \"vip\" + tags is not \"vip\" = %,d + %,d = %,d = all contacts (%,d)%n", vip, notVip, vip + notVip, all);

        heading("Filter groups: one group OR another, each group ANDs its filters");
        command("find --filter '" + GROUP + "' --columns primaryEmail,country,tags,totalLiveChats,organization");
        Filter parsed = filter(GROUP);
        out.println("  canonical form: " + FilterPrinter.print(parsed));
        table(Query.of(parsed), List.of("primaryEmail", "country", "tags", "totalLiveChats", "organization"), 6);
        out.printf("  %,d contacts match%n", demo.contacts().count(parsed));
    }

    private void customAttributes() {
        heading("Custom attributes: the dataset's own, usable in filters and columns like the built-in ones");
        command("attributes list");
        Table defs = new Table(List.of("name", "type", "label"));
        for (AttributeDefinition d : ContactColumns.sorted(demo.attributes().catalog(Target.CONTACT).custom())) {
            defs.add(List.of(d.name(), d.type().name(), d.label()));
        }
        defs.print(out, "  ");
        String f = "custom.plan is any of [\"business\", \"enterprise\"] and custom.vip is true";
        command("find --filter '" + f + "' --columns primaryEmail,custom.plan,custom.score,custom.renewal");
        table(Query.of(filter(f)).withSort(Sort.desc("custom.score")), List.of("primaryEmail", "custom.plan", "custom.score", "custom.renewal"), 5);
        out.printf("  %,d contacts match%n", demo.contacts().count(filter(f)));

        heading("Adding, renaming and deleting a custom attribute");
        command("attributes define nps --type NUMBER --label \"NPS\"");
        demo.attributes().define(Target.CONTACT, "nps", "NPS", AttributeType.NUMBER);
        List<Contact> some = demo.contacts().find(Query.of(filter("custom.plan is \"enterprise\"")).withSort(Sort.asc("primaryEmail")).withPageSize(3)).items();
        int score = 10;
        for (Contact c : some) {
            demo.contacts().update(c.id(), AttributeChanges.builder().set("custom.nps", score--).build());
        }
        command("attributes relabel nps --label \"Net promoter score\"");
        AttributeDefinition relabelled = demo.attributes().relabel(Target.CONTACT, "custom.nps", "Net promoter score");
        out.println("  " + relabelled.name() + " is now labelled \"" + relabelled.label() + "\"");
        command("find --filter 'custom.nps >= 9' --columns primaryEmail,custom.plan,custom.nps");
        table(Query.of(filter("custom.nps >= 9")).withSort(Sort.desc("custom.nps")), List.of("primaryEmail", "custom.plan", "custom.nps"), 5);
        command("attributes delete nps");
        demo.attributes().delete(Target.CONTACT, "custom.nps");
        out.println("  custom.nps is deleted with its values; a filter on it is now an error:");
        try {
            demo.contacts().count(filter("custom.nps >= 9"));
        } catch (dev.contacts.UnknownAttributeException e) {
            out.println("  contacts: " + e.getMessage());
        }
    }

    private void segments() {
        heading("Saving the filter group as a segment, listing segments, reopening and editing one");
        List<String> columns = List.of("primaryEmail", "country", "tags", "totalLiveChats", "lastSeen");
        command("segments save 'FR VIPs and chatty Germans' --filter '" + GROUP + "' --columns " + String.join(",", columns));
        Segment group = demo.segments().save(Target.CONTACT, "FR VIPs and chatty Germans", filter(GROUP), columns, Sort.desc("lastSeen"));
        command("segments save 'Paying plans' --filter 'custom.plan is any of [\"pro\", \"business\", \"enterprise\"]'");
        demo.segments().save(Target.CONTACT, "Paying plans", filter("custom.plan is any of [\"pro\", \"business\", \"enterprise\"]"),
                List.of("primaryEmail", "custom.plan", "custom.renewal"), Sort.asc("custom.renewal"));
        command("segments list");
        Table list = new Table(List.of("name", "matches", "filter"));
        for (SegmentSummary summary : demo.segments().list(Target.CONTACT)) {
            list.add(List.of(summary.segment().name(), String.format("%,d", summary.count().getAsLong()), summary.segment().filter()));
        }
        list.print(out, "  ");
        command("segments show 'FR VIPs and chatty Germans' --limit 5");
        Segment reopened = demo.segments().findByName(Target.CONTACT, "fr vips and CHATTY germans").orElseThrow();
        table(demo.segments().query(reopened.id()), reopened.columns(), 5);
        command("segments edit 'FR VIPs and chatty Germans' --filter '(" + GROUP + ") and lastSeen within last 90 days'");
        Segment edited = demo.segments().edit(group.id(), group.version(), filter("(" + GROUP + ") and lastSeen within last 90 days"),
                columns, Sort.desc("lastSeen"));
        out.printf("  now %,d matches (version %d): %s%n", demo.segments().count(edited.id()), edited.version(), edited.filter());
        command("attributes delete plan");
        try {
            demo.attributes().delete(Target.CONTACT, "custom.plan");
            out.println("  unexpected: custom.plan was deleted");
        } catch (AttributeInUseException e) {
            // the SDK's message also names the segments' ids, which differ on every run: the demo prints their names
            out.println("  refused: " + e.attribute() + " is used by the segment(s) "
                    + e.segments().stream().map(x -> "'" + x.name() + "'").collect(java.util.stream.Collectors.joining(", "))
                    + "; edit or delete them first, or delete it with --force   (exit code 2)");
        }
    }

    private Contact profile() {
        heading("A contact's profile: editing its attributes and linking it to another organization");
        Contact found = demo.contacts().find(Query.of(filter("tags is \"vip\" and organization has any value and phones has any value"))
                .withSort(Sort.asc("primaryEmail")).withPageSize(1)).items().get(0);
        String linkedin = "https://www.linkedin.com/in/" + found.primaryEmail().substring(0, found.primaryEmail().indexOf('@')).replace(".", "");
        command("set " + found.primaryEmail() + " jobTitle='Head of finance' linkedinUrl=" + linkedin + " custom.plan=enterprise");
        demo.contacts().update(found.id(), AttributeChanges.builder().set("jobTitle", "Head of finance").set("linkedinUrl", linkedin)
                .set("custom.plan", "enterprise").build());
        dev.contacts.model.Organization other = demo.organizations().find(Query.all().withPageSize(10)).items().stream()
                .filter(o -> !found.organizations().contains(o.id())).findFirst().orElseThrow();
        command("orgs link " + found.primaryEmail() + " '" + other.name() + "'");
        Contact ada = demo.contacts().linkOrganization(found.id(), other.id());
        command("show " + ada.primaryEmail());
        ShowCommand.print(out, demo, ada, zone, organizationNames.names(ada.organizations()));
        return ada;
    }

    private void notes(Contact ada) {
        heading("Adding a note (internal: every agent of the property sees it, the contact never does)");
        command("notes add " + ada.primaryEmail() + " --author alice --text 'Called her: prefers email, billing address outdated'");
        Note note = demo.notes().add(ada.id(), "alice", "Called her: prefers email, billing address outdated");
        command("notes edit NOTE-ID --editor bob --text '...'");
        demo.notes().edit(note.id(), "bob", "Called her: prefers email; the billing address is fixed now", note.version());
        command("notes list " + ada.primaryEmail());
        for (Note n : demo.notes().list(ada.id(), 10, null).items()) {
            NotesCommand.print(out, n, zone, false);
        }
    }

    private void ticket(Contacts sdk, Contact ada) {
        heading("Creating a ticket with an attachment: the email goes out through the host's mailer (here: printed)");
        String local = ada.primaryEmail().substring(0, ada.primaryEmail().indexOf('@'));
        String newAddress = local + "@billing.example.com";
        command("tickets create " + ada.primaryEmail() + " --to " + newAddress + " --subject 'Your December invoice' "
                + "--message '...' --attach invoice-2025-12.txt --assignee department:billing --priority HIGH --tags billing");
        byte[] invoice = ("Invoice 2025-12\nCustomer: " + ada.name() + "\nTotal: 49.00 EUR\n").getBytes(StandardCharsets.UTF_8);
        Ticket t = demo.tickets().create(NewTicket.builder(ada.id(), newAddress)
                .subject("Your December invoice")
                .body("Hello " + (ada.name() == null ? "" : ada.name()) + ",\n\nplease find your December invoice attached.\n\nThe billing team")
                .attach(AttachmentUpload.of("invoice-2025-12.txt", "text/plain", invoice))
                .assignee(Assignee.department("billing")).priority(Priority.HIGH).tags(List.of("billing")).author("alice").build());
        out.println("  created ticket #" + t.number() + "; " + newAddress + " was added to the profile's emails");
        sdk.emailDispatcher().runOnce();

        heading("The conversation goes on: the contact answers, an agent replies (threaded under the first email)");
        command("tickets reply " + t.number() + " --from-contact --message 'Paid today, thanks!'");
        demo.tickets().reply(t.id(), NewMessage.fromContact("Paid today, thanks!"));
        command("tickets reply " + t.number() + " --agent alice --message 'Received, thank you.'");
        demo.tickets().reply(t.id(), NewMessage.fromAgent("alice", "Received, thank you. Have a nice day!"));
        sdk.emailDispatcher().runOnce();
        command("tickets show " + t.number());
        TicketsCommand.print(out, demo.tickets(), demo.tickets().get(t.id()), zone);
        Contact after = demo.contacts().get(ada.id());
        out.println("  the profile now has emails " + after.emails() + " and totalTickets " + after.totalTickets()
                + " (lastTicket " + after.lastTicket() + ")");
    }

    private void timeline(Contact ada) {
        heading("Activity reported by the host: a live chat (idempotent by its external id) and a web session");
        Instant chatStart = SampleData.REFERENCE_NOW.minus(Duration.ofHours(3));
        LiveChat chat = LiveChat.of("demo-chat-1", ada.id(), chatStart, List.of(
                ChatMessage.visitor("Hi, I cannot find my December invoice.", chatStart),
                ChatMessage.agent("alice", "Hello! I am emailing it to you right now.", chatStart.plusSeconds(40))));
        out.println("  ingest chat demo-chat-1: " + demo.activity().ingest(chat) + "; the same chat again: " + demo.activity().ingest(chat));
        Instant webStart = SampleData.REFERENCE_NOW.minus(Duration.ofHours(4));
        out.println("  ingest web session demo-web-1: " + demo.activity().ingest(WebSession.builder("demo-web-1", ada.id(), webStart)
                .end(webStart.plus(Duration.ofMinutes(12))).pagesViewed(6).country(ada.country()).city(ada.city())
                .browser("Firefox").os("Linux").build()));
        Contact after = demo.contacts().get(ada.id());
        out.println("  the profile's statistics follow: totalLiveChats " + after.totalLiveChats() + ", totalWebSessions "
                + after.totalWebSessions() + ", lastSeen " + dev.contacts.cli.io.ValueCodec.display(after.lastSeen(), zone));

        heading("The timeline: notes, chat transcripts and ticket emails, newest first, and by kind");
        command("timeline " + ada.primaryEmail());
        TimelineCommand.print(out, demo.timeline().page(ada.id(), Set.of(), 20, null).items(), zone);
        for (TimelineKind kind : TimelineKind.values()) {
            command("timeline " + ada.primaryEmail() + " --kind " + kind);
            TimelineCommand.print(out, demo.timeline().page(ada.id(), Set.of(kind), 20, null).items(), zone);
        }
    }

    private void call(Contact ada) {
        heading("Calling a contact without a telephony provider");
        command("call " + ada.primaryEmail());
        try {
            demo.calls().call(ada.id(), ada.primaryPhone(), "alice");
            out.println("  unexpected: the call started");
        } catch (NotConfiguredException e) {
            out.println("  contacts: " + e.getMessage() + "   (exit code 2)");
        }
    }

    private void otherProperty(Contacts sdk, Contact ada) {
        heading("A second property sees none of it");
        sdk.deleteProperty(PropertyId.of(OTHER));
        sdk.createProperty(Property.of(OTHER, "Another helpdesk", zone));
        PropertyContacts other = sdk.property(OTHER);
        command("--property " + OTHER + " count");
        out.println("  " + other.contacts().count(Filter.all()) + " contacts, " + other.organizations().count(Filter.all())
                + " organizations, " + other.attributes().catalog(Target.CONTACT).custom().size() + " custom attributes, "
                + other.tickets().list(0, 10).size() + " tickets");
        command("--property " + OTHER + " show " + ada.id());
        try {
            other.contacts().get(ada.id());
            out.println("  unexpected: the contact is visible");
        } catch (NotFoundException e) {
            out.println("  contacts: " + e.getMessage() + "   (exit code 2)");
        }
        command("--property " + OTHER + " count --filter 'custom.plan is \"pro\"'");
        try {
            other.contacts().count(filter("custom.plan is \"pro\""));
        } catch (dev.contacts.UnknownAttributeException e) {
            out.println("  contacts: " + e.getMessage() + "   (custom attributes are per property too)");
        }
    }

    private void heading(String title) {
        out.println();
        out.println("== " + (title.equals("Done") ? "" : ++step + ". ") + title);
    }

    private void command(String args) {
        out.println("$ contacts " + (args.startsWith("--property") ? "" : "--property " + DEMO + " ") + args);
    }

    private void table(Query query, List<String> columns, int limit) {
        ContactColumns cols = new ContactColumns(columns, organizationNames);
        Table table = new Table(columns);
        for (Contact c : demo.contacts().find(query.withPageSize(limit)).items()) {
            table.add(FindCommand.row(cols, c, zone));
        }
        table.print(out, "  ");
    }

}
