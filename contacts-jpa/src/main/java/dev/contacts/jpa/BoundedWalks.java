package dev.contacts.jpa;

/**
 * Where and how far a filter with an {@code or} over other tables first looks for its page in
 * a walk of the sort index ({@link JpaEntityRepository#find}): one store's setting.
 *
 * @param rowsPerPageRow rows the walk reads per row of the page it looks for: an {@code or}
 *                       that matches at least about 1 / rowsPerPageRow of the walked rows finds
 *                       its page in the walk
 * @param everywhere     whether the walk runs on every database and not only where
 *                       {@link Dialect#boundsWalksOfOrs()}
 */
record BoundedWalks(int rowsPerPageRow, boolean everywhere) {
    /** The store's setting: 100 rows per page row, where the dialect bounds walks (PostgreSQL). */
    static final BoundedWalks DEFAULT = new BoundedWalks(100, false);

    BoundedWalks {
        if (rowsPerPageRow < 1) {
            throw new IllegalArgumentException("rowsPerPageRow " + rowsPerPageRow + " is below 1");
        }
    }

    /** @return whether the walk runs on this database */
    boolean on(Dialect dialect) {
        return everywhere || dialect.boundsWalksOfOrs();
    }
}
