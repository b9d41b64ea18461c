package dev.contacts.inmemory;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Segment;
import dev.contacts.spi.SegmentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved segments under the property's lock: the name-fold index and the version check
 * happen in the same critical section as the write, so two concurrent saves of one name,
 * or two edits of one version, cannot both succeed.
 */
final class InMemorySegments implements SegmentRepository {
    private final InMemoryStore store;

    InMemorySegments(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(PropertyId property, Segment segment) {
        Objects.requireNonNull(segment, "segment");
        PropertyData data = store.require(property, "save a segment");
        data.write(() -> {
            ViewData v = data.views;
            if (v.segments.containsKey(segment.id())) {
                throw new ConflictException("segment " + segment.id() + " already exists in property " + property);
            }
            Map<String, SegmentId> names = v.segmentNames.get(segment.target());
            checkNameFree(v, names, segment, property);
            v.segments.put(segment.id(), segment);
            names.put(segment.nameFold(), segment.id());
            return null;
        });
    }

    @Override
    public Optional<Segment> get(PropertyId property, SegmentId id) {
        Objects.requireNonNull(id, "id");
        return store.read(property, Optional.empty(), data -> Optional.ofNullable(data.views.segments.get(id)));
    }

    @Override
    public Optional<Segment> findByName(PropertyId property, Target target, String name) {
        Objects.requireNonNull(target, "target");
        String fold = Values.fold(Objects.requireNonNull(name, "name"));
        return store.read(property, Optional.empty(), data -> {
            SegmentId id = data.views.segmentNames.get(target).get(fold);
            return id == null ? Optional.empty() : Optional.of(data.views.segments.get(id));
        });
    }

    @Override
    public List<Segment> list(PropertyId property, Target target) {
        Objects.requireNonNull(target, "target");
        return store.read(property, List.of(), data -> {
            List<Segment> all = new ArrayList<>();
            for (Segment s : data.views.segments.values()) {
                if (s.target() == target) {
                    all.add(s);
                }
            }
            return List.copyOf(all);
        });
    }

    @Override
    public void update(PropertyId property, Segment segment, long expectedVersion) {
        Objects.requireNonNull(segment, "segment");
        PropertyData data = store.require(property, "change a segment");
        data.write(() -> {
            ViewData v = data.views;
            Segment current = v.segments.get(segment.id());
            if (current == null) {
                throw new NotFoundException("segment " + segment.id() + " does not exist in property " + property);
            }
            if (current.version() != expectedVersion) {
                throw new ConflictException("segment " + segment.id() + " is at version " + current.version() + ", not "
                        + expectedVersion + "; reload it and apply the change again");
            }
            if (segment.target() != current.target() || !segment.created().equals(current.created())
                    || segment.version() != expectedVersion + 1) {
                throw new IllegalArgumentException("a segment keeps its target and creation time, and its version goes up by one");
            }
            Map<String, SegmentId> names = v.segmentNames.get(current.target());
            checkNameFree(v, names, segment, property);
            names.remove(current.nameFold());
            names.put(segment.nameFold(), segment.id());
            v.segments.put(segment.id(), segment);
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, SegmentId id) {
        Objects.requireNonNull(id, "id");
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        if (data == null) {
            return false;
        }
        return data.write(() -> {
            Segment removed = data.views.segments.remove(id);
            if (removed == null) {
                return false;
            }
            data.views.segmentNames.get(removed.target()).remove(removed.nameFold());
            return true;
        });
    }

    private static void checkNameFree(ViewData v, Map<String, SegmentId> names, Segment segment, PropertyId property) {
        SegmentId holder = names.get(segment.nameFold());
        if (holder != null && !holder.equals(segment.id())) {
            Segment other = v.segments.get(holder);
            throw new ConflictException("the " + segment.target().name().toLowerCase(Locale.ROOT) + " segment '" + other.name() + "' ("
                    + holder + ") already has the name '" + segment.name() + "' in property " + property);
        }
    }
}
