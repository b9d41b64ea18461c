package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.spi.OrganizationRepository;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Organizations: names unique per property by fold through the unique key
 * {@code (property_id, name_fold)}; {@code contact_count} is kept by the contacts' writes
 * (an inserted or updated organization's own count is ignored); deleting one removes its
 * links by {@code ON DELETE CASCADE}, leaving the contacts' versions and {@code updated}
 * as they were.
 */
final class JpaOrganizations extends JpaEntityRepository<OrganizationId, Organization> implements OrganizationRepository {
    private final BulkInsertStatistics statistics;

    JpaOrganizations(Transactions tx) {
        super(tx, EntityTable.ORGANIZATIONS);
        this.statistics = BulkInsertStatistics.organizations(tx);
    }

    @Override
    OrganizationId id(UUID value) {
        return new OrganizationId(value);
    }

    @Override
    String noun() {
        return "organization";
    }

    @Override
    public void insert(PropertyId property, Organization organization) {
        insertEntity(property, organization, JpaOrganizations::checkName, (db, p, o) -> { });
        statistics.inserted(1);
    }

    @Override
    public void update(PropertyId property, Organization organization, long expectedVersion) {
        updateEntity(property, organization, expectedVersion, JpaOrganizations::checkName, (db, p, o) -> { });
    }

    /** A readable error before the unique key would refuse the name. */
    private static void checkName(Db db, String property, Organization organization) throws SQLException {
        Optional<UUID> owner = db.first(db.sql("SELECT id FROM organization WHERE property_id = ").value(property)
                .append(" AND name_fold = ").value(Values.fold(organization.name())).append(" AND id <> ")
                .value(organization.id().value()), rs -> db.id(rs, "id"));
        if (owner.isPresent()) {
            throw new ConflictException("the organization name '" + organization.name() + "' is taken by organization "
                    + owner.get() + " in property " + property);
        }
    }

    @Override
    public boolean delete(PropertyId property, OrganizationId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("delete organization", db -> db.update(db.sql("DELETE FROM organization WHERE property_id = ")
                .value(property.value()).append(" AND id = ").value(id.value())) > 0);
    }

    @Override
    public Optional<Organization> findByName(PropertyId property, String name) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(name, "name");
        String p = property.value();
        String fold = Values.fold(name.strip());
        return tx.run("find organization by name", db -> {
            List<Organization> found = rows.load(db, p, db.sql("SELECT " + rows.mainColumns("t") + " FROM organization t WHERE t.property_id = ")
                    .value(p).append(" AND t.name_fold = ").value(fold));
            return found.isEmpty() ? Optional.<Organization>empty() : Optional.of(found.get(0));
        });
    }
}
