package dev.contacts.cli.io;

import dev.contacts.ConflictException;
import dev.contacts.ContactService;
import dev.contacts.ContactUpsert;
import dev.contacts.ContactsException;
import dev.contacts.OrganizationService;
import dev.contacts.PropertyContacts;
import dev.contacts.StoreException;
import dev.contacts.RejectedRow;
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
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports rows into the contacts of one property, streaming: rows are read and checked one at
 * a time and written in batches of {@value #BATCH} through {@link ContactService#upsertAll}
 * (each row is one atomic write, with the results of writing the rows one after another), so
 * a file of a million rows needs no more memory than one batch. A row updates the contact its
 * {@code id} names in this property, or else the contact having its email (its
 * {@code primaryEmail}, or the first of its {@code emails}), or else creates a contact; a row
 * with neither is rejected. Keys absent from a row keep the stored values, {@code null} (an
 * empty CSV cell) clears them; {@code organizations} (or {@code organization}, the API's name)
 * names organizations, created when missing and kept only when a row naming them is written;
 * custom attributes must be defined in the property first (or planned, see
 * {@link AttributePlan}). A row that would change nothing writes nothing, so importing a file
 * twice changes nothing the second time.
 *
 * <p>A dry run writes nothing and reads the store a batch at a time as the import does: the
 * contacts of a batch's emails with one query per {@value FilterLimits#MAX_LIST} emails by
 * primary address, then one by any address for the emails still unknown; rows whose id is not
 * the contact found by their email are read by id. Any failure of one row — a bad value, or an unexpected exception —
 * rejects that row alone; a store failure stops the import and the report names the lines that
 * were being written; a file that stops being readable stops it after the rows before are written.
 */
public final class ContactImporter {
    /** Rows per {@link ContactService#upsertAll} call, and between two progress reports. */
    public static final int BATCH = ContactService.MAX_UPSERT_ROWS;
    private static final Logger LOG = LoggerFactory.getLogger(ContactImporter.class);

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
    private final AttributePlan plan;
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
        this(property, zone, dryRun, AttributePlan.NONE);
    }

    /**
     * @param property the property to import into (its attributes read now: define planned ones first)
     * @param zone     zone of dates given without a time
     * @param dryRun   whether to only report what would happen
     * @param plan     custom attributes {@code --create-attributes} defines (a dry run only pretends they exist)
     *                 and keys it refused, with why
     */
    public ContactImporter(PropertyContacts property, ZoneId zone, boolean dryRun, AttributePlan plan) {
        this.property = property;
        this.contacts = property.contacts();
        this.organizations = property.organizations();
        this.catalog = property.attributes().catalog(Target.CONTACT);
        this.plan = plan;
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
     * @throws StoreException        if the store fails (the report so far stays available through {@link #report()})
     * @throws InputFormatException  if the file stops being readable (the rows before are imported first)
     * @throws UncheckedIOException  if the file cannot be read (the rows before are imported first)
     */
    public ImportReport run(RowSource rows, Progress progress) {
        long done = 0;
        Batch batch = new Batch();
        try {
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                try {
                    batch.add(row.line(), check(row));
                } catch (StoreException e) {
                    throw e;
                } catch (RowRejectedException | ContactsException e) {
                    batch.reject(row.line(), e.getMessage());
                } catch (RuntimeException e) {
                    batch.reject(row.line(), unexpected(row.line(), e));
                }
                if (++done % BATCH == 0) {
                    batch.flush();
                    progress.update(done, rows.position());
                }
            }
        } catch (InputFormatException | UncheckedIOException e) {
            batch.flush(); // every row read before the failure is written or reported
            progress.update(done, rows.position());
            throw e;
        }
        batch.flush();
        progress.update(done, rows.position());
        return report;
    }

    private static String unexpected(long line, RuntimeException e) {
        LOG.debug("line {} could not be imported", line, e);
        return "could not be imported (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "); --debug logs the details";
    }

    /** One row of a batch: checked and waiting to be upserted, or rejected with a reason. */
    private static final class Entry {
        final long line;
        final Checked row;
        String rejection;
        int upsert = -1; // its position in the upsertAll call
        List<OrganizationId> organizations = List.of();
        Upsert.Outcome outcome;

        Entry(long line, Checked row, String rejection) {
            this.line = line;
            this.row = row;
            this.rejection = rejection;
        }

        boolean accepted() {
            return rejection == null;
        }
    }

    /**
     * The rows read since the last flush, in line order: rows checked and waiting to be
     * upserted, and rows already rejected while being read (reported in their place, so the
     * report stays in line order).
     */
    private final class Batch {
        private final List<Entry> entries = new ArrayList<>();
        /** Organizations this batch created (or, in a dry run, would create), kept only if a row naming them is written. */
        private final Map<OrganizationId, String> created = new LinkedHashMap<>();

        void add(long line, Checked row) {
            entries.add(new Entry(line, row, null));
        }

        void reject(long line, String reason) {
            entries.add(new Entry(line, null, reason));
        }

        /** Writes (or, in a dry run, simulates) the batch and reports every row of it, in line order. */
        void flush() {
            if (entries.isEmpty()) {
                return;
            }
            try {
                resolveOrganizations(entries);
                List<ContactUpsert> upserts = new ArrayList<>();
                for (Entry e : entries) {
                    if (e.accepted()) {
                        guarded(e, () -> {
                            e.organizations = organizationIds(e.row.parsed(), created);
                            upserts.add(ContactUpsert.of(e.row.parsed().id(), e.row.email(), changes(e.row.parsed(), e.organizations)));
                            e.upsert = upserts.size() - 1;
                        });
                    }
                }
                if (dryRun) {
                    simulate();
                } else {
                    write(upserts);
                }
                keepUsedOrganizations();
            } catch (StoreException e) {
                report.interrupted(entries.get(0).line, entries.get(entries.size() - 1).line);
                throw e;
            }
            for (Entry e : entries) {
                if (!e.accepted()) {
                    report.rejected(e.line, e.rejection);
                } else {
                    count(e.outcome);
                }
            }
            entries.clear();
            created.clear();
        }

        /** Upserts the accepted rows in one call; if that call fails unexpectedly, row by row, so only a failing row is lost. */
        private void write(List<ContactUpsert> upserts) {
            if (upserts.isEmpty()) {
                return;
            }
            List<UpsertRowResult> results;
            try {
                results = contacts.upsertAll(upserts);
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.debug("a batch upsert failed; writing its rows one by one", e);
                results = null;
            }
            for (Entry e : entries) {
                if (!e.accepted() || e.upsert < 0) {
                    continue;
                }
                if (results != null) {
                    UpsertRowResult result = results.get(e.upsert);
                    if (result instanceof RejectedRow) {
                        e.rejection = ((RejectedRow) result).reason().getMessage();
                    } else {
                        e.outcome = ((Upsert) result).outcome();
                    }
                } else {
                    guarded(e, () -> e.outcome = contacts.upsert(upserts.get(e.upsert)).outcome());
                }
            }
        }

        /** A dry run: what each row would do, from the contacts its batch reads by email (and by id when needed). */
        private void simulate() {
            Map<String, Contact> byEmail = new HashMap<>();
            Map<ContactId, Contact> byId = new HashMap<>();
            List<String> emails = new ArrayList<>();
            Set<String> folds = new HashSet<>();
            for (Entry e : entries) {
                if (e.accepted() && e.row.email() != null && folds.add(Values.fold(e.row.email()))) {
                    emails.add(e.row.email());
                }
            }
            // by primary address first (a column, fast on every store), then by any address for the rest
            lookUp("primaryEmail", emails, byId, byEmail);
            List<String> rest = new ArrayList<>();
            for (String email : emails) {
                if (!byEmail.containsKey(Values.fold(email))) {
                    rest.add(email);
                }
            }
            lookUp("emails", rest, byId, byEmail);
            for (Entry e : entries) {
                if (e.accepted()) {
                    guarded(e, () -> e.outcome = simulated(e, byId, byEmail));
                }
            }
        }

        /** Reads the contacts whose {@code attribute} is one of the emails, {@value FilterLimits#MAX_LIST} emails a query. */
        private void lookUp(String attribute, List<String> emails, Map<ContactId, Contact> byId, Map<String, Contact> byEmail) {
            for (int from = 0; from < emails.size(); from += FilterLimits.MAX_LIST) {
                List<String> chunk = emails.subList(from, Math.min(emails.size(), from + FilterLimits.MAX_LIST));
                for (Contact c : contacts.find(Query.of(Filter.attr(attribute).isAnyOf(chunk)).withPageSize(Query.MAX_PAGE_SIZE)).items()) {
                    byId.put(c.id(), c);
                    for (String address : c.emails()) {
                        byEmail.putIfAbsent(Values.fold(address), c);
                    }
                }
            }
        }

        private Upsert.Outcome simulated(Entry e, Map<ContactId, Contact> byId, Map<String, Contact> byEmail) {
            Parsed parsed = e.row.parsed();
            Contact current = null;
            if (parsed.id() != null) {
                current = byId.containsKey(parsed.id()) ? byId.get(parsed.id()) : contacts.find(parsed.id()).orElse(null);
            }
            if (current == null && e.row.email() != null) {
                current = byEmail.get(Values.fold(e.row.email()));
            }
            if (current == null) {
                if (e.row.email() == null) {
                    throw new RowRejectedException("id " + parsed.id() + " is not a contact of property " + property.property().id()
                            + " and the row has no email to create it by");
                }
                return Upsert.Outcome.CREATED;
            }
            Map<String, Object> changes = changes(parsed, e.organizations).values();
            return probe(current.toBuilder(), changes).equals(current) ? Upsert.Outcome.UNCHANGED : Upsert.Outcome.UPDATED;
        }

        /**
         * Counts the organizations this batch created that a written row names; deletes the others
         * again (only rejected rows named them), so a rejected row leaves no organization behind.
         */
        private void keepUsedOrganizations() {
            if (created.isEmpty()) {
                return;
            }
            Set<OrganizationId> used = new HashSet<>();
            for (Entry e : entries) {
                if (e.accepted()) {
                    used.addAll(e.organizations);
                }
            }
            for (Map.Entry<OrganizationId, String> o : created.entrySet()) {
                if (used.contains(o.getKey())) {
                    report.organizationCreated();
                    continue;
                }
                organizationIds.remove(Values.fold(o.getValue()));
                if (!dryRun) {
                    try {
                        organizations.delete(o.getKey());
                    } catch (StoreException x) {
                        throw x;
                    } catch (ContactsException x) {
                        LOG.warn("organization '{}' was created for rejected rows only and could not be deleted again: {}",
                                o.getValue(), x.getMessage());
                    }
                }
            }
        }
    }

    /** Runs one row's step; any failure but the store's rejects that row alone. */
    private static void guarded(Entry e, Runnable step) {
        try {
            step.run();
        } catch (StoreException x) {
            throw x;
        } catch (RowRejectedException | ContactsException x) {
            e.rejection = x.getMessage();
        } catch (RuntimeException x) {
            e.rejection = unexpected(e.line, x);
        }
    }

    private void count(Upsert.Outcome outcome) {
        switch (outcome) {
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
    private Checked check(SourceRow row) {
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
    private void resolveOrganizations(List<Entry> entries) {
        Map<String, String> unknown = new LinkedHashMap<>(); // fold -> normal name
        for (Entry e : entries) {
            if (!e.accepted() || e.row.parsed().organizations() == null) {
                continue;
            }
            for (String name : e.row.parsed().organizations()) {
                String normal;
                try {
                    normal = Values.text(ContactColumns.ORGANIZATIONS, name);
                } catch (ContactsException x) {
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

    private static AttributeChanges changes(Parsed parsed, List<OrganizationId> organizationIds) {
        Map<String, Object> changes = new LinkedHashMap<>(parsed.changes());
        if (parsed.organizationsGiven()) {
            changes.put(BuiltInAttributes.ORGANIZATION, parsed.organizations() == null ? null : organizationIds);
        }
        return AttributeChanges.of(changes);
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
                case BuiltInAttributes.ORGANIZATION: // the API's name of the same thing
                    if (organizationsGiven) {
                        throw new RowRejectedException("give the organizations under one key: 'organizations' or 'organization', not both");
                    }
                    @SuppressWarnings("unchecked")
                    List<String> names = (List<String>) ValueCodec.read(key, AttributeType.TEXT_SET, raw, row.csv(), zone);
                    organizationNames = names;
                    organizationsGiven = true;
                    break;
                case "updated":
                    report.ignored(key); // set by the store on every write
                    break;
                case BuiltInAttributes.ORGANIZATION_NAME:
                    throw new RowRejectedException(key + ": write the names of the contact's organizations under 'organizations'");
                default:
                    changes.put(key, ValueCodec.read(key, definition(key).type(), raw, row.csv(), zone));
            }
        }
        probe(Contact.builder(ContactId.generate()), changes); // every value valid before anything is written
        return new Parsed(id, changes, organizationsGiven, organizationNames);
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
                b.set(key, value(key, v));
            }
        }
        return b.build();
    }

    /** A value in its normal form; a failure other than a typed one still names the key, as a rejection of the row. */
    private Object value(String key, Object v) {
        try {
            return Values.of(key, definition(key).type(), v);
        } catch (ContactsException | RowRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("{} could not be normalised", key, e);
            throw new RowRejectedException(key + ": the value cannot be stored (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
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
        if (d == null) {
            d = plan.definition(key);
        }
        if (d != null) {
            return d;
        }
        if (plan.refused().containsKey(key)) {
            throw new RowRejectedException(key + ": " + plan.refused().get(key));
        }
        if (key.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            String k = key.substring(AttributeDefinition.CUSTOM_PREFIX.length());
            if (!AttributeDefinition.isCustomKey(k)) { // never paste such a key into a suggested command
                throw new RowRejectedException("'" + key + "' is not a valid custom attribute name: keys match"
                        + " [a-z][a-z0-9_]{0,39}, e.g. custom.plan");
            }
            throw new RowRejectedException(key + " is not defined in property " + property.property().id()
                    + "; define it first: " + AttributeInference.defineCommand(k) + ", or import with --create-attributes");
        }
        throw new RowRejectedException("'" + key + "' is not a contact attribute (see 'contacts attributes list')");
    }

    /**
     * @param parsed  a checked row
     * @param created receives the organizations created (in a dry run: would be created) for it
     * @return the ids of the row's organizations, missing ones created
     */
    private List<OrganizationId> organizationIds(Parsed parsed, Map<OrganizationId, String> created) {
        if (parsed.organizations() == null) {
            return List.of();
        }
        List<OrganizationId> ids = new ArrayList<>();
        for (String name : parsed.organizations()) {
            String normal = Values.text(ContactColumns.ORGANIZATIONS, name);
            if (normal != null) {
                ids.add(organizationIds.computeIfAbsent(Values.fold(normal), f -> organization(normal, created)));
            }
        }
        return ids;
    }

    private OrganizationId organization(String name, Map<OrganizationId, String> created) {
        for (int attempt = 0; ; attempt++) {
            Optional<dev.contacts.model.Organization> existing = organizations.findByName(name);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            if (dryRun) {
                OrganizationId id = OrganizationId.generate(); // stands for the organization a real run would create
                created.put(id, name);
                return id;
            }
            try {
                OrganizationId id = organizations.create(name).id();
                created.put(id, name);
                return id;
            } catch (ConflictException e) {
                if (attempt > 2) {
                    throw e; // created concurrently: found on the next attempt
                }
            }
        }
    }
}
