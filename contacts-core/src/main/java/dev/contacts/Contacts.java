package dev.contacts;

import dev.contacts.host.Directory;
import dev.contacts.host.Telephony;
import dev.contacts.internal.HostServices;
import dev.contacts.internal.PropertyContext;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Entry point of the SDK.
 *
 * <pre>{@code
 * Contacts contacts = Contacts.builder().store(new InMemoryStore()).build();
 * contacts.createProperty(Property.of("acme-support", "ACME support", ZoneId.of("Europe/Paris")));
 * PropertyContacts acme = contacts.property("acme-support");
 * acme.contacts().create(AttributeChanges.builder().set("name", "Ada").set("emails", List.of("ada@example.com")).build());
 * }</pre>
 */
public final class Contacts {
    private final ContactStore store;
    private final Clock clock;
    private final HostServices hosts;

    private Contacts(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store: call Contacts.builder().store(...)");
        this.clock = b.clock;
        this.hosts = new HostServices(b.directory, b.telephony);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param property the new property
     * @return it
     * @throws ConflictException if its id exists
     */
    public Property createProperty(Property property) {
        store.properties().create(property);
        return property;
    }

    /**
     * @param id a property id
     * @return the services of that property
     * @throws NotFoundException if the property does not exist
     */
    public PropertyContacts property(PropertyId id) {
        Property p = store.properties().get(id)
                .orElseThrow(() -> new NotFoundException("property " + id + " does not exist; create it with createProperty"));
        return new PropertyContacts(new PropertyContext(p, store, clock, hosts));
    }

    /**
     * @param id a property id text
     * @return the services of that property
     * @throws NotFoundException if the property does not exist
     */
    public PropertyContacts property(String id) {
        return property(PropertyId.of(id));
    }

    /** @return every property */
    public List<Property> properties() {
        return store.properties().list();
    }

    /**
     * Deletes a property and everything in it.
     *
     * @param id the id
     * @return whether it existed
     */
    public boolean deleteProperty(PropertyId id) {
        return store.properties().delete(id);
    }

    /** @return the store */
    public ContactStore store() {
        return store;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** Configures {@link Contacts}. */
    public static final class Builder {
        private ContactStore store;
        private Clock clock = Clock.systemUTC();
        private Directory directory = Directory.ACCEPT_ALL;
        private Telephony telephony;

        private Builder() {
        }

        /**
         * @param store the store (required)
         * @return this builder
         */
        public Builder store(ContactStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param clock the clock of {@code now} (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param directory the host's agents and departments (default: accepts every id)
         * @return this builder
         */
        public Builder directory(Directory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param telephony the host's telephony provider (default: none; calls are refused)
         * @return this builder
         */
        public Builder telephony(Telephony telephony) {
            this.telephony = Objects.requireNonNull(telephony, "telephony");
            return this;
        }

        /** @return the configured SDK */
        public Contacts build() {
            return new Contacts(this);
        }
    }
}
