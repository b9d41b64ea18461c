package dev.contacts.cli;

import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.CsvRowWriter;
import dev.contacts.cli.io.JsonLinesRowWriter;
import dev.contacts.cli.io.OrganizationNames;
import dev.contacts.cli.io.RowWriter;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts generate}: realistic synthetic contacts from the sample-data generator, ready for import. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write N synthetic contacts as JSON Lines or CSV (deterministic by --seed).",
            "Realistic contacts that import reads, for trying the tool and for benchmarks. They use the custom attributes listed on "
                + "standard error: import with --create-attributes, or define those first.",
            "Example: contacts generate 1000 --seed 7 --output people.jsonl && contacts import people.jsonl --create-attributes"})
final class GenerateCommand extends CliCommand {
    @Parameters(paramLabel = "N", description = "How many contacts.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or csv.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        if (count < 0 || count > SampleSpec.MAX_PER_PROPERTY) {
            throw new CliUsageException("N must be 0.." + SampleSpec.MAX_PER_PROPERTY + ", not " + count);
        }
        SampleData data = SampleData.generate(SampleSpec.realistic(seed, count));
        PropertyId p = data.properties().get(0).id();
        Map<OrganizationId, String> names = new HashMap<>();
        for (Organization o : data.organizations(p)) {
            names.put(o.id(), o.name());
        }
        List<AttributeDefinition> custom = data.attributes(p);
        AttributeCatalog catalog = AttributeCatalog.of(Target.CONTACT, custom);
        List<String> columns = ContactColumns.exportColumns(catalog).subList(1, ContactColumns.exportColumns(catalog).size()); // no id
        ContactColumns cols = new ContactColumns(columns, new OrganizationNames(names::get));
        OutputFormat f = output != null ? CliFiles.format(output.toString(), format) : CliFiles.format("-", format == null ? OutputFormat.jsonl : format);
        try {
            CliFiles.write(output, out(), w -> {
                try (RowWriter writer = f == OutputFormat.csv ? new CsvRowWriter(w, columns) : new JsonLinesRowWriter(w, columns, false)) {
                    data.contactsStream(p).forEach(c -> writer.write(cols.values(c)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err().println("generated " + count + " contacts (seed " + seed + "); import them with --create-attributes to define their custom "
                + "attributes from the file, or define them first:");
        for (AttributeDefinition d : custom) {
            if (d.target() == Target.CONTACT) {
                err().println("  contacts attributes define " + d.key() + " --type " + d.type() + " --label \"" + d.label() + "\"");
            }
        }
        return ContactsCli.OK;
    }
}
