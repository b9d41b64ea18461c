package dev.contacts.model;

import dev.contacts.InvalidValueException;
import dev.contacts.UnknownAttributeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An organization (company) that contacts are linked to, with the built-in organization
 * attributes of docs/filter-semantics.md §2 and its custom values. Immutable and normalised like
 * {@link Contact}. Its name is required. {@code contacts} is the number of linked contacts,
 * maintained by the store and always known.
 *
 * @param id       the id
 * @param version  optimistic-locking version
 * @param name     name, required
 * @param domains  web domains
 * @param tags     tags
 * @param phone    phone
 * @param country  ISO 3166-1 alpha-2 code
 * @param city     city
 * @param region   region
 * @param contacts number of linked contacts (0 when none)
 * @param created  creation instant
 * @param updated  instant of the last write
 * @param custom   custom values by key (without {@code custom.})
 */
public record Organization(
        OrganizationId id,
        long version,
        String name,
        List<String> domains,
        List<String> tags,
        String phone,
        String country,
        String city,
        String region,
        long contacts,
        Instant created,
        Instant updated,
        Map<String, Object> custom) implements Attributed {

    /**
     * Normalises every value.
     *
     * @param id       the id
     * @param version  optimistic-locking version
     * @param name     name, required
     * @param domains  web domains
     * @param tags     tags
     * @param phone    phone
     * @param country  ISO 3166-1 alpha-2 code
     * @param city     city
     * @param region   region
     * @param contacts number of linked contacts (0 when none)
     * @param created  creation instant
     * @param updated  instant of the last write
     * @param custom   custom values by key (without {@code custom.})
     * @throws InvalidValueException naming the attribute whose value cannot be stored
     */
    public Organization {
        Objects.requireNonNull(id, "id");
        name = Values.text("name", name);
        if (name == null) {
            throw new InvalidValueException("name", "an organization needs a name");
        }
        domains = Values.textSet("domains", domains);
        tags = Values.textSet("tags", tags);
        phone = Values.text("phone", phone);
        country = Values.country("country", country);
        city = Values.text("city", city);
        region = Values.text("region", region);
        if (contacts < 0) {
            throw new InvalidValueException("contacts", "a contact count cannot be negative");
        }
        created = Values.date("created", created);
        updated = Values.date("updated", updated);
        custom = Customs.normalize(custom);
    }

    /**
     * @param id the id of the new organization
     * @return a builder with every value unknown
     */
    public static Builder builder(OrganizationId id) {
        return new Builder(id);
    }

    /** @return a builder holding this organization's values */
    public Builder toBuilder() {
        Builder b = new Builder(id).version(version).contacts(contacts);
        for (AttributeDefinition d : BuiltInAttributes.of(Target.ORGANIZATION)) {
            if (!d.name().equals("contacts")) {
                b.values.put(d.name(), value(d.name()));
            }
        }
        b.custom.putAll(custom);
        return b;
    }

    /**
     * @param count the number of linked contacts
     * @return this organization with another linked-contact count (stores use it when reading)
     */
    public Organization withContacts(long count) {
        return new Organization(id, version, name, domains, tags, phone, country, city, region, count, created, updated, custom);
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
            case "domains": return domains.isEmpty() ? null : domains;
            case "tags": return tags.isEmpty() ? null : tags;
            case "phone": return phone;
            case "country": return country;
            case "city": return city;
            case "region": return region;
            case "contacts": return BigDecimal.valueOf(contacts);
            case "created": return created;
            case "updated": return updated;
            default:
                throw new UnknownAttributeException(attribute, "'" + attribute + "' is not an organization attribute"
                        + AttributeDefinition.bareKeyHint(attribute));
        }
    }

    /** Builds an {@link Organization} value by value; {@link #build()} normalises and validates. */
    public static final class Builder {
        private final OrganizationId id;
        private long version = 1;
        private long contacts;
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder(OrganizationId id) {
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
         * @param count number of linked contacts (set by stores)
         * @return this builder
         */
        public Builder contacts(long count) {
            this.contacts = count;
            return this;
        }

        /**
         * Sets a built-in attribute (not {@code contacts}) or a custom one; {@code null} makes it unknown.
         *
         * @param attribute attribute name
         * @param value     value of the attribute's Java type
         * @return this builder
         */
        public Builder set(String attribute, Object value) {
            if (Customs.set(custom, attribute, value)) {
                return this;
            }
            AttributeDefinition d = BuiltInAttributes.find(Target.ORGANIZATION, attribute);
            if (d == null || attribute.equals("contacts")) {
                throw new UnknownAttributeException(attribute, "'" + attribute + "' cannot be set on an organization");
            }
            values.put(attribute, Values.of(attribute, d.type(), value));
            return this;
        }

        /**
         * @param attribute attribute name
         * @return the value set so far, or null
         */
        public Object get(String attribute) {
            return attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX) ? Customs.get(custom, attribute) : values.get(attribute);
        }

        /**
         * @return the organization
         * @throws InvalidValueException naming the attribute whose value cannot be stored
         */
        @SuppressWarnings("unchecked")
        public Organization build() {
            return new Organization(id, version, (String) values.get("name"), (List<String>) values.get("domains"),
                    (List<String>) values.get("tags"), (String) values.get("phone"), (String) values.get("country"),
                    (String) values.get("city"), (String) values.get("region"), contacts,
                    (Instant) values.get("created"), (Instant) values.get("updated"), custom);
        }
    }
}
