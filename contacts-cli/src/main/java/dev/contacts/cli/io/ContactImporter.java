package dev.contacts.cli.io;

import dev.contacts.ConflictException;
import dev.contacts.ContactService;
import dev.contacts.ContactsException;
import dev.contacts.OrganizationService;
import dev.contacts.PropertyContacts;
import dev.contacts.StoreException;
import dev.contacts.Upsert;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Query;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports rows into the contacts of one property, streaming: one row is read, checked and
 * written at a time (each row is one atomic write), so a file of a million rows needs no more
 * memory than one. A row updates the contact its {@code id} names in this property, or else
 * the contact having its email (its {@code primaryEmail}, or the first of its {@code emails}),
 * or else creates a contact; a row with neither is rejected. Keys absent from a row keep the
 * stored values, {@code null} (an empty CSV cell) clears them; {@code organizations} names
 * organizations, created when missing; custom attributes must be defined in the property
 * first. A row that would change nothing writes nothing, so importing a file twice changes
 * nothing the second time. A dry run reads the store and writes nothing.
 */
public final class ContactImporter {
    /** Rows between two progress reports. */
    public static final int BATCH = 1000;

    /** Receives progress: rows done and the position in the input. */
    public interface Progress {
        /**
         * @param rows     rows done
         * @param position characters of the input read
         */
        void update(long rows, long position);
    }

