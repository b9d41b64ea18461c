package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.spi.AttributeDefinitionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Custom attribute definitions, one document each, unique per (property, target, name)
 * by a unique index, listed in creation order by a per-property position taken from the
 * {@code counters} collection. Deleting one flags it {@code deleting} (from then on it is
 * not listed and its name cannot be defined again), removes its values from every contact
 * or organization of the property with one {@code updateMany} (their version and
 * {@code updated} stay), then removes the definition; {@code recover} completes an
 * interrupted deletion.
 */
final class MongoAttributes implements AttributeDefinitionRepository {
    /** The counter of {@link Counters} that holds a property's catalog version. */
    private static final String CATALOG_COUNTER = "catalog";
    private final MongoStore store;

    MongoAttributes(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> collection() {
        return store.collection(Schema.ATTRIBUTES);
    }

    private static Bson named(PropertyId property, Target target, String name) {
        return Filters.and(Filters.eq(Fields.PROPERTY, property.value()), Filters.eq("target", target.name()), Filters.eq("name", name));
    }

    @Override
    public void create(PropertyId property, AttributeDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        if (definition.builtIn()) {
            throw new IllegalArgumentException(definition.name() + " is built in; only custom attributes are stored");
        }
        StoreCalls.runVoid("attributes.create", property, () -> {
            store.requireProperty(property, "define an attribute");
            long seq = Counters.next(store, property, "attributes");
            try {
                collection().insertOne(new Document(Fields.PROPERTY, property.value()).append("target", definition.target().name())
                        .append("name", definition.name()).append("label", definition.label()).append("type", definition.type().name())
                        .append("seq", seq));
            } catch (MongoException e) {
                if (StoreCalls.isDuplicateKey(e, Schema.ATTRIBUTE_NAME_UNIQUE)) {
                    boolean deleting = collection().countDocuments(Filters.and(named(property, definition.target(), definition.name()),
                            Filters.eq(Fields.DELETING, true))) > 0;
                    throw new ConflictException("the " + definition.target().name().toLowerCase(Locale.ROOT) + " attribute "
                            + definition.name() + (deleting ? " is still being deleted in property " + property
                            + "; run Contacts.recover() to finish the deletion, then define it again"
                            : " is already defined in property " + property));
                }
                throw e;
            }
            bumpCatalog(property);
        });
    }

    /**
     * {@inheritDoc} Here: the {@code catalog} counter of the property, raised after each
     * definition write (after it: a reader that reads the version, then the definitions, may
     * see a newer list under an older version — which only makes its next check reload — but
     * never an older list under a newer version).
     */
    @Override
    public long getCatalogVersion(PropertyId property) {
        Objects.requireNonNull(property, "property");
        return StoreCalls.run("attributes.catalogVersion", property, () -> Counters.current(store, property, CATALOG_COUNTER));
    }

    /** Raises the property's catalog version (after a definition changed). */
    void bumpCatalog(PropertyId property) {
        Counters.next(store, property, CATALOG_COUNTER);
    }

    @Override
    public List<AttributeDefinition> list(PropertyId property, Target target) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        return StoreCalls.run("attributes.list", property, () -> {
            List<AttributeDefinition> all = new ArrayList<>();
            for (Document d : collection().find(Filters.and(Filters.eq(Fields.PROPERTY, property.value()),
                    Filters.eq("target", target.name()), Fields.notDeleting())).sort(Sorts.ascending("seq"))) {
                all.add(new AttributeDefinition(d.getString("name"), d.getString("label"), AttributeType.valueOf(d.getString("type")),
                        target, false));
            }
            return List.copyOf(all);
        });
    }

    /** {@inheritDoc} Only the label is taken from the given definition; the type stays. */
    @Override
    public void update(PropertyId property, AttributeDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        StoreCalls.runVoid("attributes.update", property, () -> {
            store.requireProperty(property, "relabel an attribute");
            if (collection().updateOne(Filters.and(named(property, definition.target(), definition.name()), Fields.notDeleting()),
                    Updates.set("label", definition.label())).getMatchedCount() == 0) {
                throw new NotFoundException("the attribute " + definition.name() + " is not defined in property " + property);
            }
            bumpCatalog(property);
        });
    }

    @Override
    public boolean delete(PropertyId property, Target target, String name) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        return StoreCalls.run("attributes.delete", property, () -> {
            Document flagged = collection().findOneAndUpdate(Filters.and(named(property, target, name), Fields.notDeleting()),
                    Updates.set(Fields.DELETING, true), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            if (flagged == null) {
                return false;
            }
            bumpCatalog(property); // once flagged it is not listed any more
            completeDeletion(property, flagged);
            return true;
        });
    }

    /**
     * The idempotent steps after the {@code deleting} flag: drop the values, then the definition.
     *
     * @param property   the property
     * @param definition the flagged definition document
     */
    void completeDeletion(PropertyId property, Document definition) {
        String name = definition.getString("name");
        String key = name.substring(AttributeDefinition.CUSTOM_PREFIX.length());
        String collection = Target.valueOf(definition.getString("target")) == Target.CONTACT ? Schema.CONTACTS : Schema.ORGANIZATIONS;
        store.collection(collection).updateMany(Filters.and(Filters.eq(Fields.PROPERTY, property.value()),
                Filters.or(Filters.exists(Fields.customValue(key)), Filters.exists(Fields.customKey(key)))),
                Updates.combine(Updates.unset(Fields.customValue(key)), Updates.unset(Fields.customKey(key))));
        collection().deleteOne(Filters.and(Filters.eq(Fields.PROPERTY, property.value()), Filters.eq(Fields.ID, definition.get(Fields.ID)),
                Filters.eq(Fields.DELETING, true)));
    }

    /**
     * @param property the property
     * @return its definitions whose deletion is in progress or was interrupted
     */
    List<Document> deleting(PropertyId property) {
        return collection().find(Filters.and(Filters.eq(Fields.PROPERTY, property.value()), Filters.eq(Fields.DELETING, true)))
                .projection(Projections.include(Fields.ID, "target", "name")).into(new ArrayList<>());
    }
}
