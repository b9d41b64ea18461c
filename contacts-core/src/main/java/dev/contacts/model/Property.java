package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A property (tenant): every contact, organization, segment and ticket belongs to exactly
 * one, and nothing crosses properties. Its zone is the default for day-based filters.
 *
 * @param id   the host-chosen id
 * @param name display name, not blank
 * @param zone time zone of local days in filters (default UTC)
 */
public record Property(PropertyId id, String name, ZoneId zone) {
    /**
     * Validates and normalises the name.
     *
     * @param id   the host-chosen id
     * @param name display name, not blank
     * @param zone time zone of local days in filters (default UTC)
     */
    public Property {
        Objects.requireNonNull(id, "id");
        name = Values.text("name", name);
        if (name == null) {
            throw new InvalidValueException("name", "a property needs a name");
        }
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    /**
     * @param id   property id text
     * @param name display name
     * @param zone time zone
     * @return the property
     */
    public static Property of(String id, String name, ZoneId zone) {
        return new Property(PropertyId.of(id), name, zone);
    }
}
