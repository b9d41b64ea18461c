package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterNormalizer;
import dev.contacts.filter.Operator;
import dev.contacts.internal.KeysetPlanner;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import dev.contacts.spi.SeekOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner against the plan that tests every row and sorts: for random store-form
 * filters, sorts and page sizes, keyset walks (planned by the core's
 * {@link KeysetPlanner}) give the same pages with and without indexes, before and after
 * random writes that move rows between index entries.
 */
class PlanConsistencyTest {
    private static final long SEED = Long.getLong("contacts.inmemory.seed", 20260310L);
    private static final PropertyId P = PropertyId.of("plan");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] NAMES = {"anna", "Anna", "bob", "Émile", "emile", "zoë", "Ωmega", "\uFFFD", "\uD83D\uDE00", "carl",
        "Carla", "dora"};
    private static final String[] TAGS = {"vip", "VIP2", "lead", "churn", "beta", "rare", "ß", "sigma", "x", "y", "z", "w"};
    private static final String[] COUNTRIES = {"FR", "DE", "US", "JP"};
    private static final String[] CITIES = {"Paris", "Berlin", "Austin", "Tokyo", "Lyon"};
    private static final String[] SORTS = {"lastSeen", "created", "updated", "name", "city", "totalTickets", "custom.plan"};

    private final Random random = new Random(SEED);
    private InMemoryStore store;
    private List<OrganizationId> orgs;
    private List<OrganizationId> liveOrgs;
    private List<ContactId> ids;

    @BeforeEach
    void setUp() {
        store = new InMemoryStore();
        store.properties().create(new Property(P, "Plan", null));
        store.attributes().create(P, AttributeDefinition.custom(Target.CONTACT, "plan", "Plan", AttributeType.TEXT));
        orgs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Organization o = Organization.builder(OrganizationId.generate()).set("name", "Org " + i).build();
            store.organizations().insert(P, o);
            orgs.add(o.id());
        }
        liveOrgs = new ArrayList<>(orgs);
        ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Contact c = randomContact(Contact.builder(ContactId.generate()), i).build();
            store.contacts().insert(P, c);
            ids.add(c.id());
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private Instant instant(int spread) {
        return BASE.plusSeconds(3600L * random.nextInt(spread));
    }

    private Contact.Builder randomContact(Contact.Builder b, int i) {
        b.set("name", random.nextInt(10) == 0 ? null : pick(NAMES));
        b.set("emails", random.nextInt(5) == 0 ? List.of() : List.of("u" + i + "@example.com"));
        List<String> tags = new ArrayList<>();
        int n = random.nextInt(4);
        for (int k = 0; k < n; k++) {
            String t = pick(TAGS);
            if (!t.equals("rare") || random.nextInt(20) == 0) {
                tags.add(t);
            }
        }
        b.set("tags", tags);
        b.set("country", random.nextInt(4) == 0 ? null : pick(COUNTRIES));
        b.set("city", random.nextInt(3) == 0 ? null : pick(CITIES));
        b.set("lastSeen", random.nextInt(5) == 0 ? null : instant(60));
        b.set("created", instant(15));
        b.set("updated", instant(200));
        b.set("totalTickets", random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(6)));
        b.set("custom.plan", random.nextInt(3) == 0 ? null : pick(new String[] {"gold", "Silver", "bronze"}));
        List<OrganizationId> links = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0 && !liveOrgs.isEmpty(); k--) {
            links.add(liveOrgs.get(random.nextInt(liveOrgs.size())));
        }
        b.set("organization", links);
        return b;
    }

    private Filter randomLeaf() {
        switch (random.nextInt(16)) {
            case 0: return Condition.of("tags", Operator.IS, pick(TAGS).toUpperCase(java.util.Locale.ROOT));
            case 1: return Condition.of("tags", Operator.IS_ANY_OF, pick(TAGS), pick(TAGS));
            case 2: return Condition.of("tags", random.nextBoolean() ? Operator.IS_NOT : Operator.IS_ALL_OF, pick(TAGS));
            case 3: return Condition.of("country", random.nextBoolean() ? Operator.IS : Operator.IS_NOT, pick(COUNTRIES).toLowerCase(java.util.Locale.ROOT));
            case 4: return Condition.of("name", pick(new Operator[] {Operator.STARTS_WITH, Operator.CONTAINS, Operator.IS, Operator.ENDS_WITH}),
                    new String(Character.toChars(pick(NAMES).codePointAt(0))));
            case 5: return Condition.of("lastSeen", pick(new Operator[] {Operator.GE, Operator.LT, Operator.LE, Operator.GT}), instant(60));
            case 6: return Condition.of("lastSeen", random.nextBoolean() ? Operator.HAS_ANY_VALUE : Operator.IS_UNKNOWN);
            case 7: return Condition.of("created", random.nextBoolean() ? Operator.LE : Operator.GT, instant(15));
            case 8: return Condition.of("totalTickets", pick(new Operator[] {Operator.EQ, Operator.NE, Operator.GT, Operator.LE}),
                    BigDecimal.valueOf(random.nextInt(6)));
            case 9: return Condition.of("organization", random.nextBoolean() ? Operator.IS_ANY_OF : Operator.IS_NONE_OF,
                    orgs.get(random.nextInt(orgs.size())), orgs.get(random.nextInt(orgs.size())));
            case 10: return Condition.of("emails", Operator.IS, "U" + random.nextInt(3000) + "@example.com");
            case 11: return Condition.of("primaryEmail", Operator.IS_ANY_OF, "u" + random.nextInt(3000) + "@example.com",
                    "u" + random.nextInt(3000) + "@example.com");
            case 12: return random.nextBoolean() ? Condition.of("city", Operator.IS_UNKNOWN) : Condition.of("city", Operator.IS, pick(CITIES));
            case 13: return Condition.of("custom.plan", random.nextBoolean() ? Operator.IS : Operator.DOES_NOT_START_WITH, "GOLD");
            case 14: return Condition.of("name", pick(new Operator[] {Operator.LT, Operator.GE}), pick(NAMES));
            default: return Filter.all();
        }
    }

    private Filter randomFilter(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return randomLeaf();
        }
        int n = 2 + random.nextInt(2);
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(randomFilter(depth - 1));
        }
        switch (random.nextInt(3)) {
            case 0: return Filter.and(parts);
            case 1: return Filter.or(parts);
            default: return Filter.not(Filter.and(parts));
        }
    }

    private Table<Contact> table() {
        return store.data(P).contacts;
    }

    /** A keyset walk as the core runs it: phases from the KeysetPlanner, one more row per page to detect the end. */
    private List<ContactId> walk(Filter filter, Sort sort, int pageSize, boolean useIndexes) {
        List<ContactId> out = new ArrayList<>();
        KeysetPlanner.Position after = null;
        for (int guard = 0; guard < 10_000; guard++) {
            List<Contact> page = new ArrayList<>();
            for (KeysetPlanner.Phase phase : KeysetPlanner.plan(sort, after)) {
                page.addAll(table().find(Filter.and(filter, phase.predicate()), phase.order(), pageSize + 1 - page.size(), useIndexes));
                if (page.size() > pageSize) {
                    break;
                }
            }
            if (page.size() <= pageSize) {
                page.forEach(c -> out.add(c.id()));
                return out;
            }
            List<Contact> items = page.subList(0, pageSize);
            items.forEach(c -> out.add(c.id()));
            Contact last = items.get(items.size() - 1);
            after = new KeysetPlanner.Position(last.value(sort.attribute()), last.id());
        }
        throw new AssertionError("walk did not end");
    }

    private void checkRandomQueries(int cases) {
        for (int i = 0; i < cases; i++) {
            Filter filter = FilterNormalizer.normalize(randomFilter(2));
            Sort sort = new Sort(pick(SORTS), random.nextBoolean() ? Direction.ASC : Direction.DESC);
            List<ContactId> full = walk(filter, sort, 1000, false);
            // small pages, but at most about 40 of them per walk to keep the test fast
            int pageSize = Math.max(1 + random.nextInt(random.nextBoolean() ? 8 : 200), full.size() / 40 + 1);
            String what = "seed " + SEED + " case " + i + ": " + filter + " sort " + sort + " page " + pageSize;
            List<ContactId> paged = walk(filter, sort, pageSize, true);
            assertThat(paged).as(what).containsExactlyElementsOf(full);
            assertThat(new HashSet<>(paged)).as(what).hasSize(paged.size());

            long count = table().count(filter);
            assertThat(count).as(what).isEqualTo(full.size());
            assertThat(new HashSet<>(store.contacts().findIds(P, filter))).as(what).isEqualTo(new HashSet<>(full));

            SeekOrder byId = new SeekOrder(null, sort.direction());
            int limit = 1 + random.nextInt(50);
            assertThat(table().find(filter, byId, limit, true)).as(what).isEqualTo(table().find(filter, byId, limit, false));
        }
    }

    @Test
    void indexedPlansAgreeWithScanningEveryRow() {
        checkRandomQueries(300);
    }

    @Test
    void indexesStayInStepThroughWrites() {
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 300; k++) {
                ContactId id = ids.get(random.nextInt(ids.size()));
                Contact current = store.contacts().get(P, id).orElse(null);
                if (current == null) {
                    continue;
                }
                int i = ids.indexOf(id);
                if (random.nextInt(10) == 0) {
                    store.contacts().delete(P, id);
                } else {
                    Contact next = randomContact(current.toBuilder(), i).version(current.version() + 1).build();
                    store.contacts().update(P, next, current.version());
                }
            }
            store.contacts().addTags(P, randomLeaf(), List.of("bulk" + round, "vip"), BASE);
            store.contacts().removeTags(P, randomLeaf(), List.of("beta"), BASE);
            for (var id : store.contacts().findIds(P, Filter.and(randomLeaf(), randomLeaf()))) {
                store.contacts().delete(P, id);
            }
            store.organizations().delete(P, orgs.get(round));
            liveOrgs.remove(orgs.get(round));
            checkRandomQueries(100);
            checkOrganizationCounts();
        }
        store.attributes().delete(P, Target.CONTACT, "custom.plan");
        assertThat(table().count(Condition.of("custom.plan", Operator.HAS_ANY_VALUE))).isZero();
        checkRandomQueries(50);
    }

    private void checkOrganizationCounts() {
        List<Contact> all = table().matching(Filter.all()).stream().map(r -> r.entity).collect(Collectors.toList());
        for (OrganizationId org : orgs) {
            long linked = all.stream().filter(c -> c.organizations().contains(org)).count();
            store.organizations().get(P, org).ifPresentOrElse(
                    o -> assertThat(o.contacts()).as(org.toString()).isEqualTo(linked),
                    () -> assertThat(linked).as("links to deleted " + org).isZero());
        }
    }

    @Test
    void selectiveFiltersUseIndexesAndSortedPagesWalkTheSortedIndex() {
        List<String> plans = TablePlans.during(() -> {
            table().find(Filter.and(Condition.of("tags", Operator.IS, "rare"), Condition.of("lastSeen", Operator.HAS_ANY_VALUE)),
                    new SeekOrder("lastSeen", Direction.DESC), 51);
            table().find(Filter.and(Condition.of("city", Operator.IS, "Paris"), Condition.of("lastSeen", Operator.HAS_ANY_VALUE)),
                    new SeekOrder("lastSeen", Direction.DESC), 51);
            table().find(Filter.and(Condition.of("lastSeen", Operator.IS_UNKNOWN), Condition.of("id", Operator.LT, ids.get(1500))),
                    new SeekOrder(null, Direction.DESC), 51);
            table().find(Condition.of("city", Operator.IS, "Paris"), new SeekOrder("totalTickets", Direction.ASC), 51);
        });
        assertThat(plans).hasSize(4);
        assertThat(plans.get(0)).contains("candidates(");
        assertThat(plans.get(1)).contains("sorted walk of lastSeen");
        assertThat(plans.get(2)).contains("unknown walk of lastSeen");
        assertThat(plans.get(3)).contains(": scan");
    }
}
