package dev.contacts.cli.io;

import java.io.Closeable;
import java.util.List;

/** Writes rows of values under fixed columns, streaming (nothing kept after a row is written). */
public interface RowWriter extends Closeable {
    /**
     * @param values one value per column, of the attribute's Java type, null when unknown
     * @throws java.io.UncheckedIOException if the output fails
     */
    void write(List<Object> values);

    /** Flushes what is written; leaves the underlying writer open (it may be standard output). */
    @Override
    void close();
}
