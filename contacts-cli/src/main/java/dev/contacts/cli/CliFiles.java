package dev.contacts.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/** Choosing file formats and opening output files the same way in every command. */
final class CliFiles {
    private CliFiles() {
    }

    /**
     * @param path  a file
     * @param given the {@code --format} given, or null
     * @return the format: the given one, else by the file's extension
     * @throws CliUsageException if neither says
     */
    static OutputFormat format(String path, OutputFormat given) {
        if (given != null) {
            if (given == OutputFormat.table) {
                throw new CliUsageException("files are csv or jsonl, not table");
            }
            return given;
        }
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return OutputFormat.csv;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return OutputFormat.jsonl;
        }
        throw new CliUsageException("cannot tell the format of '" + path + "' from its name: give --format csv or --format jsonl");
    }

    /** Writes text to a writer. */
    @FunctionalInterface
    interface Body {
        /**
         * @param w where to write (closing it is not needed)
         * @throws IOException if writing fails
         */
        void write(Writer w) throws IOException;
    }

    /**
     * Writes a file, or standard output. A file appears under its name only when complete
     * ({@link AtomicOutput}): a failure or a killed process never leaves a truncated one.
     *
     * @param output a file, or null for standard output
     * @param out    standard output (left open)
     * @param body   writes the text, UTF-8
     * @throws IOException if writing fails
     */
    static void write(Path output, PrintWriter out, Body body) throws IOException {
        if (output == null) {
            body.write(new Writer() {
                @Override
                public void write(char[] chars, int off, int len) {
                    out.write(chars, off, len);
                }

                @Override
                public void flush() {
                    out.flush();
                }

                @Override
                public void close() {
                    out.flush();
                }
            });
            out.flush();
            return;
        }
        try (AtomicOutput file = AtomicOutput.open(output)) {
            body.write(file.writer());
            file.commit();
        }
    }
}
