package dev.contacts.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears under its name only once complete: text goes to a temporary
 * file in the same directory, renamed over the target by {@link #commit()}; closed without a
 * commit (a failure), the temporary file is deleted and the target left as it was. A killed
 * process leaves at worst a hidden {@code .NAME.*.tmp} file, never a truncated NAME.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final Writer writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temporary, Writer writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    /**
     * @param target the file to write
     * @return an output writing beside it
     * @throws UncheckedIOException if the temporary file cannot be created
     */
    static AtomicOutput open(Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 16);
            return new AtomicOutput(absolute, temporary, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** @return the writer of the text (UTF-8) */
    Writer writer() {
        return writer;
    }

    /**
     * Flushes and closes the text, then renames it over the target in one step.
     *
     * @throws UncheckedIOException if that fails (the target is then left as it was)
     */
    void commit() {
        try {
            writer.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Without a commit, drops the temporary file. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // the text is dropped anyway
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a leftover hidden temporary file; the target is untouched
        }
    }
}
