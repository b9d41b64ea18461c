package dev.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.StoreException;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.RepositoryMethods;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which store calls the wrapper reports, for which property. */
class WriteObservingStoreTest {
    private static final PropertyId P1 = PropertyId.of("p1");

    private final List<String> reported = new ArrayList<>();
    private final List<String> called = new ArrayList<>();
    private final List<Runnable> atUnitEnd = new ArrayList<>();
    private final ContactStore observed = WriteObservingStore.wrap(fakeStore(), new PropertyWrites() {
        @Override
        public void changed(PropertyId property) {
            reported.add(property.value());
        }

        @Override
        public void changedEverywhere() {
            reported.add("*");
        }
    }, () -> { });

    /** A store whose repositories record each call and answer with an empty value, or fail for methods named fail*. */
    private ContactStore fakeStore() {
        return (ContactStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ContactStore.class},
                (self, method, args) -> {
                    if (method.getName().equals("whenUnitOfWorkEnds")) {
                        atUnitEnd.add((Runnable) args[0]); // a store whose unit of work has not ended yet
                        return null;
                    }
                    Class<?> type = method.getReturnType();
                    if (!type.isInterface() || !type.getPackageName().equals("dev.contacts.spi")) {
                        return null;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (repo, m, a) -> {
                        called.add(m.getName());
                        if (m.getName().equals("insert") && a[1] == null) {
                            throw new StoreException("insert", "refused by the fake");
                        }
                        return m.getReturnType() == Optional.class ? Optional.empty()
                                : m.getReturnType() == List.class ? List.of()
                                : m.getReturnType() == boolean.class ? Boolean.FALSE
                                : m.getReturnType() == long.class ? 0L : null;
                    });
                });
    }

    @Test
    void readsReachTheStoreWithoutReport() {
        observed.segments().get(P1, SegmentId.generate());
        observed.segments().list(P1, Target.CONTACT);
        observed.listViews().get(P1, Target.CONTACT, null);
        observed.contacts().count(P1, dev.contacts.filter.Filter.all());

        assertThat(called).containsExactly("get", "list", "get", "count");
        assertThat(reported).isEmpty();
    }

    @Test
    void aWriteIsReportedAgainWhenItsUnitOfWorkEnds() {
        observed.segments().delete(P1, SegmentId.generate());
        assertThat(reported).as("when the write is made").containsExactly("p1");

        atUnitEnd.forEach(Runnable::run);

        assertThat(reported).as("and when it is committed").containsExactly("p1", "p1");
    }

    @Test
    void aWriteReportsThePropertyOfItsFirstArgumentAfterTheStoreHasIt() {
        observed.segments().delete(P1, SegmentId.generate());
        observed.listViews().delete(PropertyId.of("p2"), Target.CONTACT, "alice");
        observed.properties().create(new Property(PropertyId.of("p3"), "three", ZoneOffset.UTC));

        assertThat(called).containsExactly("delete", "delete", "create");
        assertThat(reported).containsExactly("p1", "p2", "p3");
    }

    @Test
    void aFailedWriteIsReportedToo() {
        assertThatThrownBy(() -> observed.segments().insert(P1, null)).isInstanceOf(StoreException.class);

        assertThat(reported).containsExactly("p1");
    }

    @Test
    void aWriteWhosePropertyIsNotKnownReportsEverything() {
        observed.properties().list(); // a read without property: nothing
        observed.segments().delete(null, SegmentId.generate());

        assertThat(reported).containsExactly("*");
    }

    @Test
    void everyRepositoryMethodOfTheSpiIsClassifiedByName() throws Exception {
        Method get = dev.contacts.spi.SegmentRepository.class.getMethod("get", PropertyId.class, SegmentId.class);
        Method put = dev.contacts.spi.ListViewRepository.class.getMethod("put", PropertyId.class, dev.contacts.query.ListView.class);
        Method findByName = dev.contacts.spi.SegmentRepository.class.getMethod("findByName", PropertyId.class, Target.class,
                String.class);

        assertThat(RepositoryMethods.isRead(get)).isTrue();
        assertThat(RepositoryMethods.isRead(findByName)).isTrue();
        assertThat(RepositoryMethods.isWrite(put)).isTrue();
    }
}
