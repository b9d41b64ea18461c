package dev.contacts.cli.io;

import java.io.Closeable;
import java.util.Iterator;

/** A streaming reader of import rows: one row in memory at a time. */
public interface RowSource extends Iterator<SourceRow>, Closeable {
    /** @return characters read so far (for progress over the file's size) */
    long position();
}
