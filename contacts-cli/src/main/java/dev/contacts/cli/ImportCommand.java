package dev.contacts.cli;

import dev.contacts.ConflictException;
import dev.contacts.StoreException;
import dev.contacts.cli.io.AttributeInference;
import dev.contacts.cli.io.AttributePlan;
import dev.contacts.cli.io.ContactImporter;
import dev.contacts.cli.io.CsvSource;
import dev.contacts.cli.io.ImportReport;
import dev.contacts.cli.io.InputFormatException;
import dev.contacts.cli.io.JsonLinesSource;
import dev.contacts.cli.io.RowSource;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts import}: upserts contacts from JSON Lines or CSV, streaming, with a report of every row's fate. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import contacts from JSON Lines or CSV, with a report of every row.",
            "The file is UTF-8. Keys are attribute names (name, emails, phones, "
                + "tags, country, custom.plan, ...), plus organizations (names; missing ones are created; 'organization', the "
                + "API's name, is accepted too) and an optional id. "
                + "A row updates the contact with its id, else the one with its email, else creates one; a row needs an "
                + "email or an id. An absent key keeps the stored value, null (an empty CSV cell) clears it. In CSV, a "
                + "multi-valued cell separates values with ';' and escapes ';' and '\\' with '\\'. Custom attributes must be "
                + "defined first, or created from the file with --create-attributes. Importing the same file twice changes "
                + "nothing the second time.",
            "Exit code 2 when a row was rejected (the others are imported).",
            "Example: contacts import people.csv --dry-run"})
final class ImportCommand extends CliCommand {
    @Parameters(paramLabel = "FILE", description = "The file (.jsonl or .csv), or - for standard input.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv (default: by the file's extension).")
    OutputFormat format;

    @Option(names = "--dry-run", description = "Report what would be created, updated, unchanged or rejected; write nothing.")
    boolean dryRun;

    @Option(names = "--create-attributes",
            description = "Define each custom.* key the property lacks, typed by all its values in the file (read once before "
                    + "importing): numbers NUMBER, true/false BOOLEAN, dates DATE, arrays (or ';'-lists in CSV) TEXT_SET, else TEXT. "
                    + "A key whose values disagree is not defined and its rows are rejected, saying why.")
    boolean createAttributes;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar when standard error is a terminal (default: on).")
    boolean progress;

    @Option(names = "--show-rejected", paramLabel = "N", defaultValue = "20",
            description = "Rejected rows to list with their line numbers (default: ${DEFAULT-VALUE}; all are counted).")
    int showRejected;

    @Override
    public Integer call() throws IOException {
        OutputFormat f = CliFiles.format(file.equals("-") ? "-" : file, file.equals("-") && format == null ? OutputFormat.jsonl : format);
        if (createAttributes && file.equals("-")) {
            throw new CliUsageException("--create-attributes needs a file: it reads the file once to type the attributes, then imports it");
        }
        long size = file.equals("-") ? -1 : size(Path.of(file));
        List<AttributeDefinition> defined = new ArrayList<>();
        AttributePlan plan = createAttributes ? plan(f, defined) : AttributePlan.NONE;
        long total = size;
        ContactImporter importer = new ContactImporter(property(), session().zone(), dryRun, plan);
        long started = System.nanoTime();
        boolean bar = progress && System.console() != null;
        try (RowSource rows = open(f);
             ProgressBar pb = bar ? progressBar(size) : null) {
            importer.run(rows, (done, position) -> {
                if (pb != null) {
                    pb.stepTo(total < 0 ? done : position);
                    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                    pb.setExtraMessage(String.format(" %,d rows %,.0f/s", done, done / seconds));
                }
            });
        } catch (StoreException | UncheckedIOException e) {
            report(out(), importer.report(), defined, started, "stopped by a failure; rows before it were imported");
            throw e;
        } catch (InputFormatException e) {
            report(out(), importer.report(), defined, started, "stopped: the rest of the file cannot be read (see below); rows before it were imported");
            throw e;
        }
        ImportReport report = importer.report();
        report(out(), report, defined, started, null);
        return report.rejectedCount() > 0 ? ContactsCli.BAD_INPUT : ContactsCli.OK;
    }

