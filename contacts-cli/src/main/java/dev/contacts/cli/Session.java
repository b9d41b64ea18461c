package dev.contacts.cli;

import dev.contacts.Contacts;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the commands of one run share: the open store, the SDK built on it (with the
 * clock of {@code --now} and a mailer that prints emails), and the property worked in.
 */
final class Session implements AutoCloseable {
    private final ContactStore store;
    private final Contacts sdk;
    private final ZoneId zoneOverride;
    private final String storeUrl;
    private PropertyContacts property;
    private final String propertyId;

    private Session(String storeUrl, ContactStore store, Contacts sdk, String propertyId, ZoneId zoneOverride) {
        this.storeUrl = storeUrl;
        this.store = store;
        this.sdk = sdk;
        this.propertyId = propertyId;
        this.zoneOverride = zoneOverride;
    }

    static Session open(String storeUrl, String propertyId, ZoneId zone, Instant now, Path blobs, PrintWriter out) {
        PropertyId.of(propertyId); // a bad id is bad usage, before any store is opened
        ContactStore store = StoreUrls.open(storeUrl);
        Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);
        Contacts.Builder builder = Contacts.builder().store(store).clock(clock).mailer(new ConsoleMailer(out));
        if (blobs != null) {
            builder.blobStore(new DirectoryBlobStore(blobs)); // else the store's own: a table of an h2:/SQL database, GridFS, memory
        }
        Contacts sdk;
        try {
            sdk = builder.build();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new Session(storeUrl, store, sdk, propertyId, zone);
    }

    /** @return the SDK */
    Contacts sdk() {
        return sdk;
    }

    /** @return the store URL */
    String storeUrl() {
        return storeUrl;
    }

    /** @return the property of {@code --property}, created (in {@code --zone}, else UTC) when it does not exist */
    PropertyContacts property() {
        if (property == null) {
            property = property(propertyId);
        }
        return property;
    }

    /**
     * @param id a property id
     * @return its services, creating the property on first use
     */
    PropertyContacts property(String id) {
        try {
            return sdk.property(id);
        } catch (NotFoundException e) {
            // another command may create it at the same moment: either one's property is fine
            sdk.createPropertyIfAbsent(Property.of(id, id, zoneOverride == null ? ZoneOffset.UTC : zoneOverride));
            return sdk.property(id);
        }
    }

    /** @return the zone of printed dates and local days: {@code --zone}, else the property's */
    ZoneId zone() {
        return zoneOverride != null ? zoneOverride : property().property().zone();
    }

    /** @return the {@code --zone} given, or null */
    ZoneId zoneOverride() {
        return zoneOverride;
    }

    @Override
    public void close() {
        store.close();
    }
}
