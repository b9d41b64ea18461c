package dev.contacts.internal;

import dev.contacts.ConflictException;
import dev.contacts.ContactUpsert;
import dev.contacts.ContactsException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.RejectedRow;
import dev.contacts.StoreException;
import dev.contacts.Upsert;
import dev.contacts.UpsertRowResult;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch upsert of {@code ContactService.upsertAll}: the same results as upserting the
 * rows one after another, with a fixed number of store calls per batch instead of a few per
 * row.
 *
 * <p>The contacts the rows name are read first, in one call by id and one by folded address
 * (also the addresses the changes set, to find their owners); the linked organizations in
 * one call. Then the rows are planned in order against what is known: each row's change is
 * applied in memory (a bad row is rejected with the exception the single-row upsert would
 * throw, and nothing of it is written). A row that touches a contact or an address an earlier
 * row of the current sub-batch touches ends the sub-batch: its new contacts are written with
 * one {@link ContactRepository#insertAll}, its changed ones with one
 * {@link ContactRepository#updateAll}, what is known is brought up to date, and planning goes
 * on from that row. Rows of one sub-batch therefore never depend on each other, and their
 * order within it does not matter.
 *
 * <p>If a batch write fails with {@link ConflictException} or {@link NotFoundException} (a
 * concurrent writer took an address, changed a contact or deleted an organization), the rows
 * of that write are run one at a time through the single-row upsert, which re-reads, so the
 * results are still those of sequential processing. A row whose planned state is already
 * stored (a store whose batch write is not atomic wrote it before failing) keeps its result.
 */
public final class BatchUpsert {
    /** Most rows of one call. */
    public static final int MAX_ROWS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BatchUpsert.class);

    private final PropertyContext context;
    private final ContactRepository repository;
    private final Function<ContactUpsert, Upsert> singleRow;

    /**
     * @param context   the property
     * @param singleRow the single-row upsert, for the rows of a failed batch write
     */
    public BatchUpsert(PropertyContext context, Function<ContactUpsert, Upsert> singleRow) {
        this.context = context;
        this.repository = context.store().contacts();
        this.singleRow = singleRow;
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * @param rows at most {@link #MAX_ROWS} rows
     * @return one result per row, in input order
     * @throws InvalidValueException if there are more than {@link #MAX_ROWS} rows
     * @throws StoreException        if the store fails (rows before the failing write may be written)
     */
    public List<UpsertRowResult> run(List<ContactUpsert> rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.size() > MAX_ROWS) {
            throw new InvalidValueException("rows", rows.size() + " rows is more than " + MAX_ROWS
                    + " per call; split them into batches of at most " + MAX_ROWS);
        }
        List<ContactUpsert> input = List.copyOf(rows); // null rows are a programming error: NullPointerException
        UpsertRowResult[] results = new UpsertRowResult[input.size()];
        if (input.isEmpty()) {
            return List.of();
        }
        List<OrganizationId> organizations = new ArrayList<>();
        for (ContactUpsert row : input) {
            organizations.addAll(ChangeApplier.linkedOrganizations(row.changes()));
        }
        ContactStates states = new ContactStates(context.catalog(Target.CONTACT), pid(),
                OrganizationLookup.prefetched(context.store().organizations(), pid(), organizations), context.now());
        Known known = new Known();
        known.read(input, 0);
        int start = 0;
        while (start < input.size()) {
            SubBatch batch = plan(input, start, states, known, results);
            if (write(input, batch, results)) {
                batch.remember(known);
            } else {
                known.forget();
                known.read(input, batch.end);
            }
            start = batch.end;
        }
        return Arrays.asList(results);
    }

    // ------------------------------------------------------------------ planning

    /** A planned write of one row. */
    private record Planned(int index, Contact before, Contact after, Upsert.Outcome outcome) {
    }

    /** Rows that touch distinct contacts and addresses, up to {@code end} (exclusive). */
    private static final class SubBatch {
        final List<Planned> inserts = new ArrayList<>();
        final List<Planned> updates = new ArrayList<>();
        final Set<ContactId> touchedIds = new HashSet<>();
        final Set<String> touchedFolds = new HashSet<>();
        int end;

        boolean touches(ContactId id) {
            return id != null && touchedIds.contains(id);
        }

        boolean touchesAny(Collection<String> folds) {
            for (String f : folds) {
                if (touchedFolds.contains(f)) {
                    return true;
                }
            }
            return false;
        }

        void add(Planned p) {
            (p.before == null ? inserts : updates).add(p);
            touchedIds.add(p.after.id());
            touchedFolds.addAll(folds(p.after));
            if (p.before != null) {
                touchedFolds.addAll(folds(p.before));
            }
        }

        /** After a successful write: what is known becomes the state the writes left. */
        void remember(Known known) {
            for (Planned p : inserts) {
                known.put(p.after, null);
            }
            for (Planned p : updates) {
                known.put(p.after, p.before);
            }
        }
    }

    private SubBatch plan(List<ContactUpsert> rows, int start, ContactStates states, Known known, UpsertRowResult[] results) {
        SubBatch batch = new SubBatch();
        int i = start;
        for (; i < rows.size(); i++) {
            ContactUpsert row = rows.get(i);
            String lookup = row.email() == null ? null : Values.fold(row.email());
            if (batch.touches(row.id()) || lookup != null && batch.touchedFolds.contains(lookup)) {
                break;
            }
            Optional<Contact> target = row.id() == null ? Optional.empty() : known.byId(row.id());
            if (target.isEmpty() && lookup != null) {
                target = known.byFold(lookup);
            }
            if (target.isPresent() && (batch.touches(target.get().id()) || batch.touchesAny(folds(target.get())))) {
                break;
            }
            Planned planned;
            try {
                planned = planRow(i, row, target, states);
            } catch (StoreException e) {
                throw e;
            } catch (ContactsException e) {
                results[i] = new RejectedRow(i, e);
                continue;
            }
            if (planned.outcome == Upsert.Outcome.UNCHANGED) {
                results[i] = new Upsert(planned.after, Upsert.Outcome.UNCHANGED);
                continue;
            }
            List<String> newFolds = folds(planned.after);
            if (batch.touchesAny(newFolds)) {
                break;
            }
            Optional<ConflictException> taken = addressTaken(planned.after, newFolds, known);
            if (taken.isPresent()) {
                results[i] = new RejectedRow(i, taken.get());
                continue;
            }
            batch.add(planned);
        }
        batch.end = i;
        return batch;
    }

    /** The single-row rules (see {@code ContactService.upsertAll}) applied in memory. */
    private Planned planRow(int index, ContactUpsert row, Optional<Contact> target, ContactStates states) {
        if (target.isEmpty()) {
            if (row.email() == null) {
                throw ContactStates.noContact(row.id(), pid());
            }
            return new Planned(index, null, states.created(ContactStates.creation(row.email(), row.changes())), Upsert.Outcome.CREATED);
        }
        Contact current = target.get();
        Contact applied = states.applied(current, row.changes());
        if (applied.equals(current)) {
            return new Planned(index, current, current, Upsert.Outcome.UNCHANGED);
        }
        return new Planned(index, current, states.next(current, applied), Upsert.Outcome.UPDATED);
    }

    /** The store's uniqueness rule, checked ahead so that the batch write does not fail for one row. */
    private Optional<ConflictException> addressTaken(Contact contact, List<String> newFolds, Known known) {
        known.readFolds(newFolds);
        for (String fold : newFolds) {
            Optional<Contact> owner = known.byFold(fold);
            if (owner.isPresent() && !owner.get().id().equals(contact.id())) {
                return Optional.of(new ConflictException("the email address '" + fold + "' already belongs to contact " + owner.get().id()
                        + " in property " + pid() + "; update that contact or merge the two"));
            }
        }
        return Optional.empty();
    }

    private static List<String> folds(Contact contact) {
        List<String> folds = new ArrayList<>(contact.emails().size());
        for (String email : contact.emails()) {
            folds.add(Values.fold(email));
        }
        return folds;
    }

    // ------------------------------------------------------------------ writing

    /** @return whether every write succeeded as planned (otherwise some rows went through the single-row path) */
    private boolean write(List<ContactUpsert> rows, SubBatch batch, UpsertRowResult[] results) {
        boolean asPlanned = true;
        if (!batch.inserts.isEmpty()) {
            List<Contact> contacts = new ArrayList<>(batch.inserts.size());
            batch.inserts.forEach(p -> contacts.add(p.after));
            asPlanned &= writeOrFallBack(rows, batch.inserts, results, () -> repository.insertAll(pid(), contacts));
        }
        if (!batch.updates.isEmpty()) {
            List<ContactUpdate> updates = new ArrayList<>(batch.updates.size());
            batch.updates.forEach(p -> updates.add(new ContactUpdate(p.after, p.before.version())));
            asPlanned &= writeOrFallBack(rows, batch.updates, results, () -> repository.updateAll(pid(), updates));
        }
        return asPlanned;
    }

    private boolean writeOrFallBack(List<ContactUpsert> rows, List<Planned> planned, UpsertRowResult[] results, Runnable write) {
        try {
            write.run();
            for (Planned p : planned) {
                results[p.index] = new Upsert(p.after, p.outcome);
            }
            return true;
        } catch (ConflictException | NotFoundException e) {
            LOG.debug("batch write of {} contacts of property {} refused ({}); applying its rows one at a time",
                    planned.size(), pid(), e.getMessage());
        }
        for (Planned p : planned) {
            if (repository.get(pid(), p.after.id()).filter(p.after::equals).isPresent()) {
                results[p.index] = new Upsert(p.after, p.outcome); // written before a non-atomic batch write failed
                continue;
            }
            try {
                results[p.index] = singleRow.apply(rows.get(p.index));
            } catch (StoreException e) {
                throw e;
            } catch (ContactsException e) {
                results[p.index] = new RejectedRow(p.index, e);
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ what is known

    /** The stored contacts the planning has read, by id and by folded address; {@code Optional.empty()} is "known to be absent". */
    private final class Known {
        private final Map<ContactId, Optional<Contact>> byId = new HashMap<>();
        private final Map<String, Optional<Contact>> byFold = new HashMap<>();

        /** Reads, in one call each, the contacts the rows from {@code from} name by id and the owners of their addresses. */
        void read(List<ContactUpsert> rows, int from) {
            Set<ContactId> ids = new LinkedHashSet<>();
            Set<String> addresses = new LinkedHashSet<>();
            for (ContactUpsert row : rows.subList(from, rows.size())) {
                if (row.id() != null && !byId.containsKey(row.id())) {
                    ids.add(row.id());
                }
                if (row.email() != null) {
                    addresses.add(Values.fold(row.email()));
                }
                addresses.addAll(namedFolds(row));
            }
            if (!ids.isEmpty()) {
                for (ContactId id : ids) {
                    byId.put(id, Optional.empty());
                }
                for (Contact c : repository.getAll(pid(), new ArrayList<>(ids))) {
                    put(c, null);
                }
            }
            readFolds(addresses);
        }

        /** Reads the owners of the addresses not known yet, in one call. */
        void readFolds(Collection<String> folds) {
            Set<String> missing = new LinkedHashSet<>();
            for (String f : folds) {
                if (!byFold.containsKey(f)) {
                    missing.add(f);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Map<String, Contact> found = repository.findByEmails(pid(), missing);
            for (String f : missing) {
                byFold.put(f, Optional.empty());
            }
            for (Contact c : found.values()) {
                put(c, null);
            }
        }

        Optional<Contact> byId(ContactId id) {
            Optional<Contact> known = byId.get(id);
            if (known == null) {
                known = repository.get(pid(), id);
                known.ifPresentOrElse(c -> put(c, null), () -> byId.put(id, Optional.empty()));
            }
            return known;
        }

        Optional<Contact> byFold(String fold) {
            if (!byFold.containsKey(fold)) {
                readFolds(List.of(fold));
            }
            return byFold.get(fold);
        }

        /** Records a contact's current state; the addresses {@code before} had and it has not are free now. */
        void put(Contact contact, Contact before) {
            if (before != null) {
                for (String f : folds(before)) {
                    byFold.put(f, Optional.empty());
                }
            }
            byId.put(contact.id(), Optional.of(contact));
            for (String f : folds(contact)) {
                byFold.put(f, Optional.of(contact));
            }
        }

        void forget() {
            byId.clear();
            byFold.clear();
        }
    }

    /** The addresses a change sets (normal form, folded); malformed values give none (applying the change rejects them). */
    private static List<String> namedFolds(ContactUpsert row) {
        List<String> folds = new ArrayList<>();
        Map<String, Object> values = row.changes().values();
        try {
            if (values.get("primaryEmail") instanceof String) {
                addFold(folds, (String) values.get("primaryEmail"));
            }
            if (values.get("emails") instanceof Collection) {
                for (Object o : (Collection<?>) values.get("emails")) {
                    if (o instanceof String) {
                        addFold(folds, (String) o);
                    }
                }
            }
        } catch (InvalidValueException e) {
            return folds;
        }
        return folds;
    }

    private static void addFold(List<String> folds, String raw) {
        String normal = Values.text("emails", raw);
        if (normal != null) {
            folds.add(Values.fold(normal));
        }
    }
}
