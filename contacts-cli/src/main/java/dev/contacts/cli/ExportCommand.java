package dev.contacts.cli;

import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.CsvRowWriter;
import dev.contacts.cli.io.JsonLinesRowWriter;
import dev.contacts.cli.io.RowWriter;
import dev.contacts.model.Target;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contacts export}: a filter's whole result, streamed page by page, in a form import reads back. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export every contact matching a filter (no cap) as JSON Lines or CSV.",
            "Streams keyset pages; import reads the file back to an equal dataset (ids are kept within a store; in another store "
                + "contacts are matched by email and get new ids).",
            "Example: contacts export --filter 'city is \"Paris\"' --format csv --output paris.csv"})
final class ExportCommand extends CliCommand {
    @Mixin
    QueryOptions query;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or csv; with --output, by default its extension.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = {"-c", "--columns"}, paramLabel = "A,B,C", split = ",",
            description = "Columns (default: id, every writable attribute, organizations by name, the custom attributes).")
    List<String> columns;

    @Override
    public Integer call() throws IOException {
        PropertyContacts p = property();
        List<String> names = columns == null ? ContactColumns.exportColumns(p.attributes().catalog(Target.CONTACT))
                : ContactColumns.check(p.attributes().catalog(Target.CONTACT), columns);
        ContactColumns cols = new ContactColumns(names, organizationNames());
        OutputFormat f = output != null ? CliFiles.format(output.toString(), format) : CliFiles.format("-", format == null ? OutputFormat.jsonl : format);
        Query first = query.query(session().zoneOverride(), Query.MAX_PAGE_SIZE);
        if (query.sort == null) {
            first = first.withSort(Sort.asc("created")); // creation order: a re-import creates them in the same order
        }
        long[] n = {0};
        Query start = first;
        CliFiles.write(output, out(), w -> {
            try (RowWriter writer = f == OutputFormat.csv ? new CsvRowWriter(w, names) : new JsonLinesRowWriter(w, names, true)) {
                walk(start, Long.MAX_VALUE, c -> {
                    writer.write(cols.values(c));
                    n[0]++;
                });
            }
        });
        if (output != null) {
            out().printf("exported %,d contacts to %s%n", n[0], output);
        }
        return ContactsCli.OK;
    }
}
