package dev.contacts.cli.io;

import dev.contacts.ConflictException;
import dev.contacts.ContactService;
import dev.contacts.ContactUpsert;
import dev.contacts.ContactsException;
import dev.contacts.OrganizationService;
import dev.contacts.PropertyContacts;
import dev.contacts.StoreException;
import dev.contacts.Upsert;
import dev.contacts.UpsertRowResult;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterLimits;
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
 * Imports rows into the contacts of one property, streaming: rows are read and checked one at
 * a time and written in batches of {@value #BATCH} through {@link ContactService#upsertAll}
 * (each row is one atomic write, with the results of writing the rows one after another), so
 * a file of a million rows needs no more memory than one batch. A row updates the contact its {@code id} names in this property, or else
 * the contact having its email (its {@code primaryEmail}, or the first of its {@code emails}),
 * or else creates a contact; a row with neither is rejected. Keys absent from a row keep the
 * stored values, {@code null} (an empty CSV cell) clears them; {@code organizations} names
 * organizations, created when missing; custom attributes must be defined in the property
 * first. A row that would change nothing writes nothing, so importing a file twice changes
 * nothing the second time. A dry run reads the store and writes nothing.
 */
public final class ContactImporter {
    /** Rows per {@link ContactService#upsertAll} call, and between two progress reports. */
    public static final int BATCH = ContactService.MAX_UPSERT_ROWS;

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
        Batch batch = new Batch();
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            try {
                if (dryRun) {
                    importRow(row);
                } else {
                    batch.add(row.line(), upsertRow(row));
                }
            } catch (RowRejectedException e) {
                batch.reject(row.line(), e.getMessage());
            } catch (StoreException e) {
                throw e;
            } catch (ContactsException e) {
                batch.reject(row.line(), e.getMessage());
            }
            if (++done % BATCH == 0) {
                batch.flush();
                progress.update(done, rows.position());
            }
        }
        batch.flush();
        progress.update(done, rows.position());
        return report;
    }

    /** One row of a batch: checked and waiting to be upserted, or rejected with a reason. */
    private static final class Entry {
        final long line;
        final Checked row;
        String rejection;
        int upsert = -1; // its position in the upsertAll call

        Entry(long line, Checked row, String rejection) {
            this.line = line;
            this.row = row;
            this.rejection = rejection;
        }
    }

    /**
     * The rows read since the last flush, in line order: rows checked and waiting to be
     * upserted, and rows already rejected while being read (reported in their place, so the
     * report stays in line order).
     */
    private final class Batch {
        private final List<Entry> entries = new ArrayList<>();

        void add(long line, Checked row) {
            entries.add(new Entry(line, row, null));
        }

        void reject(long line, String reason) {
            entries.add(new Entry(line, null, reason));
        }

        /**
         * Resolves the organizations the rows name (looked up together, missing ones created),
         * upserts the rows in one call and reports every row of the batch.
         */
        void flush() {
            List<Checked> rows = new ArrayList<>();
            entries.stream().filter(e -> e.row != null).forEach(e -> rows.add(e.row));
            resolveOrganizations(rows);
            List<ContactUpsert> upserts = new ArrayList<>(rows.size());
            for (Entry e : entries) {
                if (e.row == null) {
                    continue;
                }
                try {
                    upserts.add(ContactUpsert.of(e.row.parsed().id(), e.row.email(), changes(e.row.parsed())));
                    e.upsert = upserts.size() - 1;
                } catch (StoreException x) {
                    throw x;
                } catch (ContactsException x) {
                    e.rejection = x.getMessage();
                }
            }
            List<UpsertRowResult> results = upserts.isEmpty() ? List.of() : contacts.upsertAll(upserts);
            for (Entry e : entries) {
                if (e.upsert < 0) {
                    report.rejected(e.line, e.rejection);
                    continue;
                }
                UpsertRowResult result = results.get(e.upsert);
                if (result.isRejected()) {
                    report.rejected(e.line, result.rejection().orElseThrow().reason().getMessage());
                } else {
                    count(result.upsert().orElseThrow());
                }
            }
            entries.clear();
        }
    }

    private void count(Upsert upsert) {
        switch (upsert.outcome()) {
            case CREATED: report.created(); break;
            case UPDATED: report.updated(); break;
            default: report.unchanged(); break;
        }
    }

    /**
     * A row read and checked: the id it names, its changes (every value valid), and the names of
     * its organizations, resolved to ids only once the row is known to be valid.
     */
    private record Parsed(ContactId id, Map<String, Object> changes, boolean organizationsGiven, List<String> organizations) {
    }

    /** A row read and checked, with the email it is upserted by (its organizations not resolved yet). */
    private record Checked(Parsed parsed, String email) {
    }

    /** Checks a row; its organizations are resolved with the rest of its batch. */
    private Checked upsertRow(SourceRow row) {
        Parsed parsed = parse(row);
        String email = email(parsed.changes());
        if (email == null && parsed.id() == null) {
            throw new RowRejectedException(NO_KEY);
        }
        return new Checked(parsed, email);
    }

    /**
     * Finds the organizations a batch's rows name that are not known yet with a few
     * queries ({@link FilterLimits#MAX_LIST} names each) instead of one per name; names still
     * unknown are looked up and created one by one when the rows are turned into upserts.
     */
    private void resolveOrganizations(List<Checked> rows) {
        Map<String, String> unknown = new LinkedHashMap<>(); // fold -> normal name
        for (Checked row : rows) {
            if (row.parsed().organizations() == null) {
                continue;
            }
            for (String name : row.parsed().organizations()) {
                String normal;
                try {
                    normal = Values.text(ContactColumns.ORGANIZATIONS, name);
                } catch (ContactsException e) {
                    continue; // the row is rejected when its upsert is built
                }
                if (normal != null && !organizationIds.containsKey(Values.fold(normal))) {
                    unknown.putIfAbsent(Values.fold(normal), normal);
                }
            }
        }
        List<String> names = new ArrayList<>(unknown.values());
        for (int from = 0; from < names.size(); from += FilterLimits.MAX_LIST) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + FilterLimits.MAX_LIST));
            List<dev.contacts.model.Organization> found;
            try {
                found = organizations.find(Query.of(Filter.attr("name").isAnyOf(chunk)).withPageSize(Query.MAX_PAGE_SIZE)).items();
            } catch (StoreException e) {
                throw e;
            } catch (ContactsException e) {
                continue; // e.g. very long names over a filter limit: looked up one by one instead
            }
            for (dev.contacts.model.Organization o : found) {
                if (unknown.containsKey(Values.fold(o.name()))) {
                    organizationIds.put(Values.fold(o.name()), o.id());
                }
            }
        }
    }

    private static final String NO_KEY = "a row needs an email (emails or primaryEmail) or the id of a contact";

    private AttributeChanges changes(Parsed parsed) {
        Map<String, Object> changes = parsed.changes();
        if (parsed.organizationsGiven()) { // only now: a rejected row creates no organization
            changes.put(BuiltInAttributes.ORGANIZATION, parsed.organizations() == null ? null : organizationIds(parsed.organizations()));
        }
        return AttributeChanges.of(changes);
    }

    /** A dry run: what the row would do, read from the store, nothing written. */
    private void importRow(SourceRow row) {
        Parsed parsed = parse(row);
        AttributeChanges change = changes(parsed);
        Map<String, Object> changes = parsed.changes();
        Optional<Contact> byId = parsed.id() == null ? Optional.empty() : contacts.find(parsed.id());
        if (byId.isPresent()) {
            apply(byId.get(), change);
            return;
        }
        String email = email(changes);
        if (email == null) {
            throw new RowRejectedException(parsed.id() == null ? NO_KEY
                    : "id " + parsed.id() + " is not a contact of property " + property.property().id()
                    + " and the row has no email to create it by");
        }
        List<Contact> found = contacts.find(Query.of(Filter.attr("emails").is(email)).withPageSize(1)).items();
        if (found.isEmpty()) {
            report.created();
        } else {
            apply(found.get(0), change);
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
            if (!AttributeDefinition.isCustomKey(k)) { // never paste such a key into a suggested command
                throw new RowRejectedException("'" + key + "' is not a valid custom attribute name: keys match"
                        + " [a-z][a-z0-9_]{0,39}, e.g. custom.plan");
            }
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
