package dev.contacts.cli;

import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.CsvRowWriter;
import dev.contacts.cli.io.JsonLinesRowWriter;
import dev.contacts.cli.io.RowWriter;
import dev.contacts.cli.io.ValueCodec;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.Contact;
import dev.contacts.model.Target;
import dev.contacts.query.Cursor;
import dev.contacts.query.ListView;
import dev.contacts.query.Query;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contacts find}: one page of the contacts matching a filter, in the columns of the list view or those asked for. */
@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List contacts matching a filter, sorted, a page at a time.",
            "Columns and sort default to the property's list view (see 'contacts views'), which starts as primaryEmail, "
                    + "primaryPhone, organization, tags, lastSeen sorted by lastSeen:desc.",
            "Example: contacts find --filter 'tags is \"vip\"' --columns +country,+lastLiveChat --sort lastSeen:desc"})
final class FindCommand extends CliCommand {
    @Mixin
    QueryOptions query;

    @Option(names = {"-c", "--columns"}, paramLabel = "A,B,C", split = ",",
            description = "Columns to show instead of the list view's; +name adds a column to them. Any attribute, "
                    + "custom.<key>, id, or organizations.")
    List<String> columns;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "Most contacts to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--agent", paramLabel = "ID", description = "Use this agent's own list view, if it saved one.")
    String agent;

    @Override
    public Integer call() {
        PropertyContacts p = property();
        ListView view = agent == null ? p.listViews().get(Target.CONTACT) : p.listViews().get(Target.CONTACT, agent);
        Query first = query.query(session().zoneOverride(), 1);
        if (query.sort == null) {
            first = first.withSort(view.sort());
        }
        print(this, first, columns(view.columns(), columns), limit, format);
        return ContactsCli.OK;
    }

    /**
     * Prints contacts: a table with the number of matches and the next cursor, or CSV / JSON Lines (the next cursor
     * then goes to standard error).
     *
     * @param command the command printing
     * @param first   the query of the first page
     * @param columns the columns, unchecked
     * @param limit   most contacts
     * @param format  how
     */
    static void print(CliCommand command, Query first, List<String> columns, long limit, OutputFormat format) {
        if (limit < 1) {
            throw new CliUsageException("--limit must be at least 1, not " + limit);
        }
        PropertyContacts p = command.property();
        List<String> names = ContactColumns.check(p.attributes().catalog(Target.CONTACT), columns);
        ContactColumns cols = new ContactColumns(names, command.organizationNames());
        ZoneId zone = command.session().zone();
        if (format == OutputFormat.table) {
            Table table = new Table(names);
            Cursor next = command.walk(first, limit, c -> table.add(row(cols, c, zone)));
            table.print(command.out(), "");
            long total = p.contacts().count(first);
            command.out().printf("%d of %,d contacts matching: %s (sorted by %s)%n", table.size(), total,
                    FilterPrinter.print(first.filter()), first.sort() == null ? "the default" : first.sort());
            if (next != null) {
                command.out().println("next page: --cursor " + next);
            }
            return;
        }
        try (RowWriter writer = format == OutputFormat.csv ? new CsvRowWriter(command.out(), names)
                : new JsonLinesRowWriter(command.out(), names, false)) {
            Cursor next = command.walk(first, limit, c -> writer.write(cols.values(c)));
            if (next != null) {
                command.err().println("next page: --cursor " + next);
            }
        }
    }

    /**
     * @param cols the columns
     * @param c    a contact
     * @param zone zone of dates
     * @return its cells in a table
     */
    static List<String> row(ContactColumns cols, Contact c, ZoneId zone) {
        List<String> cells = new ArrayList<>();
        for (Object v : cols.values(c)) {
            cells.add(ValueCodec.display(v, zone));
        }
        return cells;
    }

    /**
     * @param base      the list view's columns
     * @param requested {@code --columns}, or null
     * @return the columns: the base ones, the base ones plus those given with {@code +}, or those given
     */
    static List<String> columns(List<String> base, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return base;
        }
        boolean adding = requested.stream().allMatch(c -> c.strip().startsWith("+"));
        List<String> result = new ArrayList<>(adding ? base : List.of());
        for (String c : requested) {
            String name = c.strip().startsWith("+") ? c.strip().substring(1).strip() : c.strip();
            if (!name.isEmpty() && !result.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }
}
