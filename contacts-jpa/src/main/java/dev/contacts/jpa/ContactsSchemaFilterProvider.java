package dev.contacts.jpa;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * Keeps Hibernate's schema tooling ({@code hibernate.hbm2ddl.auto} = {@code create},
 * {@code create-drop}, {@code update}, {@code drop}) away from the tables of the contacts
 * SDK in a host's persistence unit that lists {@link JpaStore#entityClasses()}: those tables
 * are created and upgraded only by the SDK's versioned SQL files ({@link SchemaMode#CREATE}
 * or the host's migration tool), which give them what hbm2ddl cannot derive from the
 * entities (unique keys, indexes, foreign keys, text collation).
 *
 * <pre>{@code
 * new HibernatePersistenceConfiguration("app")
 *         .managedClasses(JpaStore.entityClasses())
 *         .managedClasses(Order.class)
 *         .property("hibernate.hbm2ddl.auto", "update")
 *         .property("hibernate.hbm2ddl.schema_filter_provider", ContactsSchemaFilterProvider.class.getName())
 * }</pre>
 *
 * <p>Creation, migration and dropping skip the SDK's tables; validation
 * ({@code hibernate.hbm2ddl.auto=validate}, {@link SchemaMode#VALIDATE}) and truncation
 * ({@code SchemaManager.truncate()}, which empties tables without changing them) still
 * include them. A host with a filter provider of its own wraps it:
 * {@code new ContactsSchemaFilterProvider(hostProvider)}, passed as the setting's value.
 */
public class ContactsSchemaFilterProvider implements SchemaFilterProvider {
    private static final Set<String> SDK_TABLES = Mapping.tables().stream().map(t -> t.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private final SchemaFilterProvider host;

    /** Skips the SDK's tables and includes everything else; what Hibernate instantiates from the class name. */
    public ContactsSchemaFilterProvider() {
        this(null);
    }

    /**
     * Skips the SDK's tables and leaves everything else to the host's own filters.
     *
     * @param host the host's filter provider, or null to include everything else
     */
    public ContactsSchemaFilterProvider(SchemaFilterProvider host) {
        this.host = host;
    }

    /** @return the host's filter for {@code create}, without the SDK's tables */
    @Override
    public SchemaFilter getCreateFilter() {
        return new WithoutSdkTables(host == null ? SchemaFilter.ALL : host.getCreateFilter());
    }

    /** @return the host's filter for dropping, without the SDK's tables */
    @Override
    public SchemaFilter getDropFilter() {
        return new WithoutSdkTables(host == null ? SchemaFilter.ALL : host.getDropFilter());
    }

    /** @return the host's filter for truncation (data only), with the SDK's tables */
    @Override
    public SchemaFilter getTruncatorFilter() {
        return host == null ? SchemaFilter.ALL : host.getTruncatorFilter();
    }

    /** @return the host's filter for {@code update}, without the SDK's tables */
    @Override
    public SchemaFilter getMigrateFilter() {
        return new WithoutSdkTables(host == null ? SchemaFilter.ALL : host.getMigrateFilter());
    }

    /** @return the host's filter for validation, with the SDK's tables */
    @Override
    public SchemaFilter getValidateFilter() {
        return host == null ? SchemaFilter.ALL : host.getValidateFilter();
    }

    /**
     * @param table a table's name, as mapped
     * @return whether it is one of the SDK's tables
     */
    static boolean isSdkTable(String table) {
        return table != null && SDK_TABLES.contains(table.toLowerCase(Locale.ROOT));
    }

    /** Another filter's decisions, minus the SDK's tables. */
    private static final class WithoutSdkTables implements SchemaFilter {
        private final SchemaFilter others;

        WithoutSdkTables(SchemaFilter others) {
            this.others = Objects.requireNonNull(others, "the host's schema filter");
        }

        @Override
        public boolean includeNamespace(Namespace namespace) {
            return others.includeNamespace(namespace);
        }

        @Override
        public boolean includeTable(Table table) {
            return !isSdkTable(table.getName()) && others.includeTable(table);
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return others.includeSequence(sequence);
        }
    }
}