    private static long size(Path path) throws IOException {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            throw new CliUsageException("file " + path + " does not exist");
        }
    }

    /** @return the rows of the file (or of standard input) */
    private RowSource open(OutputFormat f) throws IOException {
        InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
        try {
            return f == OutputFormat.csv ? new CsvSource(in) : new JsonLinesSource(in);
        } catch (IOException | RuntimeException e) {
            in.close(); // a header that cannot be read: nothing else will close the file
            throw e;
        }
    }

    /**
     * Reads the whole file once to type its new custom keys, and defines them (a dry run only plans them).
     *
     * @param f       the file's format
     * @param defined receives the attributes defined by this run
     * @return the plan, for the importer
     */
    private AttributePlan plan(OutputFormat f, List<AttributeDefinition> defined) throws IOException {
        AttributeInference inference = new AttributeInference(property().attributes().catalog(Target.CONTACT), session().zone());
        try (RowSource rows = open(f)) {
            while (rows.hasNext()) {
                inference.add(rows.next());
            }
        } catch (InputFormatException e) {
            // the import stops at the same place and says so; the rows before it are typed
        }
        AttributePlan plan = inference.plan();
        if (dryRun) {
            defined.addAll(plan.definitions());
            return plan;
        }
        for (AttributeDefinition d : plan.definitions()) {
            try {
                property().attributes().define(Target.CONTACT, d.key(), d.label(), d.type());
                defined.add(d);
            } catch (ConflictException e) {
                // defined meanwhile by someone else: the import uses that definition
            }
        }
        return plan;
    }

    private static ProgressBar progressBar(long size) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("import").setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250);
        if (size > 0) {
            b.setInitialMax(size).setUnit(" MiB", 1 << 20);
        } else {
            b.setInitialMax(-1).setUnit(" rows", 1);
        }
        return b.build();
    }

    private void report(PrintWriter out, ImportReport r, List<AttributeDefinition> defined, long started, String note) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("import %s into property %s%s%n", file, property().property().id(), dryRun ? " (dry run: nothing written)" : "");
        if (note != null) {
            out.println("  " + note);
        }
        for (AttributeDefinition d : defined) {
            out.println("  attribute " + (dryRun ? "to create" : "created") + ": " + d.name() + " (" + d.type() + ")");
        }
        if (r.interruptedLines() != null) {
            out.printf("  lines %d to %d were being written when the store failed: some of them may be written%n",
                    r.interruptedLines()[0], r.interruptedLines()[1]);
        }
        out.printf("  %,d rows in %.1f s (%,.0f rows/s)%n", r.rows(), seconds, r.rows() / Math.max(seconds, 1e-3));
        out.printf("  %-10s %,10d%n", dryRun ? "to create" : "created", r.createdCount());
        out.printf("  %-10s %,10d%n", dryRun ? "to update" : "updated", r.updatedCount());
        out.printf("  %-10s %,10d%n", "unchanged", r.unchangedCount());
        out.printf("  %-10s %,10d%n", "rejected", r.rejectedCount());
        if (r.organizationsCreatedCount() > 0) {
            out.printf("  organizations %s: %,d%n", dryRun ? "to create" : "created", r.organizationsCreatedCount());
        }
        for (String key : r.ignoredKeys()) {
            out.println("  ignored key '" + key + "': the store sets it");
        }
        int listed = Math.min(Math.max(0, showRejected), r.rejections().size());
        for (ImportReport.Rejection x : r.rejections().subList(0, listed)) {
            out.println("  line " + x.line() + ": " + x.reason());
        }
        if (r.rejectedCount() > listed) {
            out.printf("  ... and %,d more rejected rows (--show-rejected N lists more)%n", r.rejectedCount() - listed);
        }
    }
}
