package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.Upsert;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.spi.ContactStore;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ordinary contention never fails: many threads calling the version-less
 * {@code ContactService.update(id, changes)} or {@code upsertByEmail} on one contact all
 * succeed, and every change is kept (no lost update, no stale overwrite of an attribute the
 * change does not name). Each thread counts in an attribute of its own, so the sum of the
 * counters at the end is exactly the number of calls. A store runs it by extending this class.
 */
public abstract class ContendedWritesTck {
    /** Threads writing one contact at once. */
    protected static final int THREADS = 32;
    /** Writes per thread. */
    protected static final int WRITES = 50;
    private ContactStore store;
    private Contacts sdk;
    private PropertyContacts p;
    private ExecutorService pool;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    @BeforeEach
    void createFixture() {
        store = createStore();
        sdk = Contacts.builder().store(store).build();
        sdk.createProperty(Property.of("p1", "Property one", ZoneOffset.UTC));
        p = sdk.property("p1");
        for (int t = 0; t < THREADS; t++) {
            p.attributes().define(Target.CONTACT, "t" + t, "Counter of thread " + t, AttributeType.NUMBER);
        }
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        sdk.close();
        store.close();
    }

    /** A write of one thread, told its index and the count it sets. */
    @FunctionalInterface
    private interface CountingWrite {
        void write(int thread, int count);
    }

    /** Runs {@link #THREADS} threads at once, each making {@link #WRITES} writes; rethrows the first failure. */
    private void race(CountingWrite write) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                for (int i = 1; i <= WRITES; i++) {
                    write.write(thread, i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES); // a failed call fails the test with its exception
        }
    }

    private static AttributeChanges count(int thread, int count) {
        return AttributeChanges.builder().set("custom.t" + thread, count).build();
    }

    private static long sum(Contact c) {
        long sum = 0;
        for (int t = 0; t < THREADS; t++) {
            Object v = c.value("custom.t" + t);
            assertThat(v).as("counter of thread %d", t).isNotNull();
            sum += ((BigDecimal) v).longValueExact();
        }
        return sum;
    }

    @Test
    void versionlessUpdatesOfOneContactAllSucceedAndKeepEveryChange() throws Exception {
        Contact ada = p.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com")).build());

        race((thread, i) -> p.contacts().update(ada.id(), count(thread, i)));

        Contact end = p.contacts().get(ada.id());
        assertThat(sum(end)).isEqualTo((long) THREADS * WRITES);
        assertThat(end.version()).isEqualTo(1 + (long) THREADS * WRITES);
        assertThat(end.name()).isEqualTo("Ada");
    }

    @Test
    void upsertsByEmailOfOneNewContactAllSucceedAndKeepEveryChange() throws Exception {
        List<Upsert.Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());

        race((thread, i) -> outcomes.add(p.contacts().upsertByEmail("Grace@Example.com", count(thread, i)).outcome()));

        assertThat(outcomes).hasSize(THREADS * WRITES);
        assertThat(outcomes.stream().filter(o -> o == Upsert.Outcome.CREATED).count()).as("one creation").isEqualTo(1);
        assertThat(p.contacts().count(dev.contacts.filter.Filter.all())).isEqualTo(1);
        Contact grace = p.contacts().upsertByEmail("grace@example.com", AttributeChanges.builder().build()).contact();
        assertThat(sum(grace)).isEqualTo((long) THREADS * WRITES);
    }
}
