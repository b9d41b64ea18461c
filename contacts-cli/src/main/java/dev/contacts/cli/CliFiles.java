package dev.contacts.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    /**
     * @param output a file, or null for standard output
     * @param out    standard output
     * @return a UTF-8 writer (standard output is left open when closed)
     */
    static Writer writer(Path output, PrintWriter out) {
        if (output == null) {
            return new Writer() {
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
            };
        }
        try {
            return new BufferedWriter(new OutputStreamWriter(java.nio.file.Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
