package dev.contacts.mongo;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.contacts.ConflictException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.spi.EntityRepository;
import dev.contacts.spi.SeekOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The reads contacts and organizations share. Every query is {@code propertyId = p AND
 * <translated filter>}, so a filter, an id or a cursor never reaches another property's
 * documents. Finds sort by the phase's key then {@code _id} and read at most {@code limit}
 * documents: keyset paging, never {@code skip}.
 *
 * @param <I> id type
 * @param <T> aggregate type
 */
abstract class MongoEntityRepository<I extends EntityId, T extends Attributed> implements EntityRepository<I, T> {
    /** Fields a read decodes; the comparison keys and markers stay on the server. */
    private static final Bson ENTITY_FIELDS = Projections.include(Fields.ID, Fields.VERSION, Fields.VALUES, Fields.LINKED_CONTACTS);
    /** Documents per round trip when a bulk operation walks a result by id. */
    static final int BATCH = 500;

    final MongoStore store;
    final Target target;
    private final String collectionName;
    private final Function<Document, T> decoder;
    private final Function<String, I> idParser;

    MongoEntityRepository(MongoStore store, Target target, String collectionName, Function<Document, T> decoder,
                          Function<String, I> idParser) {
        this.store = store;
        this.target = target;
        this.collectionName = collectionName;
        this.decoder = decoder;
        this.idParser = idParser;
    }

    /** @return the collection */
    MongoCollection<Document> collection() {
        return store.collection(collectionName);
    }

    /** @return the aggregate's name in messages and log lines */
    String noun() {
        return target == Target.CONTACT ? "contact" : "organization";
    }

    private String operation(String what) {
        return collectionName + "." + what;
    }

    static Bson scope(PropertyId property) {
        return Fields.scope(property);
    }

    static Bson byId(PropertyId property, EntityId id) {
        return Fields.one(property, id);
    }

    /**
     * @param property the property
     * @param filter   a store-form filter
     * @return the query of the filter inside the property
     */
    Bson query(PropertyId property, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return Filters.and(scope(property), FilterTranslator.translate(filter, target));
    }

    @Override
    public Optional<T> get(PropertyId property, I id) {
        return StoreCalls.run(operation("get"), property, () -> Optional.ofNullable(
                collection().find(byId(property, id)).projection(ENTITY_FIELDS).first()).map(decoder));
    }

    /** {@inheritDoc} The id alone is read. */
    @Override
    public boolean exists(PropertyId property, I id) {
        return StoreCalls.run(operation("exists"), property, () ->
                collection().find(byId(property, id)).projection(Projections.include(Fields.ID)).first() != null);
    }

    @Override
    public List<T> getAll(PropertyId property, List<I> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (I id : new LinkedHashSet<>(ids)) {
            texts.add(id.toString());
        }
        return StoreCalls.run(operation("getAll"), property, () -> decodeAll(
                collection().find(Filters.and(scope(property), Filters.in(Fields.ID, texts))).projection(ENTITY_FIELDS)));
    }

    @Override
    public List<T> find(PropertyId property, Filter filter, SeekOrder order, int limit) {
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > 1001) {
            throw new InvalidValueException("limit", limit + " is not within 1..1001");
        }
        return StoreCalls.run(operation("find"), property, () -> decodeAll(collection().find(query(property, filter))
                .sort(FilterTranslator.sort(order, target)).limit(limit).projection(ENTITY_FIELDS)));
    }

    @Override
    public List<I> findIds(PropertyId property, Filter filter) {
        return StoreCalls.run(operation("findIds"), property, () -> {
            List<I> ids = new ArrayList<>();
            for (Document d : collection().find(query(property, filter)).projection(Projections.include(Fields.ID))) {
                ids.add(idParser.apply(d.getString(Fields.ID)));
            }
            return ids;
        });
    }

    @Override
    public long count(PropertyId property, Filter filter) {
        return StoreCalls.run(operation("count"), property, () -> collection().countDocuments(query(property, filter)));
    }

    private List<T> decodeAll(FindIterable<Document> docs) {
        List<T> result = new ArrayList<>();
        for (Document d : docs) {
            result.add(decoder.apply(d));
        }
        return result;
    }

    /**
     * @param property the property
     * @param entity   a new aggregate
     * @return its document: id, property, version, display values and comparison keys
     */
    Document newDocument(PropertyId property, T entity) {
        return new Document(Fields.ID, entity.entityId().toString()).append(Fields.PROPERTY, property.value())
                .append(Fields.VERSION, entity.version()).append(Fields.VALUES, EntityCodec.values(entity, target))
                .append(Fields.KEYS, EntityCodec.keys(entity, target));
    }

    /**
     * Visits every document matching a query in pages by increasing {@code _id}, so a
     * document is seen once even when the visit changes the fields the query reads.
     *
     * @param query      the query (property scope included)
     * @param projection the fields to read
     * @param visitor    called for each document
     */
    void forEachById(Bson query, Bson projection, Consumer<Document> visitor) {
        String after = null;
        while (true) {
            Bson page = after == null ? query : Filters.and(query, Filters.gt(Fields.ID, after));
            List<Document> docs = collection().find(page).sort(Sorts.ascending(Fields.ID)).limit(BATCH).projection(projection)
                    .into(new ArrayList<>());
            for (Document d : docs) {
                visitor.accept(d);
            }
            if (docs.size() < BATCH) {
                return;
            }
            after = docs.get(docs.size() - 1).getString(Fields.ID);
        }
    }

    /**
     * After an update whose filter named the expected version matched nothing: tells
     * whether the aggregate is gone or was changed by someone else.
     *
     * @throws NotFoundException if it does not exist in the property
     * @throws ConflictException otherwise
     */
    RuntimeException staleOrMissing(PropertyId property, EntityId id, long expectedVersion) {
        Document current = collection().find(Filters.and(byId(property, id), Fields.notDeleting()))
                .projection(Projections.include(Fields.VERSION)).first();
        if (current == null) {
            return new NotFoundException(noun() + " " + id + " does not exist in property " + property);
        }
        return new ConflictException(noun() + " " + id + " is at version " + current.get(Fields.VERSION) + ", not " + expectedVersion
                + "; reload it and apply the change again");
    }

    /**
     * @param next     the version of the new state
     * @param expected the version the change was based on
     * @param id       the id, for the message
     * @throws IllegalArgumentException unless {@code next == expected + 1}
     */
    void checkNextVersion(long next, long expected, EntityId id) {
        if (next != expected + 1) {
            throw new IllegalArgumentException("the new state of " + noun() + " " + id + " must have version " + (expected + 1)
                    + ", not " + next);
        }
    }
}
