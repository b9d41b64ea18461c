package dev.contacts;

import dev.contacts.model.SegmentId;

/**
 * A saved segment cannot be run because its filter no longer validates against the
 * property's attributes — typically a custom attribute it uses was deleted with
 * {@link AttributeService#forceDelete} (or deleted and defined again with another type).
 * Nothing was listed or counted: a broken segment never runs unfiltered. Edit the
 * segment's filter ({@link SegmentService#edit}) or delete the segment.
 */
public class BrokenSegmentException extends ContactsException {
    private static final long serialVersionUID = 1L;
    /** The broken segment. */
    private final SegmentId segment;
    /** Its name. */
    private final String segmentName;
    /** The attribute that no longer fits the filter, or null when the error does not name one. */
    private final String attribute;

    /**
     * @param segment     the segment's id
     * @param segmentName the segment's name
     * @param attribute   the attribute the filter names that is missing or changed type, or {@code null} when unknown
     * @param message     what is wrong and what to do
     * @param cause       the validation error of the filter
     */
    public BrokenSegmentException(SegmentId segment, String segmentName, String attribute, String message, Throwable cause) {
        super(message, cause);
        this.segment = segment;
        this.segmentName = segmentName;
        this.attribute = attribute;
    }

    /** @return the id of the broken segment */
    public SegmentId segment() {
        return segment;
    }

    /** @return the name of the broken segment */
    public String segmentName() {
        return segmentName;
    }

    /** @return the attribute that no longer fits the filter, or {@code null} when the error does not name one */
    public String attribute() {
        return attribute;
    }
}
