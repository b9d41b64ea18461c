package dev.contacts.spi;

/**
 * What a unit of work does with the store ({@link ContactStore#unitOfWork}): a store may
 * run a {@link #READ} unit on a read-only transaction or under a shared lock, and must run
 * a {@link #WRITE} unit so that its reads and writes are one atomic step.
 */
public enum WorkMode {
    /** Only reads: the repository calls of the unit see one consistent state where the store can give one. */
    READ,
    /** Reads, then writes based on what was read: all of it commits or none of it does. */
    WRITE
}
