package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link ContactsSchemaFilterProvider} keeps Hibernate's creation, update and drop off the
 * SDK's tables (whatever the case of their names), includes them in validation and
 * truncation, and leaves every other decision to a host's own provider.
 */
class ContactsSchemaFilterProviderTest {

    @Test
    void creationUpdateAndDropSkipTheSdkTablesAndOnlyThem() {
        ContactsSchemaFilterProvider provider = new ContactsSchemaFilterProvider();
        for (SchemaFilter filter : new SchemaFilter[] {provider.getCreateFilter(), provider.getMigrateFilter(), provider.getDropFilter()}) {
            assertThat(filter.includeTable(table("contact"))).isFalse();
            assertThat(filter.includeTable(table("CONTACT_EMAIL"))).isFalse();
            assertThat(filter.includeTable(table("host_order"))).isTrue();
        }
        assertThat(provider.getValidateFilter().includeTable(table("contact"))).isTrue();
        assertThat(provider.getTruncatorFilter().includeTable(table("contact"))).isTrue();
    }

    @Test
    void aHostProviderDecidesForEverythingElse() {
        ContactsSchemaFilterProvider provider = new ContactsSchemaFilterProvider(new WithoutLegacy());
        SchemaFilter migrate = provider.getMigrateFilter();
        assertThat(migrate.includeTable(table("legacy"))).isFalse();
        assertThat(migrate.includeTable(table("contact"))).isFalse();
        assertThat(migrate.includeTable(table("host_order"))).isTrue();
        assertThat(provider.getValidateFilter().includeTable(table("legacy"))).isFalse();
        assertThat(provider.getValidateFilter().includeTable(table("contact"))).isTrue();
    }

    private static Table table(String name) {
        return new Table("test", name);
    }

    /** A host's provider that keeps Hibernate off a legacy table of its own. */
    private static final class WithoutLegacy implements SchemaFilterProvider, SchemaFilter {
        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(Table table) {
            return !table.getName().equals("legacy");
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return true;
        }

        @Override
        public SchemaFilter getCreateFilter() {
            return this;
        }

        @Override
        public SchemaFilter getDropFilter() {
            return this;
        }

        @Override
        public SchemaFilter getTruncatorFilter() {
            return this;
        }

        @Override
        public SchemaFilter getMigrateFilter() {
            return this;
        }

        @Override
        public SchemaFilter getValidateFilter() {
            return this;
        }
    }
}
