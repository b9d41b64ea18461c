package dev.contacts.web;

import dev.contacts.ConflictException;
import dev.contacts.ContactsException;
import dev.contacts.PropertyContacts;
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
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports running in the background, one at a time, with the command-line tool's importer
 * (dev.contacts.cli.io): the page polls a job for its progress, then shows its report.
 * Thread-safe; finished jobs are kept for the life of the application (at most {@value #KEPT}).
 */
@Component
class ImportJobs {
    /** Jobs kept. */
    static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contacts-web-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** One import: its progress while it runs, then its report. */
    public static final class Job {
        final String id = UUID.randomUUID().toString();
        final String property;
        final String fileName;
        final long size;
        final List<String> created = new ArrayList<>();
        volatile long rows;
        volatile long position;
        volatile boolean done;
        volatile String failure;
        volatile ImportReport report;

        Job(String property, String fileName, long size) {
            this.property = property;
            this.fileName = fileName;
            this.size = size;
        }

        /** @return percent of the file read, 0..100 */
        public int percent() {
            return done ? 100 : size <= 0 ? 0 : (int) Math.min(99, position * 100 / size);
        }

        public String id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public long rows() {
            return rows;
        }

        public boolean done() {
            return done;
        }

        public String failure() {
            return failure;
        }

        public ImportReport report() {
            return report;
        }

        public List<String> created() {
            return created;
        }

        public String property() {
            return property;
        }
    }

    /**
     * Starts an import of a file the job now owns (deleted at the end).
     *
     * @param p                the property
     * @param file             the uploaded file, copied to a temporary file
     * @param fileName         its name as uploaded
     * @param csv              whether it is CSV (else JSON Lines)
     * @param createAttributes whether to define the file's unknown custom keys first
     * @return the job
     */
    Job start(PropertyContacts p, Path file, String fileName, boolean csv, boolean createAttributes) throws IOException {
        Job job = new Job(p.property().id().toString(), fileName, Files.size(file));
        if (jobs.size() >= KEPT) {
            jobs.values().removeIf(j -> j.done);
        }
        jobs.put(job.id, job);
        executor.submit(() -> run(p, file, csv, createAttributes, job));
        return job;
    }

    /**
     * @param id a job id
     * @return the job, or null
     */
    Job get(String id) {
        return jobs.get(id);
    }

    private void run(PropertyContacts p, Path file, boolean csv, boolean createAttributes, Job job) {
        ContactImporter importer = null;
        try {
            AttributePlan plan = AttributePlan.NONE;
            if (createAttributes) {
                AttributeInference inference = new AttributeInference(p.attributes().catalog(Target.CONTACT), p.property().zone());
                try (RowSource rows = open(file, csv)) {
                    while (rows.hasNext()) {
                        inference.add(rows.next());
                    }
                } catch (InputFormatException e) {
                    // the import stops at the same place and says so
                }
                plan = inference.plan();
                for (AttributeDefinition d : plan.definitions()) {
                    try {
                        p.attributes().define(Target.CONTACT, d.key(), d.label(), d.type());
                        job.created.add(d.name() + " (" + d.type() + ")");
                    } catch (ConflictException e) {
                        // defined meanwhile: the import uses that definition
                    }
                }
            }
            importer = new ContactImporter(p, p.property().zone(), false, plan);
            try (RowSource rows = open(file, csv)) {
                importer.run(rows, (done, position) -> {
                    job.rows = done;
                    job.position = position;
                });
            }
        } catch (InputFormatException e) {
            job.failure = "The rest of the file cannot be read: " + e.getMessage() + " The rows before it were imported.";
        } catch (ContactsException | UncheckedIOException | IOException e) {
            job.failure = "The import stopped: " + e.getMessage() + " The rows before it were imported.";
            LOG.warn("import {} stopped", job.id, e);
        } catch (RuntimeException e) {
            job.failure = "The import stopped on an unexpected error (logged). The rows before it were imported.";
            LOG.error("import {} failed", job.id, e);
        } finally {
            if (importer != null) {
                job.report = importer.report();
                job.rows = job.report.rows();
            }
            job.done = true;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete {}", file, e);
            }
        }
    }

    private static RowSource open(Path file, boolean csv) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return csv ? new CsvSource(in) : new JsonLinesSource(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
