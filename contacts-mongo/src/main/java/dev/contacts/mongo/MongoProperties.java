package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.PropertyRepository;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * Properties, one document each ({@code _id} = the property id). Deleting one is three
 * idempotent steps: the document is flagged {@code deleting} (from then on the property
 * reads as absent and its id cannot be created again), every collection drops the
 * property's documents, then the document goes. An interrupted deletion is completed when
 * the store starts and by every {@code recover}.
 */
final class MongoProperties implements PropertyRepository {
    private final MongoStore store;

    MongoProperties(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> collection() {
        return store.collection(Schema.PROPERTIES);
    }

    @Override
    public void create(Property property) {
        Objects.requireNonNull(property, "property");
        StoreCalls.runVoid("properties.create", property.id(), () -> {
            try {
                collection().insertOne(new Document(Fields.ID, property.id().value()).append("name", property.name())
                        .append("zone", property.zone().getId()));
            } catch (MongoException e) {
                if (StoreCalls.isDuplicateKey(e, "_id_")) {
                    boolean deleting = collection().countDocuments(Filters.and(Filters.eq(Fields.ID, property.id().value()),
                            Filters.eq(Fields.DELETING, true))) > 0;
                    throw new ConflictException("property " + property.id() + (deleting
                            ? " is still being deleted; run Contacts.recover() to finish the deletion, then create it again"
                            : " already exists"));
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Property> get(PropertyId id) {
        Objects.requireNonNull(id, "id");
        return StoreCalls.run("properties.get", id, () -> Optional.ofNullable(
                collection().find(Filters.and(Filters.eq(Fields.ID, id.value()), Fields.notDeleting())).first()).map(MongoProperties::decode));
    }

    @Override
    public List<Property> list() {
        return StoreCalls.run("properties.list", null, () -> {
            List<Property> all = new ArrayList<>();
            for (Document d : collection().find(Fields.notDeleting()).sort(Sorts.ascending(Fields.ID))) {
                all.add(decode(d));
            }
            return all;
        });
    }

    @Override
    public boolean delete(PropertyId id) {
        Objects.requireNonNull(id, "id");
        return StoreCalls.run("properties.delete", id, () -> {
            boolean flagged = collection().updateOne(Filters.and(Filters.eq(Fields.ID, id.value()), Fields.notDeleting()),
                    Updates.set(Fields.DELETING, true)).getMatchedCount() == 1;
            if (flagged) {
                completeDeletion(id.value());
            }
            return flagged;
        });
    }

    /**
     * The idempotent steps after the {@code deleting} flag: every document of the property,
     * then the property itself.
     *
     * @param id a property id flagged {@code deleting}
     */
    void completeDeletion(String id) {
        for (String name : Schema.PROPERTY_DATA) {
            store.collection(name).deleteMany(Filters.eq(Fields.PROPERTY, id));
        }
        collection().deleteOne(Filters.and(Filters.eq(Fields.ID, id), Filters.eq(Fields.DELETING, true)));
    }

    /** @return the ids of properties whose deletion is in progress or was interrupted */
    List<String> deleting() {
        List<String> ids = new ArrayList<>();
        for (Document d : collection().find(Filters.eq(Fields.DELETING, true))) {
            ids.add(d.getString(Fields.ID));
        }
        return ids;
    }

    /**
     * @param property a property
     * @param action   what is being done, for the message
     * @throws NotFoundException if it does not exist or is being deleted
     */
    void require(PropertyId property, String action) {
        Objects.requireNonNull(property, "property");
        if (collection().countDocuments(Filters.and(Filters.eq(Fields.ID, property.value()), Fields.notDeleting())) == 0) {
            throw new NotFoundException("cannot " + action + ": property " + property + " does not exist");
        }
    }

    private static Property decode(Document d) {
        return new Property(PropertyId.of(d.getString(Fields.ID)), d.getString("name"), ZoneId.of(d.getString("zone")));
    }
}
