package dev.contacts.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One fork's store, side and prepared scenario: the fixture opens (and, for the stores that
 * keep nothing, loads) the data, the side prepares the benchmark method's scenario once,
 * outside the measured time.
 */
@State(Scope.Benchmark)
public class BenchState {
    /** The store: inmemory, postgresql, mariadb, h2, mongo, mongo-server. */
    @Param("inmemory")
    public String store;
    /** sdk or baseline. */
    @Param("sdk")
    public String side;
    /** Contacts of the main property. */
    @Param("100000")
    public int contacts;
    /** Seed of the sample data. */
    @Param("20261202")
    public long seed;

    private Fixture fixture;
    private Side impl;
    Side.Operation operation;

    /**
     * @param params the running benchmark, whose method names the scenario
     */
    @Setup(Level.Trial)
    public void open(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        fixture = Fixtures.open(store, Workload.of(contacts, seed), false);
        impl = fixture.side(side);
        operation = impl.prepare(Scenario.ofMethod(method));
    }

    /** A write scenario's fresh start (e.g. an empty property for an import). */
    @Setup(Level.Iteration)
    public void beforeIteration() {
        operation.beforeIteration();
    }

    /** Removes what a write scenario's iteration wrote. */
    @TearDown(Level.Iteration)
    public void afterIteration() {
        operation.afterIteration();
    }

    /** Closes the side and the store. */
    @TearDown(Level.Trial)
    public void close() {
        impl.close();
        fixture.close();
    }
}
