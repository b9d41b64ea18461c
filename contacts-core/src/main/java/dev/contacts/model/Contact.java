package dev.contacts.model;

import dev.contacts.UnknownAttributeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person, with every built-in attribute of docs/filter-semantics.md §2 and the custom values of
 * its property. Immutable; the constructor puts every value in its normal form (§1), so a
 * {@code Contact} never holds blank text or a duplicate set element. Unknown values are
 * {@code null} (sets: empty lists). {@code primaryEmail} and {@code primaryPhone} are the
 * first elements of {@code emails} and {@code phones}.
 *
 * @param id the id
 * @param version optimistic-locking version, 1 after creation
 * @param name name
 * @param emails emails (first is the primary email)
 * @param phones phones (first is the primary phone)
 * @param organizations organizations
 * @param jobTitle jobTitle
 * @param tags tags
 * @param facebookUrl facebookUrl
 * @param linkedinUrl linkedinUrl
 * @param twitterHandle twitterHandle
 * @param instagramHandle instagramHandle
 * @param country country
 * @param city city
 * @param region region
 * @param hostname hostname
 * @param ip ip
 * @param os os
 * @param browser browser
 * @param firstWebSession firstWebSession
 * @param lastWebSession lastWebSession
 * @param totalWebSessions totalWebSessions
 * @param pagesViewed pagesViewed
 * @param timeSpent timeSpent
 * @param firstLiveChat firstLiveChat
 * @param lastLiveChat lastLiveChat
 * @param totalLiveChats totalLiveChats
 * @param firstTicket firstTicket
 * @param lastTicket lastTicket
 * @param totalTickets totalTickets
 * @param created created
 * @param updated updated
 * @param firstSeen firstSeen
 * @param lastSeen lastSeen
 * @param custom custom values by key (without the {@code custom.} prefix); absent = unknown
 */
