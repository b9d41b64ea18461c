package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ContactService;
import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.host.OperationListener;
import dev.contacts.host.OperationListener.Operation;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Property;
import dev.contacts.query.Query;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The host's {@link OperationListener} is told of every find, count and upsert, with its failure, and cannot break them. */
class OperationListenerTest {

    record Call(Operation operation, Duration elapsed, Throwable failure) {
    }

    private static ContactService contacts(OperationListener listener) {
        Contacts sdk = Contacts.builder().store(new InMemoryStore()).operationListener(listener).build();
        sdk.createProperty(Property.of("p1", "P1", ZoneId.of("UTC")));
        return sdk.property("p1").contacts();
    }

    @Test
    void findCountAndUpsertAreEachReportedOnceWithTheirDuration() {
        List<Call> calls = new CopyOnWriteArrayList<>();
        ContactService contacts = contacts((op, elapsed, failure) -> calls.add(new Call(op, elapsed, failure)));

        contacts.upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build());
        assertThat(contacts.find(Query.all()).items()).hasSize(1);
        assertThat(contacts.count(Filter.all())).isEqualTo(1);
        assertThat(contacts.count(Query.all())).isEqualTo(1);
        contacts.create(AttributeChanges.builder().set("name", "Not timed").build());

        assertThat(calls).extracting(Call::operation)
                .containsExactly(Operation.UPSERT, Operation.FIND, Operation.COUNT, Operation.COUNT);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.failure()).isNull();
            assertThat(call.elapsed()).isPositive();
        });
    }

    @Test
    void aFailedUpsertIsReportedWithWhatItThrew() {
        List<Call> calls = new CopyOnWriteArrayList<>();
        ContactService contacts = contacts((op, elapsed, failure) -> calls.add(new Call(op, elapsed, failure)));

        assertThatThrownBy(() -> contacts.upsertByEmail("ada@example.com",
                AttributeChanges.builder().set("no-such-attribute", "x").build())).isInstanceOf(RuntimeException.class);

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo(Operation.UPSERT);
            assertThat(call.failure()).isNotNull();
        });
    }

    @Test
    void aListenerThatThrowsChangesNothing() {
        ContactService contacts = contacts((op, elapsed, failure) -> {
            throw new IllegalStateException("broken metrics");
        });

        assertThat(contacts.upsertByEmail("ada@example.com", AttributeChanges.builder().set("name", "Ada").build())
                .contact().primaryEmail()).isEqualTo("ada@example.com");
        assertThat(contacts.count(Filter.all())).isEqualTo(1);
    }

    @Test
    void theBuilderRefusesANullListener() {
        assertThatThrownBy(() -> Contacts.builder().operationListener(null)).isInstanceOf(NullPointerException.class);
    }
}
