package dev.contacts.cli;

/** How listings are printed. */
enum OutputFormat {
    /** Aligned columns for people. */
    table,
    /** CSV that import reads back. */
    csv,
    /** JSON Lines that import reads back. */
    jsonl
}
