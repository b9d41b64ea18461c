package dev.contacts.bench;

/**
 * One way of answering the scenarios on one store's data: through the SDK, or by the
 * hand-written baseline of that store. A side prepares a scenario once (outside the measured
 * time: a deep page's position, an import's rows) and then runs it as often as asked; the
 * suite checks, before measuring, that both sides of a store give equal results.
 */
public interface Side extends AutoCloseable {
    /**
     * @param scenario what to prepare
     * @return the operation the benchmark measures
     */
    Operation prepare(Scenario scenario);

    /** Releases connections (the data stays, for the next fork). */
    @Override
    void close();

    /**
     * One measured operation. Its result is what the two sides must agree on: a list of
     * contacts for pages (equal contacts, all fields), a number for counts, the
     * {@linkplain TimelineDigest digests} of a timeline page's items, a digest of what an import
     * or an ingestion stored.
     */
    interface Operation {
        /**
         * A read whose result is compared through a digest made outside the measured time
         * (the timeline page: its items' fields as text).
         *
         * @param read   the measured read
         * @param digest what the two sides must agree on, from the read's result
         * @param <T>    the read's result
         * @return the operation
         */
        static <T> Operation digested(java.util.function.Supplier<T> read, java.util.function.Function<T, ?> digest) {
            return new Operation() {
                @Override
                public Object run() {
                    return read.get();
                }

                @Override
                public Object digest() {
                    return digest.apply(read.get());
                }
            };
        }

        /**
         * Runs once.
         *
         * @return the result (consumed by the benchmark's black hole)
         */
        Object run();

        /** Called before each measured iteration of a write scenario (e.g. a fresh target property). */
        default void beforeIteration() {
        }

        /** Called after each measured iteration of a write scenario (e.g. removing what it wrote). */
        default void afterIteration() {
        }

        /**
         * What the operation stored, for the comparison of the two sides of a write scenario;
         * reads return their last result.
         *
         * @return a comparable digest
         */
        default Object digest() {
            return run();
        }
    }
}
