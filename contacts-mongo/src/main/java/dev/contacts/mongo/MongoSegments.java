package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.contacts.ConflictException;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Segment;
import dev.contacts.spi.SegmentRepository;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Saved segments, one document each, with the name's fold beside the name under the
 * unique index {@code (propertyId, target, nameFold)}, so two segments of a target can
 * never share a name by fold, whoever writes them. Edits are one update conditional on the
 * version. The filter is stored as its canonical text, never interpreted here.
 */
final class MongoSegments implements SegmentRepository {
    private final MongoStore store;

    MongoSegments(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> collection() {
        return store.collection(Schema.SEGMENTS);
    }

    private static Document fields(Segment s) {
        return new Document("target", s.target().name()).append("name", s.name()).append("nameFold", s.nameFold())
                .append("filter", s.filter()).append("columns", s.columns())
                .append("sort", BsonValues.sort(s.sort()))
                .append(Fields.VERSION, s.version()).append("created", Date.from(s.created())).append("updated", Date.from(s.updated()));
    }

    private static Segment decode(Document d) {
        return new Segment(new SegmentId(UUID.fromString(d.getString(Fields.ID))), Target.valueOf(d.getString("target")),
                d.getString("name"), d.getString("filter"), d.getList("columns", String.class),
                BsonValues.sort(d.get("sort", Document.class)),
                ((Number) d.get(Fields.VERSION)).longValue(), ((Date) d.get("created")).toInstant(), ((Date) d.get("updated")).toInstant());
    }

    @Override
    public void insert(PropertyId property, Segment segment) {
        Objects.requireNonNull(segment, "segment");
        StoreCalls.runVoid("segments.insert", property, () -> {
            store.requireProperty(property, "save a segment");
            Document doc = new Document(Fields.ID, segment.id().toString()).append(Fields.PROPERTY, property.value());
            doc.putAll(fields(segment));
            try {
                collection().insertOne(doc);
            } catch (MongoException e) {
                throw conflict(e, property, segment);
            }
        });
    }

    private RuntimeException conflict(MongoException e, PropertyId property, Segment segment) {
        if (StoreCalls.isDuplicateKey(e, Schema.SEGMENT_NAME_UNIQUE)) {
            Document other = collection().find(Filters.and(Fields.scope(property), Filters.eq("target", segment.target().name()),
                    Filters.eq("nameFold", segment.nameFold()))).projection(Projections.include(Fields.ID, "name")).first();
            return new ConflictException("the " + segment.target().name().toLowerCase(Locale.ROOT) + " segment '"
                    + (other == null ? segment.name() : other.getString("name")) + "' (" + (other == null ? "deleted meanwhile"
                    : other.getString(Fields.ID)) + ") already has the name '" + segment.name() + "' in property " + property);
        }
        if (StoreCalls.isDuplicateKey(e, "_id_")) {
            return new ConflictException("segment " + segment.id() + " already exists in property " + property);
        }
        return e;
    }

    @Override
    public Optional<Segment> get(PropertyId property, SegmentId id) {
        return StoreCalls.run("segments.get", property, () -> Optional.ofNullable(collection().find(Fields.one(property, id)).first())
                .map(MongoSegments::decode));
    }

    @Override
    public Optional<Segment> findByName(PropertyId property, Target target, String name) {
        Objects.requireNonNull(target, "target");
        String fold = Values.fold(Objects.requireNonNull(name, "name"));
        return StoreCalls.run("segments.findByName", property, () -> Optional.ofNullable(collection().find(Filters.and(
                Fields.scope(property), Filters.eq("target", target.name()), Filters.eq("nameFold", fold))).first())
                .map(MongoSegments::decode));
    }

    @Override
    public List<Segment> list(PropertyId property, Target target) {
        Objects.requireNonNull(target, "target");
        return StoreCalls.run("segments.list", property, () -> {
            List<Segment> all = new ArrayList<>();
            for (Document d : collection().find(Filters.and(Fields.scope(property), Filters.eq("target", target.name())))) {
                all.add(decode(d));
            }
            return List.copyOf(all);
        });
    }

    @Override
    public void update(PropertyId property, Segment segment, long expectedVersion) {
        Objects.requireNonNull(segment, "segment");
        StoreCalls.runVoid("segments.update", property, () -> {
            store.requireProperty(property, "change a segment");
            Segment current = decode(Versions.current(collection(), property, segment.id(), "segment", expectedVersion));
            if (segment.target() != current.target() || !segment.created().equals(current.created())
                    || segment.version() != expectedVersion + 1) {
                throw new IllegalArgumentException("a segment keeps its target and creation time, and its version goes up by one");
            }
            List<Bson> changes = new ArrayList<>();
            fields(segment).forEach((name, value) -> changes.add(Updates.set(name, value)));
            try {
                Versions.update(collection(), property, segment.id(), "segment", expectedVersion, Updates.combine(changes));
            } catch (MongoException e) {
                throw conflict(e, property, segment);
            }
        });
    }

    @Override
    public boolean delete(PropertyId property, SegmentId id) {
        return StoreCalls.run("segments.delete", property, () -> collection().deleteOne(Fields.one(property, id)).getDeletedCount() == 1);
    }
}
