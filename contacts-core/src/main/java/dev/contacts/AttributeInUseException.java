package dev.contacts;

import dev.contacts.query.Segment;
import java.util.List;

/**
 * A custom attribute cannot be deleted because saved segments use it — in their filter,
 * their columns or their sort. Nothing was deleted. Edit or delete those segments first,
 * or delete the attribute with {@link AttributeService#forceDelete}, which reports them.
 *
 * <p>A {@link ConflictException}: like a duplicate name, the request is well formed but
 * conflicts with what the property holds now, and may succeed once that changes; callers
 * that map conflicts to "409 Conflict" get the right answer without knowing this type.
 */
public class AttributeInUseException extends ConflictException {
    private static final long serialVersionUID = 1L;
    /** The attribute whose deletion was refused. */
    private final String attribute;
    private final transient List<Segment> segments;

    /**
     * @param attribute the attribute that was to be deleted
     * @param segments  the segments that use it
     * @param message   which segments use it and how, and what to do
     */
    public AttributeInUseException(String attribute, List<Segment> segments, String message) {
        super(message);
        this.attribute = attribute;
        this.segments = List.copyOf(segments);
    }

    /** @return the attribute that was to be deleted */
    public String attribute() {
        return attribute;
    }

    /** @return the segments that use it, as they were when the deletion was refused (empty after deserialization) */
    public List<Segment> segments() {
        return segments != null ? segments : List.of();
    }
}
