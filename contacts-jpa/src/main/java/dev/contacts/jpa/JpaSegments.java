package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import dev.contacts.spi.SegmentRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved segments in {@code segment}: one row each, names unique per property and target by
 * fold through the unique key {@code (property_id, target, name_fold)}, updates optimistic on
 * {@code version}. The filter is stored as its canonical text and never interpreted here.
 */
final class JpaSegments implements SegmentRepository {
    private static final String COLUMNS = "id, target, version, name, filter_text, columns_list, sort_order, created, updated";

    private final Transactions tx;

    JpaSegments(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(PropertyId property, Segment segment) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(segment, "segment");
        String p = property.value();
        tx.run("insert segment", db -> {
            JpaEntityRepository.requireProperty(db, p, "insert a segment");
            if (db.exists(db.sql("SELECT 1 FROM segment WHERE property_id = ").value(p).append(" AND id = ").value(segment.id().value()))) {
                throw new ConflictException("segment " + segment.id() + " already exists in property " + p);
            }
            checkName(db, p, segment);
            db.update(db.sql("INSERT INTO segment (property_id, " + COLUMNS + ", name_fold) VALUES (").value(p).append(", ")
                    .value(segment.id().value()).append(", ").value(segment.target().name()).append(", ").value(segment.version())
                    .append(", ").value(segment.name()).append(", ").value(segment.filter()).append(", ")
                    .value(TextList.encode(segment.columns())).append(", ").value(segment.sort().toString()).append(", ")
                    .value(segment.created()).append(", ").value(segment.updated()).append(", ").value(segment.nameFold()).append(")"));
            return null;
        });
    }

    /** A readable error naming the other segment before the unique key would refuse the name. */
    private static void checkName(Db db, String property, Segment segment) throws SQLException {
        Optional<String> other = db.first(db.sql("SELECT name FROM segment WHERE property_id = ").value(property).append(" AND target = ")
                .value(segment.target().name()).append(" AND name_fold = ").value(segment.nameFold()).append(" AND id <> ")
                .value(segment.id().value()), rs -> rs.getString(1));
        if (other.isPresent()) {
            throw new ConflictException("the segment name '" + segment.name() + "' is taken by segment '" + other.get() + "' in property "
                    + property);
        }
    }

    @Override
    public Optional<Segment> get(PropertyId property, SegmentId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("get segment", db -> db.first(db.sql("SELECT " + COLUMNS + " FROM segment WHERE property_id = ").value(property.value())
                .append(" AND id = ").value(id.value()), rs -> segment(db, rs)));
    }

    @Override
    public Optional<Segment> findByName(PropertyId property, Target target, String name) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        return tx.run("find segment by name", db -> db.first(db.sql("SELECT " + COLUMNS + " FROM segment WHERE property_id = ")
                .value(property.value()).append(" AND target = ").value(target.name()).append(" AND name_fold = ")
                .value(dev.contacts.model.Values.fold(name)), rs -> segment(db, rs)));
    }

    @Override
    public List<Segment> list(PropertyId property, Target target) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        return tx.run("list segments", db -> db.list(db.sql("SELECT " + COLUMNS + " FROM segment WHERE property_id = ").value(property.value())
                .append(" AND target = ").value(target.name()), rs -> segment(db, rs)));
    }

    @Override
    public void update(PropertyId property, Segment segment, long expectedVersion) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(segment, "segment");
        String p = property.value();
        tx.run("update segment", db -> {
            JpaEntityRepository.requireProperty(db, p, "update a segment");
            Segment stored = OptimisticLock.lock(db, db.sql("SELECT " + COLUMNS + " FROM segment WHERE property_id = ").value(p)
                    .append(" AND id = ").value(segment.id().value()), rs -> segment(db, rs), Segment::version, "segment " + segment.id(), p,
                    expectedVersion);
            if (segment.version() != expectedVersion + 1 || segment.target() != stored.target()
                    || !segment.created().equals(stored.created())) {
                throw new IllegalArgumentException("the new state of segment " + segment.id() + " must have version " + (expectedVersion + 1)
                        + " and keep its target and creation time");
            }
            checkName(db, p, segment);
            db.update(db.sql("UPDATE segment SET version = ").value(segment.version()).append(", name = ").value(segment.name())
                    .append(", name_fold = ").value(segment.nameFold()).append(", filter_text = ").value(segment.filter())
                    .append(", columns_list = ").value(TextList.encode(segment.columns())).append(", sort_order = ")
                    .value(segment.sort().toString()).append(", updated = ").value(segment.updated()).append(" WHERE property_id = ")
                    .value(p).append(" AND id = ").value(segment.id().value()).append(" AND version = ").value(expectedVersion));
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, SegmentId id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("delete segment", db -> db.update(db.sql("DELETE FROM segment WHERE property_id = ").value(property.value())
                .append(" AND id = ").value(id.value())) > 0);
    }

    private static Segment segment(Db db, ResultSet rs) throws SQLException {
        UUID id = db.id(rs, "id");
        return new Segment(new SegmentId(id), Target.valueOf(rs.getString("target")), rs.getString("name"), rs.getString("filter_text"),
                TextList.decode(rs.getString("columns_list")), Sort.parse(rs.getString("sort_order")), rs.getLong("version"),
                db.instant(rs, "created"), db.instant(rs, "updated"));
    }
}