public record Contact(
        ContactId id,
        long version,
        String name,
        List<String> emails,
        List<String> phones,
        List<OrganizationId> organizations,
        String jobTitle,
        List<String> tags,
        String facebookUrl,
        String linkedinUrl,
        String twitterHandle,
        String instagramHandle,
        String country,
        String city,
        String region,
        String hostname,
        String ip,
        String os,
        String browser,
        Instant firstWebSession,
        Instant lastWebSession,
        BigDecimal totalWebSessions,
        BigDecimal pagesViewed,
        BigDecimal timeSpent,
        Instant firstLiveChat,
        Instant lastLiveChat,
        BigDecimal totalLiveChats,
        Instant firstTicket,
        Instant lastTicket,
        BigDecimal totalTickets,
        Instant created,
        Instant updated,
        Instant firstSeen,
        Instant lastSeen,
        Map<String, Object> custom) implements Attributed {

    /**
     * Normalises every value.
     *
     * @param id               the id
     * @param version          optimistic-locking version, 1 after creation
     * @param name             name
     * @param emails           emails (first is the primary email)
     * @param phones           phones (first is the primary phone)
     * @param organizations    organizations
     * @param jobTitle         jobTitle
     * @param tags             tags
     * @param facebookUrl      facebookUrl
     * @param linkedinUrl      linkedinUrl
     * @param twitterHandle    twitterHandle
     * @param instagramHandle  instagramHandle
     * @param country          country
     * @param city             city
     * @param region           region
     * @param hostname         hostname
     * @param ip               ip
     * @param os               os
     * @param browser          browser
     * @param firstWebSession  firstWebSession
     * @param lastWebSession   lastWebSession
     * @param totalWebSessions totalWebSessions
     * @param pagesViewed      pagesViewed
     * @param timeSpent        timeSpent
     * @param firstLiveChat    firstLiveChat
     * @param lastLiveChat     lastLiveChat
     * @param totalLiveChats   totalLiveChats
     * @param firstTicket      firstTicket
     * @param lastTicket       lastTicket
     * @param totalTickets     totalTickets
     * @param created          created
     * @param updated          updated
     * @param firstSeen        firstSeen
     * @param lastSeen         lastSeen
     * @param custom           custom values by key (without the {@code custom.} prefix); absent = unknown
     * @throws dev.contacts.InvalidValueException naming the attribute whose value cannot be stored
     */
    public Contact {
        Objects.requireNonNull(id, "id");
        name = Values.text("name", name);
        emails = Values.emails("emails", emails);
        phones = Values.textSet("phones", phones);
        organizations = organizations == null ? List.of() : List.copyOf(new LinkedHashSet<>(organizations));
        jobTitle = Values.text("jobTitle", jobTitle);
        tags = Values.textSet("tags", tags);
        facebookUrl = Values.text("facebookUrl", facebookUrl);
        linkedinUrl = Values.text("linkedinUrl", linkedinUrl);
        twitterHandle = Values.text("twitterHandle", twitterHandle);
        instagramHandle = Values.text("instagramHandle", instagramHandle);
        country = Values.country("country", country);
        city = Values.text("city", city);
        region = Values.text("region", region);
        hostname = Values.text("hostname", hostname);
        ip = Values.text("ip", ip);
        os = Values.text("os", os);
        browser = Values.text("browser", browser);
        firstWebSession = Values.date("firstWebSession", firstWebSession);
        lastWebSession = Values.date("lastWebSession", lastWebSession);
        totalWebSessions = Values.counter("totalWebSessions", totalWebSessions);
        pagesViewed = Values.counter("pagesViewed", pagesViewed);
        timeSpent = Values.duration("timeSpent", timeSpent);
        firstLiveChat = Values.date("firstLiveChat", firstLiveChat);
        lastLiveChat = Values.date("lastLiveChat", lastLiveChat);
        totalLiveChats = Values.counter("totalLiveChats", totalLiveChats);
        firstTicket = Values.date("firstTicket", firstTicket);
        lastTicket = Values.date("lastTicket", lastTicket);
        totalTickets = Values.counter("totalTickets", totalTickets);
        created = Values.date("created", created);
        updated = Values.date("updated", updated);
        firstSeen = Values.date("firstSeen", firstSeen);
        lastSeen = Values.date("lastSeen", lastSeen);
        custom = Customs.normalize(custom);
        requireOrder("firstWebSession", firstWebSession, "lastWebSession", lastWebSession);
        requireOrder("firstLiveChat", firstLiveChat, "lastLiveChat", lastLiveChat);
        requireOrder("firstTicket", firstTicket, "lastTicket", lastTicket);
        requireOrder("firstSeen", firstSeen, "lastSeen", lastSeen);
    }

    /** A first* date later than its last* twin cannot come from any sequence of events. */
    private static void requireOrder(String firstName, Instant first, String lastName, Instant last) {
        if (first != null && last != null && first.isAfter(last)) {
            throw new dev.contacts.InvalidValueException(firstName, first + " is later than " + lastName + " " + last
                    + "; a first date cannot come after the last one");
        }
    }

    /**
     * @param id the id of the new contact
     * @return a builder with every value unknown
     */
    public static Builder builder(ContactId id) {
        return new Builder(id);
    }

    /** @return a builder holding this contact's values, to derive a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder(id).version(version);
        for (AttributeDefinition d : BuiltInAttributes.of(Target.CONTACT)) {
            if (!d.name().equals("primaryEmail") && !d.name().equals("primaryPhone")) {
                b.values.put(d.name(), value(d.name()));
            }
        }
        b.custom.putAll(custom);
        return b;
    }

    /** @return the first email, or null */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    /** @return the first phone, or null */
    public String primaryPhone() {
        return phones.isEmpty() ? null : phones.get(0);
    }

    @Override
    public EntityId entityId() {
        return id;
    }

    @Override
    public Object value(String attribute) {
        if (attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            return Customs.get(custom, attribute);
        }
        switch (attribute) {
            case "name": return name;
            case "primaryEmail": return primaryEmail();
            case "emails": return emails.isEmpty() ? null : emails;
            case "primaryPhone": return primaryPhone();
            case "phones": return phones.isEmpty() ? null : phones;
            case BuiltInAttributes.ORGANIZATION: return organizations.isEmpty() ? null : organizations;
            case "jobTitle": return jobTitle;
            case "tags": return tags.isEmpty() ? null : tags;
            case "facebookUrl": return facebookUrl;
            case "linkedinUrl": return linkedinUrl;
            case "twitterHandle": return twitterHandle;
            case "instagramHandle": return instagramHandle;
            case "country": return country;
            case "city": return city;
            case "region": return region;
            case "hostname": return hostname;
            case "ip": return ip;
            case "os": return os;
            case "browser": return browser;
            case "firstWebSession": return firstWebSession;
            case "lastWebSession": return lastWebSession;
            case "totalWebSessions": return totalWebSessions;
            case "pagesViewed": return pagesViewed;
            case "timeSpent": return timeSpent;
            case "firstLiveChat": return firstLiveChat;
            case "lastLiveChat": return lastLiveChat;
            case "totalLiveChats": return totalLiveChats;
            case "firstTicket": return firstTicket;
            case "lastTicket": return lastTicket;
            case "totalTickets": return totalTickets;
            case "created": return created;
            case "updated": return updated;
            case "firstSeen": return firstSeen;
            case "lastSeen": return lastSeen;
            default:
                throw new UnknownAttributeException(attribute, "'" + attribute + "' is not a contact attribute"
                        + AttributeDefinition.bareKeyHint(attribute));
        }
    }

    /** Builds a {@link Contact} value by value; {@link #build()} normalises and validates. */
    public static final class Builder {
        private final ContactId id;
        private long version = 1;
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder(ContactId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * @param version the version
         * @return this builder
         */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Sets a built-in attribute (not {@code primaryEmail}/{@code primaryPhone}: set
         * {@code emails}/{@code phones}) or a custom one ({@code custom.<key>}) to an
         * already typed value; {@code null} makes it unknown.
         *
         * @param attribute attribute name
         * @param value     value of the attribute's Java type
         * @return this builder
         */
        public Builder set(String attribute, Object value) {
            if (Customs.set(custom, attribute, value)) {
                return this;
            }
            AttributeDefinition d = BuiltInAttributes.find(Target.CONTACT, attribute);
            if (d == null || attribute.equals("primaryEmail") || attribute.equals("primaryPhone")
                    || attribute.equals(BuiltInAttributes.ORGANIZATION_NAME)) {
                throw new UnknownAttributeException(attribute, "'" + attribute + "' cannot be set on a contact");
            }
            values.put(attribute, d.type() == AttributeType.ORG_LINK ? organizationIds(value) : Values.of(attribute, d.type(), value));
            return this;
        }

        private static List<OrganizationId> organizationIds(Object value) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof java.util.Collection) {
                if (((java.util.Collection<?>) value).stream().allMatch(o -> o instanceof OrganizationId)) {
                    @SuppressWarnings("unchecked")
                    java.util.Collection<OrganizationId> ids = (java.util.Collection<OrganizationId>) value;
                    return List.copyOf(new LinkedHashSet<>(ids));
                }
            }
            throw new dev.contacts.InvalidValueException(BuiltInAttributes.ORGANIZATION, "expected a list of organization ids, got " + value);
        }

        /**
         * @param attribute attribute name
         * @return the value set so far, or null
         */
        public Object get(String attribute) {
            return attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX) ? Customs.get(custom, attribute) : values.get(attribute);
        }

        /**
         * @return the contact
         * @throws dev.contacts.InvalidValueException naming the attribute whose value cannot be stored
         */
        @SuppressWarnings("unchecked")
        public Contact build() {
            return new Contact(id, version,
                    (String) values.get("name"),
                    (List<String>) values.get("emails"),
                    (List<String>) values.get("phones"),
                    (List<OrganizationId>) values.get(BuiltInAttributes.ORGANIZATION),
                    (String) values.get("jobTitle"),
                    (List<String>) values.get("tags"),
                    (String) values.get("facebookUrl"),
                    (String) values.get("linkedinUrl"),
                    (String) values.get("twitterHandle"),
                    (String) values.get("instagramHandle"),
                    (String) values.get("country"),
                    (String) values.get("city"),
                    (String) values.get("region"),
                    (String) values.get("hostname"),
                    (String) values.get("ip"),
                    (String) values.get("os"),
                    (String) values.get("browser"),
                    (Instant) values.get("firstWebSession"),
                    (Instant) values.get("lastWebSession"),
                    (BigDecimal) values.get("totalWebSessions"),
                    (BigDecimal) values.get("pagesViewed"),
                    (BigDecimal) values.get("timeSpent"),
                    (Instant) values.get("firstLiveChat"),
                    (Instant) values.get("lastLiveChat"),
                    (BigDecimal) values.get("totalLiveChats"),
                    (Instant) values.get("firstTicket"),
                    (Instant) values.get("lastTicket"),
                    (BigDecimal) values.get("totalTickets"),
                    (Instant) values.get("created"),
                    (Instant) values.get("updated"),
                    (Instant) values.get("firstSeen"),
                    (Instant) values.get("lastSeen"),
                    custom);
        }
    }
}
