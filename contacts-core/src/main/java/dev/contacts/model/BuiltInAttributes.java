package dev.contacts.model;

import static dev.contacts.model.AttributeType.BOOLEAN;
import static dev.contacts.model.AttributeType.DATE;
import static dev.contacts.model.AttributeType.NUMBER;
import static dev.contacts.model.AttributeType.ORG_LINK;
import static dev.contacts.model.AttributeType.TEXT;
import static dev.contacts.model.AttributeType.TEXT_SET;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in attribute catalogue of docs/filter-semantics.md §2: the 34 contact attributes in the
 * product's order, the organization attributes, and the filter-only
 * {@code organization.name} of contacts.
 */
public final class BuiltInAttributes {
    /** Name of the contact attribute holding the linked organizations. */
    public static final String ORGANIZATION = "organization";
    /** Filter-only pseudo-attribute of contacts: the names of their linked organizations (docs/filter-semantics.md §4). */
    public static final String ORGANIZATION_NAME = "organization.name";

    private static final Map<String, AttributeDefinition> CONTACT = new LinkedHashMap<>();
    private static final Map<String, AttributeDefinition> ORG = new LinkedHashMap<>();

    static {
        c("name", "Name", TEXT);
        c("primaryEmail", "Primary email", TEXT);
        c("emails", "Emails", TEXT_SET);
        c("primaryPhone", "Primary phone", TEXT);
        c("phones", "Phones", TEXT_SET);
        c(ORGANIZATION, "Organization", ORG_LINK);
        c("jobTitle", "Job title", TEXT);
        c("tags", "Tags", TEXT_SET);
        c("facebookUrl", "Facebook URL", TEXT);
        c("linkedinUrl", "LinkedIn URL", TEXT);
        c("twitterHandle", "Twitter handle", TEXT);
        c("instagramHandle", "Instagram handle", TEXT);
        c("country", "Country", TEXT);
        c("city", "City", TEXT);
        c("region", "Region", TEXT);
        c("hostname", "Hostname", TEXT);
        c("ip", "IP", TEXT);
        c("os", "Operating system", TEXT);
        c("browser", "Browser", TEXT);
        c("firstWebSession", "First web session", DATE);
        c("lastWebSession", "Last web session", DATE);
        c("totalWebSessions", "Total web sessions", NUMBER);
        c("pagesViewed", "Pages viewed", NUMBER);
        c("timeSpent", "Time spent (seconds)", NUMBER);
        c("firstLiveChat", "First live chat", DATE);
        c("lastLiveChat", "Last live chat", DATE);
        c("totalLiveChats", "Total live chats", NUMBER);
        c("firstTicket", "First ticket", DATE);
        c("lastTicket", "Last ticket", DATE);
        c("totalTickets", "Total tickets", NUMBER);
        c("created", "Created", DATE);
        c("updated", "Updated", DATE);
        c("firstSeen", "First seen", DATE);
        c("lastSeen", "Last seen", DATE);

        o("name", "Name", TEXT);
        o("domains", "Domains", TEXT_SET);
        o("tags", "Tags", TEXT_SET);
        o("phone", "Phone", TEXT);
        o("country", "Country", TEXT);
        o("city", "City", TEXT);
        o("region", "Region", TEXT);
        o("contacts", "Contacts", NUMBER);
        o("created", "Created", DATE);
        o("updated", "Updated", DATE);
    }

    private static final AttributeDefinition ORG_NAME_DEFINITION =
            new AttributeDefinition(ORGANIZATION_NAME, "Organization name", TEXT, Target.CONTACT, true);

    private BuiltInAttributes() {
    }

    private static void c(String name, String label, AttributeType type) {
        CONTACT.put(name, new AttributeDefinition(name, label, type, Target.CONTACT, true));
    }

    private static void o(String name, String label, AttributeType type) {
        ORG.put(name, new AttributeDefinition(name, label, type, Target.ORGANIZATION, true));
    }

    /**
     * @param target contacts or organizations
     * @return the built-in attributes of that target, in the product's order (34 for contacts)
     */
    public static List<AttributeDefinition> of(Target target) {
        return List.copyOf((target == Target.CONTACT ? CONTACT : ORG).values());
    }

    /**
     * @param target contacts or organizations
     * @param name   attribute name
     * @return the built-in definition, or {@code null} when the name is not built in;
     *         {@code organization.name} is found for contacts
     */
    public static AttributeDefinition find(Target target, String name) {
        if (target == Target.CONTACT && ORGANIZATION_NAME.equals(name)) {
            return ORG_NAME_DEFINITION;
        }
        return (target == Target.CONTACT ? CONTACT : ORG).get(name);
    }

    /** @return the names of the contact attributes maintained by activity ingestion and ticketing */
    public static List<String> contactStatistics() {
        List<String> names = new ArrayList<>();
        for (String n : CONTACT.keySet()) {
            if (n.startsWith("first") || n.startsWith("last") || n.startsWith("total")
                    || n.equals("pagesViewed") || n.equals("timeSpent")) {
                names.add(n);
            }
        }
        return Collections.unmodifiableList(names);
    }
}
