package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.spi.OrganizationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Organizations, one document each. Names are unique per property by fold through the
 * unique index on {@code (propertyId, f.name)}. The linked-contact count ({@code contacts})
 * is changed only by {@link OrganizationLinks}, with {@code $inc} made exactly-once by the
 * operation keys in {@code appliedOps}; inserts start it at 0 and edits never touch it.
 * Deleting an organization flags it {@code deleting} (links to it are refused from then on),
 * unlinks it from every contact of the property (their version and {@code updated} stay), then
 * removes it; {@code recover} completes an interrupted deletion.
 */
final class MongoOrganizations extends MongoEntityRepository<OrganizationId, Organization> implements OrganizationRepository {
    /** Keys of the link operations whose count change this organization has taken, while they are pending. */
    static final String APPLIED_OPS = "appliedOps";

    MongoOrganizations(MongoStore store) {
        super(store, Target.ORGANIZATION, Schema.ORGANIZATIONS, EntityCodec::organization, OrganizationId::parse);
    }

    @Override
    public void insert(PropertyId property, Organization organization) {
        Objects.requireNonNull(organization, "organization");
        StoreCalls.runVoid("organizations.insert", property, () -> {
            store.requireProperty(property, "insert an organization");
            Document doc = newDocument(property, organization).append(Fields.LINKED_CONTACTS, new Decimal128(0));
            try {
                collection().insertOne(doc);
            } catch (MongoException e) {
                throw conflict(e, property, organization);
            }
        });
    }

    @Override
    public void update(PropertyId property, Organization organization, long expectedVersion) {
        Objects.requireNonNull(organization, "organization");
        StoreCalls.runVoid("organizations.update", property, () -> {
            store.requireProperty(property, "update an organization");
            checkNextVersion(organization.version(), expectedVersion, organization.id());
            long matched;
            try {
                matched = collection().updateOne(
                        Filters.and(byId(property, organization.id()), Filters.eq(Fields.VERSION, expectedVersion)),
                        Updates.combine(Updates.set(Fields.VALUES, EntityCodec.values(organization, Target.ORGANIZATION)),
                                Updates.set(Fields.KEYS, EntityCodec.keys(organization, Target.ORGANIZATION)),
                                Updates.set(Fields.VERSION, organization.version()))).getMatchedCount();
            } catch (MongoException e) {
                throw conflict(e, property, organization);
            }
            if (matched == 0) {
                throw staleOrMissing(property, organization.id(), expectedVersion);
            }
        });
    }

    private RuntimeException conflict(MongoException e, PropertyId property, Organization organization) {
        if (StoreCalls.isDuplicateKey(e, Schema.ORGANIZATION_NAME_UNIQUE)) {
            Document owner = collection().find(Filters.and(scope(property), Filters.eq("f.name", Values.fold(organization.name()))))
                    .projection(Projections.include(Fields.ID)).first();
            return new ConflictException("the organization name '" + organization.name() + "' is taken by organization "
                    + (owner == null ? "(deleted meanwhile)" : owner.getString(Fields.ID)) + " in property " + property);
        }
        if (StoreCalls.isDuplicateKey(e, "_id_")) {
            return new ConflictException("organization " + organization.id() + " already exists");
        }
        return e;
    }

    /**
     * {@inheritDoc} The contacts that were linked to it lose the link but keep their
     * version and {@code updated}.
     */
    @Override
    public boolean delete(PropertyId property, OrganizationId id) {
        return StoreCalls.run("organizations.delete", property, () -> {
            boolean flagged = collection().updateOne(Filters.and(byId(property, id), Fields.notDeleting()),
                    Updates.set(Fields.DELETING, true)).getMatchedCount() == 1;
            if (flagged) {
                completeDeletion(property, id.toString());
            }
            return flagged;
        });
    }

    /**
     * The idempotent steps after the {@code deleting} flag: unlink it from every contact
     * (never leaving an empty array), then remove it.
     *
     * @param property the property
     * @param id       an organization id flagged {@code deleting}
     */
    void completeDeletion(PropertyId property, String id) {
        store.contactRepository().unlinkEverywhere(property, id);
        collection().deleteOne(Filters.and(Fields.one(property, id), Filters.eq(Fields.DELETING, true)));
    }

    /**
     * @param property the property
     * @return ids of its organizations whose deletion is in progress or was interrupted
     */
    List<String> deleting(PropertyId property) {
        List<String> ids = new ArrayList<>();
        for (Document d : collection().find(Filters.and(scope(property), Filters.eq(Fields.DELETING, true)))
                .projection(Projections.include(Fields.ID))) {
            ids.add(d.getString(Fields.ID));
        }
        return ids;
    }

    @Override
    public Optional<Organization> findByName(PropertyId property, String name) {
        Objects.requireNonNull(name, "name");
        return StoreCalls.run("organizations.findByName", property, () -> Optional.ofNullable(
                collection().find(Filters.and(scope(property), Filters.eq("f.name", Values.fold(name.strip())))).first())
                .map(EntityCodec::organization));
    }
}
