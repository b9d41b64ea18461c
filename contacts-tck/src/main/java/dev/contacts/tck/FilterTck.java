package dev.contacts.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import dev.contacts.spi.ContactStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter, sort and paging contract (docs/filter-semantics.md §1–§9) on random cases: every case's
 * first page, count and (for a share of cases) page-by-page walk must equal the
 * {@link dev.contacts.reference.ReferenceEvaluator}'s, and nothing of another property may
 * appear; plus the laws of §5. A failing case is shrunk (branches, then rows) and reported
 * with the seed that replays it.
 *
 * <p>A store runs it by extending this class and implementing {@link #createStore()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FilterTck {
    private static final Logger LOG = LoggerFactory.getLogger(FilterTck.class);
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Asia/Kolkata"));
    private static final List<Instant> NOWS = List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-29T00:30:00Z"),
            Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("2025-12-31T23:59:59.999Z"));
    /** One case in this many walks every page by cursor: keeps database stores fast. */
    private static final int WALK_SHARE = 10;
    /** One case in this many asks the store with its filter printed and parsed back, as a saved segment does. */
    private static final int TEXT_SHARE = 4;
    /** Random cases per write round of {@link #randomQueriesBetweenWritesMatchTheReferenceEvaluator()}. */
    private static final int QUERIES_PER_WRITE_ROUND = 2;
    private static final int MAX_ROW_SHRINK_STEPS = 12;

    private final TckSettings settings = TckSettings.fromSystemProperties();
    private TckDataset dataset;
    private ContactStore store;
    private Contacts contacts;

    /**
     * @return a new, empty store; each call must return an independent one (the TCK makes
     *         fresh stores to shrink a failing case)
     */
    protected abstract ContactStore createStore();

    @BeforeAll
    void loadDataset() {
        LOG.info("TCK {} on {}: seed {} ({} cases per random test); replay with {}", getClass().getSimpleName(),
                createStoreName(), settings.seed(), settings.cases(), settings.replay());
        dataset = TckDataset.adversarial(settings.seed());
        store = createStore();
        dataset.load(store);
        contacts = facade(store);
    }

    private String createStoreName() {
        return getClass().getName();
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static Contacts facade(ContactStore s) {
        return Contacts.builder().store(s).clock(Clock.fixed(NOWS.get(0), ZoneOffset.UTC)).build();
    }

    @Test
    void randomContactQueriesMatchTheReferenceEvaluator() {
        runRandomCases(Target.CONTACT, settings.cases());
    }

    @Test
    void randomOrganizationQueriesMatchTheReferenceEvaluator() {
        runRandomCases(Target.ORGANIZATION, Math.max(1, settings.cases() / 4));
    }

    private void runRandomCases(Target target, int cases) {
        for (int i = 0; i < cases; i++) {
            SplittableRandom random = caseRandom(target.ordinal() * 1_000_003L + i);
            QueryCase c = randomCase(target, random, i);
            Optional<String> failure = new CaseChecker(contacts).check(c, items(c), dataset.organizations(c.property()));
            if (failure.isPresent()) {
                fail(report(i, c, failure.get()));
            }
        }
    }

    /**
     * The random cases again, on a store of its own holding one property, with random writes
     * between them (tags added and removed in bulk, custom values and names changed,
     * organizations relinked, contacts deleted): each case is compared with the reference
     * evaluator on the data as it is after the writes, so a stale index entry shows.
     */
    @Test
    void randomQueriesBetweenWritesMatchTheReferenceEvaluator() {
        Property property = dataset.properties().get(0);
        PropertyId id = property.id();
        ContactStore written = createStore();
        try {
            dataset.load(written, property, dataset.contacts(id));
            Contacts sdk = facade(written);
            List<AttributeDefinition> customs = dataset.catalog(id, Target.CONTACT).all().stream().filter(d -> !d.builtIn()).toList();
            RandomContactWrites writes = new RandomContactWrites(sdk.property(id).contacts(), customs,
                    List.copyOf(dataset.organizations(id).keySet()));
            List<ContactId> ids = dataset.contacts(id).stream().map(Contact::id).toList();
            List<Contact> current = dataset.contacts(id);
            List<String> done = new ArrayList<>();
            int rounds = Math.max(10, settings.cases() / 20);
            for (int round = 0; round < rounds; round++) {
                SplittableRandom random = caseRandom(9_000_000L + round);
                FilterGenerator generator = generator(Target.CONTACT, id, current, random, ZoneOffset.UTC);
                for (int w = 1 + random.nextInt(2); w > 0; w--) {
                    done.add("round " + round + ": " + writes.apply(random, current, generator));
                }
                current = written.contacts().getAll(id, ids);
                for (int q = 0; q < QUERIES_PER_WRITE_ROUND; q++) {
                    int index = round * QUERIES_PER_WRITE_ROUND + q;
                    QueryCase c = randomCase(Target.CONTACT, id, current, random, index);
                    CaseChecker checker = new CaseChecker(sdk);
                    Collection<Contact> now = current;
                    Optional<String> failure = checker.check(c, now, dataset.organizations(id));
                    if (failure.isPresent()) {
                        Filter shrunk = Shrinker.shrink(c.filter(),
                                f -> checker.check(c.withFilter(f), now, dataset.organizations(id)).isPresent());
                        fail("TCK case " + index + " after writes failed (seed " + settings.seed() + "; replay with " + settings.replay()
                                + ")\ncase:     " + c + "\nfailure:  " + failure.get()
                                + "\nshrunk:   " + FilterPrinter.print(shrunk)
                                + "\nshrunk failure: " + checker.check(c.withFilter(shrunk), now, dataset.organizations(id)).orElse(failure.get())
                                + "\nlast writes:\n  " + String.join("\n  ", done.subList(Math.max(0, done.size() - 10), done.size())));
                    }
                }
            }
            LOG.info("{} write rounds on {} ({} writes, {} contacts left)", rounds, id, done.size(), current.size());
        } finally {
            written.close();
        }
    }

    private SplittableRandom caseRandom(long caseIndex) {
        return new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + caseIndex);
    }

    private QueryCase randomCase(Target target, SplittableRandom random, int index) {
        List<Property> properties = dataset.properties();
        Property p = properties.get(random.nextInt(properties.size()));
        Collection<? extends Attributed> items = target == Target.CONTACT ? dataset.contacts(p.id()) : dataset.organizations(p.id()).values();
        return randomCase(target, p.id(), items, random, index);
    }

    private QueryCase randomCase(Target target, PropertyId property, Collection<? extends Attributed> items, SplittableRandom random,
                                 int index) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        FilterGenerator generator = generator(target, property, items, random, zone);
        Filter filter = generator.filter();
        Sort sort = generator.sort();
        int pageSize = random.nextInt(3) == 0 ? 10 + random.nextInt(991) : 10 + random.nextInt(40);
        Instant now = NOWS.get(random.nextInt(NOWS.size()));
        return new QueryCase(target, property, filter, sort, pageSize, zone, generator.boundaryNow().orElse(now),
                index % WALK_SHARE == 0, index % TEXT_SHARE == 2);
    }

    private FilterGenerator generator(Target target, PropertyId property, SplittableRandom random, ZoneId zone) {
        Collection<Organization> orgs = dataset.organizations(property).values();
        return generator(target, property, target == Target.CONTACT ? dataset.contacts(property) : orgs, random, zone);
    }

    /** A generator drawing literals from these items (the property's data as loaded, or as it is after writes). */
    private FilterGenerator generator(Target target, PropertyId property, Collection<? extends Attributed> items, SplittableRandom random,
                                      ZoneId zone) {
        return new FilterGenerator(random, dataset.catalog(property, target), items, dataset.organizations(property).values(), zone);
    }

    private Collection<? extends Attributed> items(QueryCase c) {
        return c.target() == Target.CONTACT ? dataset.contacts(c.property()) : dataset.organizations(c.property()).values();
    }

    /** Shrinks the case's filter, then its rows, and describes the result. */
    private String report(int index, QueryCase c, String failure) {
        CaseChecker checker = new CaseChecker(contacts);
        Filter shrunk = Shrinker.shrink(c.filter(),
                f -> checker.check(c.withFilter(f), items(c), dataset.organizations(c.property())).isPresent());
        QueryCase small = c.withFilter(shrunk);
        String shrunkFailure = checker.check(small, items(c), dataset.organizations(c.property())).orElse(failure);
        String rows = c.target() == Target.CONTACT ? shrinkRows(small) : "(rows not shrunk for organization cases)";
        return "TCK case " + index + " failed (seed " + settings.seed() + "; replay with " + settings.replay() + ")\n"
                + "case:     " + c + "\n"
                + "failure:  " + failure + "\n"
                + "shrunk:   " + FilterPrinter.print(shrunk) + "\n"
                + "shrunk failure: " + shrunkFailure + "\n"
                + rows;
    }

    /** Halves the property's contacts while the shrunk case still fails on a fresh store holding only them. */
    private String shrinkRows(QueryCase c) {
        Property property = dataset.properties().stream().filter(p -> p.id().equals(c.property())).findFirst().orElseThrow();
        List<Contact> rows = dataset.contacts(c.property());
        for (int step = 0; step < MAX_ROW_SHRINK_STEPS && rows.size() > 1; step++) {
            List<Contact> firstHalf = rows.subList(0, rows.size() / 2);
            List<Contact> secondHalf = rows.subList(rows.size() / 2, rows.size());
            if (failsWith(c, property, firstHalf)) {
                rows = new ArrayList<>(firstHalf);
            } else if (failsWith(c, property, secondHalf)) {
                rows = new ArrayList<>(secondHalf);
            } else {
                break;
            }
        }
        List<String> ids = new ArrayList<>();
        rows.stream().limit(20).forEach(r -> ids.add(r.id().toString()));
        String onRows = rows.size() == dataset.contacts(c.property()).size() ? ""
                : "\nfailure on those rows: " + failureWith(c, property, rows);
        return "rows:     the failure shows with " + rows.size() + " of the property's contacts"
                + (rows.size() <= 20 ? ": " + ids : "") + onRows;
    }

    private boolean failsWith(QueryCase c, Property property, List<Contact> subset) {
        return !failureWith(c, property, subset).isEmpty();
    }

    /** The case's failure on a fresh store holding only these contacts of the property, or "" when it passes. */
    private String failureWith(QueryCase c, Property property, List<Contact> subset) {
        ContactStore fresh = createStore();
        try {
            dataset.load(fresh, property, subset);
            return new CaseChecker(facade(fresh)).check(c, subset, dataset.organizations(c.property())).orElse("");
        } finally {
            fresh.close();
        }
    }

    @Test
    void lawsOfComposition() {
        int cases = Math.max(1, settings.cases() / 2);
        for (int i = 0; i < cases; i++) {
            SplittableRandom random = caseRandom(7_000_000L + i);
            Property p = dataset.properties().get(random.nextInt(dataset.properties().size()));
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            FilterGenerator generator = generator(Target.CONTACT, p.id(), random, zone);
            Filter f = generator.filter();
            Filter g = generator.filter();
            Instant now = NOWS.get(random.nextInt(NOWS.size()));
            String where = " (law case " + i + ", seed " + settings.seed() + ", property " + p.id() + ", zone " + zone + ", now " + now
                    + ")\n  f = " + FilterPrinter.print(f) + "\n  g = " + FilterPrinter.print(g);
            long all = count(p.id(), Filter.all(), zone, now);
            assertEquals(all, count(p.id(), f, zone, now) + count(p.id(), Filter.not(f), zone, now),
                    "count(f) + count(not f) = count(all)" + where);
            assertEquals(0, count(p.id(), Filter.and(f, Filter.not(f)), zone, now), "f and not f matches nothing" + where);
            assertEquals(all, count(p.id(), Filter.or(f, Filter.not(f)), zone, now), "f or not f matches everything" + where);
            Sort sort = generator.sort();
            assertEquals(ids(p.id(), Filter.not(Filter.and(f, g)), sort, zone, now),
                    ids(p.id(), Filter.or(Filter.not(f), Filter.not(g)), sort, zone, now), "De Morgan: not (f and g)" + where);
            assertEquals(ids(p.id(), Filter.not(Filter.or(f, g)), sort, zone, now),
                    ids(p.id(), Filter.and(Filter.not(f), Filter.not(g)), sort, zone, now), "De Morgan: not (f or g)" + where);
            AttributeDefinition a = dataset.catalog(p.id(), Target.CONTACT).all()
                    .get(random.nextInt(dataset.catalog(p.id(), Target.CONTACT).all().size()));
            assertEquals(all, count(p.id(), Filter.attr(a.name()).isUnknown(), zone, now)
                    + count(p.id(), Filter.attr(a.name()).hasAnyValue(), zone, now), "is unknown and has any value partition " + a.name() + where);
        }
    }

    private long count(PropertyId p, Filter f, ZoneId zone, Instant now) {
        return contacts.property(p).contacts().count(new Query(f, null, Query.DEFAULT_PAGE_SIZE, null, zone, now));
    }

    private List<String> ids(PropertyId p, Filter f, Sort sort, ZoneId zone, Instant now) {
        List<String> ids = new ArrayList<>();
        contacts.property(p).contacts().find(new Query(f, sort, 200, null, zone, now)).items().forEach(c -> ids.add(c.id().toString()));
        return ids;
    }
}
