package dev.contacts.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * The measured operations, one per {@link Scenario}; each runs the operation its side
 * prepared. Iterations, forks and parameters are set by {@link BenchMain}.
 */
public class ContactsBenchmarks {
    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object selectiveFirstPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object broadSortedFirstPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object negativeFirstPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object customAttributeFirstPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object orOfGroupsFirstPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object rareOrFirstPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the page */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object deepPage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the count */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object broadCount(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return the timeline keys */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object timelinePage(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return rows imported (one iteration = the whole import) */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object importContacts(BenchState s) {
        return s.operation.run();
    }

    /** @param s the state @return whether the event was new */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Object ingestEvents(BenchState s) {
        return s.operation.run();
    }
}
