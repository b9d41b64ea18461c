package dev.contacts;

import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.SegmentCounts;
import dev.contacts.model.Property;

/**
 * Everything of one property (tenant): its contacts, organizations, attributes, segments,
 * list views, tickets, calls, notes, activity and timelines.
 * Nothing reached through it can read or change another property's data.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class PropertyContacts {
    private final Property property;
    private final ContactService contacts;
    private final OrganizationService organizations;
    private final AttributeService attributes;
    private final CallService calls;
    private final TicketService tickets;
    private final NoteService notes;
    private final ActivityService activity;
    private final TimelineService timeline;
    private final SegmentService segments;
    private final ListViewService listViews;

    PropertyContacts(PropertyContext context, SegmentCounts segmentCounts) {
        this.property = context.property();
        this.contacts = new ContactService(context);
        this.organizations = new OrganizationService(context);
        this.attributes = new AttributeService(context);
        this.calls = new CallService(context);
        this.tickets = new TicketService(context);
        this.notes = new NoteService(context);
        this.activity = new ActivityService(context);
        this.timeline = new TimelineService(context);
        this.segments = new SegmentService(context, segmentCounts);
        this.listViews = new ListViewService(context);
    }

    /** @return the property */
    public Property property() {
        return property;
    }

    /** @return its contacts */
    public ContactService contacts() {
        return contacts;
    }

    /** @return its organizations */
    public OrganizationService organizations() {
        return organizations;
    }

    /** @return its custom attributes */
    public AttributeService attributes() {
        return attributes;
    }

    /** @return phone calls through the host's telephony provider */
    public CallService calls() {
        return calls;
    }

    /** @return its tickets, conducted by email */
    public TicketService tickets() {
        return tickets;
    }

    /** @return the notes agents write on its contacts and organizations (internal: never shown to contacts) */
    public NoteService notes() {
        return notes;
    }

    /** @return the ingestion of its contacts' web sessions and live chats */
    public ActivityService activity() {
        return activity;
    }

    /** @return the timelines of its contacts: notes, chats and ticket messages merged newest first */
    public TimelineService timeline() {
        return timeline;
    }

    /** @return its saved segments of contacts and organizations */
    public SegmentService segments() {
        return segments;
    }

    /** @return the columns and sorts of its contact and organization lists */
    public ListViewService listViews() {
        return listViews;
    }
}
