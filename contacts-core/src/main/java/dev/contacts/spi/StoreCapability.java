package dev.contacts.spi;

/**
 * A documented limitation a store declares (docs/filter-semantics.md §7). The TCK skips exactly the
 * checks a declared capability excuses, and prints what it skipped.
 */
public enum StoreCapability {
    /**
     * The engine compares text by UTF-16 code units rather than code points (H2's default,
     * mongo-java-server). Orders differ only when a character above U+FFFF meets one in
     * U+E000–U+FFFF.
     */
    UTF16_TEXT_ORDER
}
