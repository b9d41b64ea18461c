package dev.contacts.jpa;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Gives the entity manager factory that {@link JpaStore#create(String, String, String, SchemaMode)}
 * creates for itself Hibernate's {@code none} bytecode provider. Hibernate finds this class through
 * {@link java.util.ServiceLoader} for every factory; it changes only those carrying the store's
 * {@link #OWN_FACTORY} setting, so a host's factory keeps its provider.
 *
 * <p>Why: the store reads and writes its tables with native SQL only, never through its entity
 * classes (see {@code dev.contacts.jpa.mapping}), so the lazy-loading proxy class and the
 * instantiator class that the default provider generates with Byte Buddy for each entity when the
 * factory starts are never used; generating them was about a tenth of the start-up of a short
 * command of the {@code contacts} tool. Hibernate 7 chooses the provider through
 * {@link java.util.ServiceLoader} only (the former {@code hibernate.bytecode.provider} setting is
 * gone), hence a contributor rather than a setting.
 *
 * <p>Not part of the API: public because {@link java.util.ServiceLoader} needs it.
 */
public final class OwnFactoryServices implements ServiceContributor {
    /** The setting {@link JpaStore} puts on the factories it creates itself. */
    static final String OWN_FACTORY = "dev.contacts.jpa.own_factory";

    /** Used by {@link java.util.ServiceLoader}. */
    public OwnFactoryServices() {
    }

    /** @param builder the registry of a factory being built: changed only if it carries {@link #OWN_FACTORY} */
    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        if (Boolean.TRUE.equals(builder.getSettings().get(OWN_FACTORY))) {
            builder.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
        }
    }
}