    private final PropertyContacts property;
    private final ContactService contacts;
    private final OrganizationService organizations;
    private final AttributeCatalog catalog;
    private final ZoneId zone;
    private final boolean dryRun;
    private final Map<String, OrganizationId> organizationIds = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OrganizationId> eldest) {
            return size() > 10_000;
        }
    };
    private final ImportReport report = new ImportReport();

    /**
     * @param property the property to import into
     * @param zone     zone of dates given without a time
     * @param dryRun   whether to only report what would happen
     */
    public ContactImporter(PropertyContacts property, ZoneId zone, boolean dryRun) {
        this.property = property;
        this.contacts = property.contacts();
        this.organizations = property.organizations();
        this.catalog = property.attributes().catalog(Target.CONTACT);
        this.zone = zone;
        this.dryRun = dryRun;
    }

    /** @return the report so far (complete after {@link #run}) */
    public ImportReport report() {
        return report;
    }

    /**
     * @param rows     the rows
     * @param progress told after every {@value #BATCH} rows and at the end
     * @return the report
     * @throws StoreException if the store fails (the report so far stays available through {@link #report()})
     */
    public ImportReport run(RowSource rows, Progress progress) {
        long done = 0;
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            try {
                importRow(row);
            } catch (RowRejectedException e) {
                report.rejected(row.line(), e.getMessage());
            } catch (StoreException e) {
                throw e;
            } catch (ContactsException e) {
                report.rejected(row.line(), e.getMessage());
            }
            if (++done % BATCH == 0) {
                progress.update(done, rows.position());
            }
        }
        progress.update(done, rows.position());
        return report;
    }

    /**
     * A row read and checked: the id it names, its changes (every value valid), and the names of
     * its organizations, resolved to ids only once the row is known to be valid.
     */
    private record Parsed(ContactId id, Map<String, Object> changes, boolean organizationsGiven, List<String> organizations) {
    }

    private void importRow(SourceRow row) {
        Parsed parsed = parse(row);
        Map<String, Object> changes = parsed.changes();
        if (parsed.organizationsGiven()) { // only now: a rejected row creates no organization
            changes.put(BuiltInAttributes.ORGANIZATION, parsed.organizations() == null ? null : organizationIds(parsed.organizations()));
        }
        AttributeChanges change = AttributeChanges.of(changes);
        Optional<Contact> byId = parsed.id() == null ? Optional.empty() : contacts.find(parsed.id());
        if (byId.isPresent()) {
            apply(byId.get(), change);
            return;
        }
        String email = email(changes);
        if (email == null) {
            throw new RowRejectedException(parsed.id() == null ? "a row needs an email (emails or primaryEmail) or the id of a contact"
                    : "id " + parsed.id() + " is not a contact of property " + property.property().id()
                    + " and the row has no email to create it by");
        }
        if (dryRun) {
            List<Contact> found = contacts.find(Query.of(Filter.attr("emails").is(email)).withPageSize(1)).items();
            if (found.isEmpty()) {
                report.created();
            } else {
                apply(found.get(0), change);
            }
            return;
        }
        Upsert upsert = contacts.upsertByEmail(email, change);
        switch (upsert.outcome()) {
            case CREATED: report.created(); break;
            case UPDATED: report.updated(); break;
            default: report.unchanged(); break;
        }
    }

    private Parsed parse(SourceRow row) {
        if (row.error() != null) {
            throw new RowRejectedException(row.error());
        }
        ContactId id = null;
        List<String> organizationNames = null;
        boolean organizationsGiven = false;
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.values().entrySet()) {
            String key = e.getKey();
            Object raw = e.getValue();
            switch (key) {
                case ContactColumns.ID:
                    id = raw == null ? null : ContactId.parse((String) ValueCodec.read(key, AttributeType.TEXT, raw, row.csv(), zone));
                    break;
                case ContactColumns.ORGANIZATIONS:
                    @SuppressWarnings("unchecked")
                    List<String> names = (List<String>) ValueCodec.read(key, AttributeType.TEXT_SET, raw, row.csv(), zone);
                    organizationNames = names;
                    organizationsGiven = true;
                    break;
                case "updated":
                    report.ignored(key); // set by the store on every write
                    break;
                case BuiltInAttributes.ORGANIZATION:
                case BuiltInAttributes.ORGANIZATION_NAME:
                    throw new RowRejectedException(key + ": write the names of the contact's organizations under 'organizations'");
                default:
                    changes.put(key, ValueCodec.read(key, definition(key).type(), raw, row.csv(), zone));
            }
        }
        probe(Contact.builder(ContactId.generate()), changes); // every value valid before anything is written
        return new Parsed(id, changes, organizationsGiven, organizationNames);
    }

    private void apply(Contact current, AttributeChanges change) {
        if (probe(current.toBuilder(), change.values()).equals(current)) {
            report.unchanged();
            return;
        }
        if (!dryRun) {
            contacts.update(current.id(), current.version(), change);
        }
        report.updated();
    }

    /** The contact a change would make: the service's rules for primary values, every value validated. */
    @SuppressWarnings("unchecked")
    private Contact probe(Contact.Builder b, Map<String, Object> changes) {
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (key.equals("primaryEmail") || key.equals("primaryPhone")) {
                String set = key.equals("primaryEmail") ? "emails" : "phones";
                List<String> rest = new ArrayList<>(b.get(set) == null ? List.of() : (List<String>) b.get(set));
                if (v == null) {
                    b.set(set, rest.isEmpty() ? null : rest.subList(1, rest.size()));
                } else {
                    rest.add(0, (String) Values.of(key, AttributeType.TEXT, v));
                    b.set(set, rest);
                }
            } else if (key.equals(BuiltInAttributes.ORGANIZATION)) {
                b.set(key, v == null ? List.of() : v);
            } else {
                b.set(key, Values.of(key, definition(key).type(), v));
            }
        }
        return b.build();
    }

    private static String email(Map<String, Object> changes) {
        Object primary = changes.get("primaryEmail");
        if (primary instanceof String) {
            return Values.text("primaryEmail", (String) primary);
        }
        Object emails = changes.get("emails");
        if (emails instanceof List) {
            for (Object e : (List<?>) emails) {
                String normal = Values.text("emails", (String) e);
                if (normal != null) {
                    return normal;
                }
            }
        }
        return null;
    }

    private AttributeDefinition definition(String key) {
        AttributeDefinition d = catalog.find(key);
        if (d != null) {
            return d;
        }
        if (key.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            String k = key.substring(AttributeDefinition.CUSTOM_PREFIX.length());
            throw new RowRejectedException(key + " is not defined in property " + property.property().id()
                    + "; define it first: contacts attributes define " + k + " --type TEXT|TEXT_SET|NUMBER|DATE|BOOLEAN --label " + label(k));
        }
        throw new RowRejectedException("'" + key + "' is not a contact attribute (see 'contacts attributes list')");
    }

    private static String label(String key) {
        String words = key.replace('_', ' ');
        return "\"" + words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + "\"";
    }

    private List<OrganizationId> organizationIds(List<String> names) {
        List<OrganizationId> ids = new ArrayList<>();
        for (String name : names) {
            String normal = Values.text(ContactColumns.ORGANIZATIONS, name);
            if (normal != null) {
                ids.add(organizationIds.computeIfAbsent(Values.fold(normal), f -> organization(normal)));
            }
        }
        return ids;
    }

    private OrganizationId organization(String name) {
        for (int attempt = 0; ; attempt++) {
            Optional<dev.contacts.model.Organization> existing = organizations.findByName(name);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            if (dryRun) {
                report.organizationCreated();
                return OrganizationId.generate(); // stands for the organization a real run would create
            }
            try {
                OrganizationId id = organizations.create(name).id();
                report.organizationCreated();
                return id;
            } catch (ConflictException e) {
                if (attempt > 2) {
                    throw e; // created concurrently: found on the next attempt
                }
            }
        }
    }
}
