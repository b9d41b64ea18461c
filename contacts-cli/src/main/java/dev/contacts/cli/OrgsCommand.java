package dev.contacts.cli;

import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.ValueCodec;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Organization;
import dev.contacts.model.Target;
import dev.contacts.query.Page;
import dev.contacts.query.ListView;
import dev.contacts.query.Query;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts orgs}: organizations, with the same filter, sort and paging as contacts. */
@Command(name = "orgs", mixinStandardHelpOptions = true,
        description = {"List, create, show and delete organizations.",
            "Example: contacts orgs list --filter 'name contains \"acme\"'"},
        subcommands = {OrgsCommand.ListOrgs.class, OrgsCommand.Create.class, OrgsCommand.Show.class, OrgsCommand.Link.class,
            OrgsCommand.Unlink.class, OrgsCommand.Delete.class})
final class OrgsCommand extends CliCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return ContactsCli.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organizations matching a filter, in the organization list view's columns and sort.")
    static final class ListOrgs extends CliCommand {
        @Mixin
        QueryOptions query;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "Most organizations to print, 1..1000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            ListView view = property().listViews().get(Target.ORGANIZATION);
            Query q = query.query(session().zoneOverride(), Math.max(1, Math.min(limit, Query.MAX_PAGE_SIZE)));
            if (query.sort == null) {
                q = q.withSort(view.sort());
            }
            List<String> columns = FindCommand.columns(List.of("name"), view.columns().stream().map(c -> "+" + c).toList());
            Page<Organization> page = property().organizations().find(q);
            print(this, page, columns);
            out().printf("%d of %,d organizations matching: %s%n", page.items().size(), property().organizations().count(q),
                    query.canonicalFilter());
            return ContactsCli.OK;
        }
    }

    /**
     * Prints organizations in a table and the cursor of the next page.
     *
     * @param command the command printing
     * @param page    the page
     * @param columns the columns
     */
    static void print(CliCommand command, Page<? extends dev.contacts.model.Attributed> page, List<String> columns) {
        ZoneId zone = command.session().zone();
        Table table = new Table(columns);
        for (dev.contacts.model.Attributed o : page.items()) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(ValueCodec.display(o.value(c), zone));
            }
            table.add(cells);
        }
        table.print(command.out(), "");
        if (page.nextCursor() != null) {
            command.out().println("next page: --cursor " + page.nextCursor());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = {"Create an organization (names are unique per property).",
        "Example: contacts orgs create \"ACME Corp\" --domains acme.example --country FR"})
    static final class Create extends CliCommand {
        @Parameters(paramLabel = "NAME", description = "Its name.")
        String name;

        @Option(names = "--domains", split = ",", description = "Its web domains.")
        List<String> domains;

        @Option(names = "--tags", split = ",", description = "Tags.")
        List<String> tags;

        @Option(names = "--country", description = "ISO 3166-1 alpha-2 country code.")
        String country;

        @Option(names = "--city", description = "City.")
        String city;

        @Override
        public Integer call() {
            AttributeChanges.Builder b = AttributeChanges.builder().set("name", name);
            if (domains != null) {
                b.set("domains", domains);
            }
            if (tags != null) {
                b.set("tags", tags);
            }
            if (country != null) {
                b.set("country", country);
            }
            if (city != null) {
                b.set("city", city);
            }
            Organization o = property().organizations().create(b.build());
            out().println("created organization " + o.name() + " (" + o.id() + ")");
            return ContactsCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an organization and its first contacts.")
    static final class Show extends CliCommand {
        @Parameters(paramLabel = "ORG", description = "Its id or name.")
        String org;

        @Override
        public Integer call() {
            Organization o = organization(org);
            ZoneId zone = session().zone();
            out().println("  " + o.name() + "   id " + o.id());
            for (AttributeDefinition d : ContactColumns.sorted(property().attributes().list(Target.ORGANIZATION))) {
                Object v = o.value(d.name());
                if (v != null && !d.name().equals("name")) {
                    out().printf("    %-22s %s%n", d.label(), ValueCodec.display(v, zone));
                }
            }
            Page<dev.contacts.model.Contact> people = property().contacts()
                    .find(Query.of(Filter.attr("organization").is(o.id().toString())).withPageSize(10));
            for (dev.contacts.model.Contact c : people.items()) {
                out().println("    contact  " + (c.name() == null ? "" : c.name() + " ") + "<" + c.primaryEmail() + ">");
            }
            return ContactsCli.OK;
        }
    }

    /** A contact and an organization, for linking. */
    static final class Pair {
        @Parameters(index = "0", paramLabel = "CONTACT", description = "The contact's id or one of its email addresses.")
        String contact;

        @Parameters(index = "1", paramLabel = "ORG", description = "The organization's id or name.")
        String org;
    }

    @Command(name = "link", mixinStandardHelpOptions = true, description = {"Link a contact to an organization.",
        "Example: contacts orgs link ada@example.com ACME"})
    static final class Link extends CliCommand {
        @Mixin
        Pair pair;

        @Override
        public Integer call() {
            Organization o = organization(pair.org);
            property().contacts().linkOrganization(contact(pair.contact).id(), o.id());
            out().println("linked " + pair.contact + " to " + o.name());
            return ContactsCli.OK;
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true, description = "Unlink a contact from an organization.")
    static final class Unlink extends CliCommand {
        @Mixin
        Pair pair;

        @Override
        public Integer call() {
            Organization o = organization(pair.org);
            property().contacts().unlinkOrganization(contact(pair.contact).id(), o.id());
            out().println("unlinked " + pair.contact + " from " + o.name());
            return ContactsCli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an organization (its contacts are unlinked, not deleted).")
    static final class Delete extends CliCommand {
        @Parameters(paramLabel = "ORG", description = "Its id or name.")
        String org;

        @Override
        public Integer call() {
            Organization o = organization(org);
            property().organizations().delete(o.id());
            out().println("deleted organization " + o.name());
            return ContactsCli.OK;
        }
    }
}
