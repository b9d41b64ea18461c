package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.ConflictException;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrency: concurrent updates of one contact never lose a write (one wins, the others
 * get {@link ConflictException}); concurrent bulk tagging and inserts leave counts exact;
 * two contacts can never end up with the same email. A store runs it by extending this
 * class.
 */
public abstract class ConcurrencyTck {
    private static final int THREADS = 8;
    private ContactStore store;
    private TckFixture fx;
    private ExecutorService pool;

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    @BeforeEach
    void createFixture() {
        store = createStore();
        fx = new TckFixture(store);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        store.close();
    }

    /** A task of one racing thread, told its index. */
    @FunctionalInterface
    private interface RacingTask<T> {
        T run(int thread) throws Exception;
    }

    /** Starts n tasks at once; the result list is in thread-index order. */
    private <T> List<T> race(int n, RacingTask<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int thread = i;
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return task.run(thread);
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            Contact base = fx.p1.contacts().get(fx.ada.id());
            List<String> outcomes = race(THREADS, thread -> {
                String title = "title " + thread;
                try {
                    fx.p1.contacts().update(base.id(), base.version(), AttributeChanges.of(Map.of("jobTitle", title)));
                    return title;
                } catch (ConflictException e) {
                    return null;
                }
            });
            List<String> winners = outcomes.stream().filter(o -> o != null).toList();
            assertThat(winners).as("round " + round + ": exactly one writer wins").hasSize(1);
            Contact after = fx.p1.contacts().get(fx.ada.id());
            assertThat(after.version()).isEqualTo(base.version() + 1);
            assertThat(after.jobTitle()).isEqualTo(winners.get(0));
        }
    }

    @Test
    void retryingUpdatesOfDifferentAttributesAllLand() throws Exception {
        race(THREADS, i -> {
            String attribute = List.of("jobTitle", "city", "region", "hostname", "ip", "os", "browser", "facebookUrl").get(i);
            return fx.p1.contacts().update(fx.bob.id(), AttributeChanges.of(Map.of(attribute, "value " + i)));
        });
        Contact after = fx.p1.contacts().get(fx.bob.id());
        assertThat(after.version()).isEqualTo(fx.bob.version() + THREADS);
        assertThat(List.of(after.jobTitle(), after.city(), after.region(), after.hostname(), after.ip(), after.os(), after.browser(),
                after.facebookUrl())).doesNotContainNull();
    }

    @Test
    void concurrentBulkTaggingAndInsertsLeaveExactCounts() throws Exception {
        for (int i = 0; i < 300; i++) {
            fx.p1.contacts().create(AttributeChanges.of(Map.of("name", "old " + i, "tags", List.of("old"))));
        }
        List<Long> changed = race(THREADS, i -> {
            if (i % 2 == 0) {
                BulkResult r = fx.p1.contacts().addTags(Filter.attr("tags").is("old"), List.of("bulk-" + i));
                return r.changed();
            }
            for (int k = 0; k < 50; k++) {
                fx.p1.contacts().create(AttributeChanges.of(Map.of("name", "new " + i + "-" + k, "tags", List.of("new"))));
            }
            return -1L;
        });
        for (int i = 0; i < THREADS; i += 2) {
            assertThat(changed.get(i)).as("bulk tagger " + i).isEqualTo(300);
            assertThat(fx.p1.contacts().count(Filter.attr("tags").is("bulk-" + i))).isEqualTo(300);
        }
        assertThat(fx.p1.contacts().count(Filter.attr("tags").is("new"))).isEqualTo(50L * THREADS / 2);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(2 + 300 + 50L * THREADS / 2);
        assertThat(fx.p1.contacts().count(Filter.attr("tags").isAllOf("old", "bulk-0", "bulk-2", "bulk-4", "bulk-6"))).isEqualTo(300);
    }

    @Test
    void twoContactsNeverGetTheSameEmail() throws Exception {
        for (int round = 0; round < 10; round++) {
            String email = "race" + round + "@example.com";
            List<Boolean> created = race(THREADS, thread -> {
                try {
                    fx.p1.contacts().create(AttributeChanges.of(Map.of("emails", List.of(email))));
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            });
            assertThat(created.stream().filter(b -> b).count()).as("round " + round).isEqualTo(1);
            assertThat(fx.p1.contacts().count(Filter.attr("emails").is(email))).isEqualTo(1);
        }
    }
}
