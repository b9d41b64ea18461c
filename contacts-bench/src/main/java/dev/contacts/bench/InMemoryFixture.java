package dev.contacts.bench;

import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.spi.ContactStore;

/** The in-memory store, loaded afresh in each JVM (it keeps nothing), against plain Java loops. */
final class InMemoryFixture extends Fixture {
    private final InMemoryStore store = new InMemoryStore();

    InMemoryFixture(Workload workload, boolean verifying) {
        super(workload, verifying);
    }

    @Override
    protected ContactStore store() {
        return store;
    }

    @Override
    protected Side baseline() {
        return new InMemoryBaseline(workload, this);
    }

    @Override
    public String name() {
        return "inmemory";
    }
}
