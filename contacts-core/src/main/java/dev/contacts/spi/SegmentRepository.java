package dev.contacts.spi;

import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Segment;
import java.util.List;
import java.util.Optional;

/**
 * Storage of saved segments, per property. A segment is one small aggregate (one row or
 * document); the store keeps its fields as given, including the filter's canonical text,
 * which it never interprets.
 *
 * <p>Rules the store enforces atomically: segment names are unique per property and
 * target by {@link Segment#nameFold()} (keep the fold beside the name and put a unique
 * key on {@code (property, target, name fold)}; never the database's case functions), and
 * {@link #update} is optimistic on the version. Every method is scoped to one property: a
 * segment of another property is not found. Calls naming a property that does not exist
 * read as empty; {@code insert} and {@code update} there throw
 * {@link dev.contacts.NotFoundException}.
 *
 * <p>Implementations must be thread-safe, each method atomic on its own, and take part in the
 * unit of work open on the calling thread ({@link ContactStore#unitOfWork}).
 */
public interface SegmentRepository {
    /**
     * @param property the property
     * @param segment  the new segment, version 1
     * @throws dev.contacts.ConflictException if its id exists, or another segment of the property and target has the
     *                                        same name by fold (the message names that segment)
     * @throws dev.contacts.NotFoundException if the property does not exist
     */
    void insert(PropertyId property, Segment segment);

    /**
     * @param property the property
     * @param id       the segment id
     * @return the segment, or empty when it is not in this property
     */
    Optional<Segment> get(PropertyId property, SegmentId id);

    /**
     * @param property the property
     * @param target   contacts or organizations
     * @param name     a name in TEXT normal form
     * @return the segment of that target whose name has the same fold, if any
     */
    Optional<Segment> findByName(PropertyId property, Target target, String name);

    /**
     * @param property the property
     * @param target   contacts or organizations
     * @return every segment of the property for that target, in any order (the SDK sorts them)
     */
    List<Segment> list(PropertyId property, Target target);

    /**
     * Replaces a segment if its stored version is {@code expectedVersion}. Its id, target
     * and creation time never change.
     *
     * @param property        the property
     * @param segment         the new state, version {@code expectedVersion + 1}
     * @param expectedVersion the version the change was based on
     * @throws dev.contacts.NotFoundException if the segment is not in this property
     * @throws dev.contacts.ConflictException if the stored version differs, or the new name is taken by fold by another
     *                                        segment of the property and target
     */
    void update(PropertyId property, Segment segment, long expectedVersion);

    /**
     * @param property the property
     * @param id       the segment id
     * @return whether it existed in this property
     */
    boolean delete(PropertyId property, SegmentId id);
}
