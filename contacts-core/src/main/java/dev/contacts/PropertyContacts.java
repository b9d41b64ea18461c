package dev.contacts;

import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.SegmentCounts;
import dev.contacts.model.Property;

/**
 * Everything of one property (tenant): its contacts, organizations, attributes, segments and list views.
 * Nothing reached through it can read or change another property's data.
 */
public final class PropertyContacts {
    private final Property property;
    private final ContactService contacts;
    private final OrganizationService organizations;
    private final AttributeService attributes;
    private final CallService calls;
    private final TicketService tickets;
    private final SegmentService segments;
    private final ListViewService listViews;

    PropertyContacts(PropertyContext context, SegmentCounts segmentCounts) {
        this.property = context.property();
        this.contacts = new ContactService(context);
        this.organizations = new OrganizationService(context);
        this.attributes = new AttributeService(context);
        this.calls = new CallService(context);
        this.tickets = new TicketService(context);
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

    /** @return its saved segments of contacts and organizations */
    public SegmentService segments() {
        return segments;
    }

    /** @return the columns and sorts of its contact and organization lists */
    public ListViewService listViews() {
        return listViews;
    }
}
