package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.EntityId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.OrganizationRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Organizations: names unique per property by fold; the {@code contacts} count is
 * computed from the contacts' links (the value in a written organization is ignored);
 * deleting one unlinks it from every contact in the same critical section. Writes to a
 * property that does not exist throw {@link NotFoundException}.
 */
final class InMemoryOrganizations extends EntityRepositoryBase<OrganizationId, Organization> implements OrganizationRepository {

    InMemoryOrganizations(InMemoryStore store) {
        super(store);
    }

    @Override
    Table<Organization> table(PropertyData data) {
        return data.organizations;
    }

    @Override
    String noun() {
        return "organization";
    }

    @Override
    public void insert(PropertyId property, Organization organization) {
        Objects.requireNonNull(organization, "organization");
        PropertyData data = require(property, "insert an organization");
        data.write(() -> {
            if (data.organizations.get(organization.id()) != null) {
                throw new ConflictException("organization " + organization.id() + " already exists in property " + property);
            }
            Row<Organization> row = Schema.ORGANIZATIONS.row(organization.withContacts(data.linkedContacts(organization.id())));
            checkName(data, row);
            data.organizations.insert(row);
            return null;
        });
    }

    @Override
    public void update(PropertyId property, Organization organization, long expectedVersion) {
        Objects.requireNonNull(organization, "organization");
        PropertyData data = require(property, "update an organization");
        data.write(() -> {
            Row<Organization> old = data.organizations.get(organization.id());
            if (old == null) {
                throw new NotFoundException("organization " + organization.id() + " does not exist in property " + property);
            }
            checkVersions(old.entity.version(), expectedVersion, organization.version(), organization.id());
            Row<Organization> next = Schema.ORGANIZATIONS.row(organization.withContacts(data.linkedContacts(organization.id())));
            checkName(data, next);
            data.organizations.replace(old, next);
            return null;
        });
    }

    /** Names are unique per property by fold. */
    private static void checkName(PropertyData data, Row<Organization> row) {
        for (Object fold : Schema.ORGANIZATIONS.indexKeys("name", row)) {
            for (EntityId owner : data.organizations.hashIndex("name").get(fold)) {
                if (!owner.equals(row.id)) {
                    throw new ConflictException("the organization name '" + row.entity.name() + "' is taken by organization "
                            + owner + " in property " + data.property.id());
                }
            }
        }
    }

    /**
     * {@inheritDoc} The contacts that were linked to it lose the link but keep their
     * version and {@code updated}.
     */
    @Override
    public boolean delete(PropertyId property, OrganizationId id) {
        Objects.requireNonNull(id, "id");
        PropertyData data = store.data(property);
        if (data == null) {
            return false;
        }
        return data.write(() -> {
            Row<Organization> row = data.organizations.get(id);
            if (row == null) {
                return false;
            }
            data.organizations.remove(row);
            InMemoryContacts.unlink(data, id);
            return true;
        });
    }

    @Override
    public Optional<Organization> findByName(PropertyId property, String name) {
        Objects.requireNonNull(name, "name");
        PropertyData data = store.data(property);
        if (data == null) {
            return Optional.empty();
        }
        String fold = Schema.fold(name.strip());
        return data.read(() -> {
            for (EntityId id : data.organizations.hashIndex("name").get(fold)) {
                return Optional.of(data.organizations.get(id).entity);
            }
            return Optional.<Organization>empty();
        });
    }
}
