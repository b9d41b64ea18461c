package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/** The store's own factory goes without Byte Buddy; a host's factory keeps its provider and its proxies. */
class OwnFactoryServicesTest {
    @Test
    void onlyAFactoryWithTheStoresSettingGetsTheNoneBytecodeProvider() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        EntityManagerFactory host = null;
        EntityManagerFactory own = null;
        try {
            host = HostPersistenceUnit.open(db, Map.of());
            own = HostPersistenceUnit.open(db, Map.of(OwnFactoryServices.OWN_FACTORY, true));
            assertThat(provider(host)).isNotInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
            assertThat(provider(own)).isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
        } finally {
            TestDatabase.closeThenDrop(db, own, host);
        }
    }

    private static BytecodeProvider provider(EntityManagerFactory emf) {
        return emf.unwrap(SessionFactoryImplementor.class).getServiceRegistry().requireService(BytecodeProvider.class);
    }
}
