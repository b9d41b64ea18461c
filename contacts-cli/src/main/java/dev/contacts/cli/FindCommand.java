package dev.contacts.cli;

import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.CsvRowWriter;
import dev.contacts.cli.io.JsonLinesRowWriter;
import dev.contacts.cli.io.RowWriter;
import dev.contacts.cli.io.ValueCodec;
import dev.contacts.model.Contact;
import dev.contacts.model.Target;
import dev.contacts.query.Cursor;
import dev.contacts.query.Query;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contacts find}: one page of the contacts matching a filter, in the columns asked for. */
@Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List contacts matching a filter, sorted, a page at a time.",
            "Example: contacts find --filter 'tags is \"vip\"' --columns +country,+lastLiveChat --sort lastSeen:desc"})
final class FindCommand extends CliCommand {
    @Mixin
    QueryOptions query;

    @Option(names = {"-c", "--columns"}, paramLabel = "A,B,C", split = ",",
            description = "Columns to show (default: primaryEmail, primaryPhone, organization, tags, lastSeen); "
                    + "+name adds a column to the default ones; also id, name, organizations and custom.<key>.")
    List<String> columns;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "Most contacts to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CliUsageException("--limit must be at least 1, not " + limit);
        }
        PropertyContacts p = property();
        List<String> names = ContactColumns.check(p.attributes().catalog(Target.CONTACT), columns(columns));
        ContactColumns cols = new ContactColumns(names, organizationNames());
        ZoneId zone = session().zone();
        Query first = query.query(session().zoneOverride(), 1);
        if (format == OutputFormat.table) {
            Table table = new Table(names);
            Cursor next = walk(first, limit, c -> table.add(row(cols, c, zone)));
            table.print(out(), "");
            long total = p.contacts().count(first);
            out().printf("%d of %,d contacts matching: %s%n", table.size(), total, query.canonicalFilter());
            if (next != null) {
                out().println("next page: --cursor " + next);
            }
            return ContactsCli.OK;
        }
        try (RowWriter writer = format == OutputFormat.csv ? new CsvRowWriter(out(), names) : new JsonLinesRowWriter(out(), names, false)) {
            Cursor next = walk(first, limit, c -> writer.write(cols.values(c)));
            if (next != null) {
                err().println("next page: --cursor " + next);
            }
        }
        return ContactsCli.OK;
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
     * @param requested {@code --columns}, or null
     * @return the columns: the default ones, the default ones plus those given with {@code +}, or those given
     */
    static List<String> columns(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return ContactColumns.DEFAULT;
        }
        boolean adding = requested.stream().allMatch(c -> c.strip().startsWith("+"));
        List<String> result = new ArrayList<>(adding ? ContactColumns.DEFAULT : List.of());
        for (String c : requested) {
            String name = c.strip().startsWith("+") ? c.strip().substring(1).strip() : c.strip();
            if (!name.isEmpty() && !result.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }
}
