package dev.contacts.bench;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.Values;
import dev.contacts.model.WebSession;
import dev.contacts.query.Page;
import dev.contacts.query.Cursor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory baseline: plain Java loops over arrays of the same values, written for each
 * scenario by hand — the contacts in the default sort order (lastSeen desc, unknown last, id
 * desc) with their folded tags, country and plan in parallel arrays, so a filter is a loop of
 * array reads and string comparisons. No index, no filter algebra, no paging machinery.
 */
final class InMemoryBaseline implements Side {
    private final Workload workload;
    private final Fixture fixture;
    private final ContactFields fields;
    private Contact[] contacts;
    private String[][] tags;
    private String[] country;
    private String[] plan;
    private long[] lastSeen;

    InMemoryBaseline(Workload workload, Fixture fixture) {
        this.workload = workload;
        this.fixture = fixture;
        this.fields = new ContactFields(workload.attributes());
    }

    private synchronized void requireArrays() {
        if (contacts != null) {
            return;
        }
        Contact[] all = workload.contacts().toArray(Contact[]::new);
        // lastSeen desc, unknown last, ties and unknowns by id desc (ids compared unsigned, as their text)
        Arrays.sort(all, Comparator.comparing((Contact c) -> c.lastSeen() == null)
                .thenComparing(Contact::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing((Contact c) -> c.id().value().toString(), Comparator.reverseOrder()));
        int n = all.length;
        tags = new String[n][];
        country = new String[n];
        plan = new String[n];
        lastSeen = new long[n];
        for (int i = 0; i < n; i++) {
            Contact c = all[i];
            tags[i] = c.tags().stream().map(Values::fold).toArray(String[]::new);
            country[i] = c.country() == null ? null : Values.fold(c.country());
            Object p = c.value("custom.plan");
            plan[i] = p == null ? null : Values.fold((String) p);
            lastSeen[i] = c.lastSeen() == null ? Long.MIN_VALUE : c.lastSeen().toEpochMilli();
        }
        contacts = all;
    }

    private static boolean has(String[] set, String fold) {
        for (String s : set) {
            if (s.equals(fold)) {
                return true;
            }
        }
        return false;
    }

    /** The scenario's filter, by hand. */
    private interface Match {
        boolean test(int i);
    }

    private Match match(Scenario s) {
        long monthAgo = workload.now().minus(Duration.ofDays(30)).toEpochMilli();
        long now = workload.now().toEpochMilli();
        switch (s) {
            case SELECTIVE_FIRST_PAGE:
                return i -> "de".equals(country[i]) && has(tags[i], "vip");
            case BROAD_SORTED_FIRST_PAGE:
            case DEEP_PAGE:
            case BROAD_COUNT:
                return i -> has(tags[i], "newsletter") || has(tags[i], "lead") || has(tags[i], "customer");
            case NEGATIVE_FIRST_PAGE:
                return i -> !has(tags[i], "newsletter");
            case CUSTOM_ATTRIBUTE_FIRST_PAGE:
                return i -> "enterprise".equals(plan[i]);
            case OR_OF_GROUPS_FIRST_PAGE:
                return i -> has(tags[i], "vip") && "fr".equals(country[i]) || "business".equals(plan[i]) && "gb".equals(country[i])
                        || has(tags[i], "trial") && lastSeen[i] != Long.MIN_VALUE && lastSeen[i] >= monthAgo && lastSeen[i] <= now;
            case RARE_OR_FIRST_PAGE:
                return i -> has(tags[i], "survey-sent") && "de".equals(country[i]) || has(tags[i], "gdpr-request") && "fr".equals(country[i]);
            default:
                throw new IllegalArgumentException(s + " is not a query");
        }
    }

    private List<Contact> page(Match m, int from) {
        List<Contact> out = new ArrayList<>(Scenario.PAGE_SIZE);
        for (int i = from; i < contacts.length && out.size() < Scenario.PAGE_SIZE; i++) {
            if (m.test(i)) {
                out.add(contacts[i]);
            }
        }
        return out;
    }

    private long count(Match m) {
        long n = 0;
        for (int i = 0; i < contacts.length; i++) {
            if (m.test(i)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Operation prepare(Scenario scenario) {
        switch (scenario.kind()) {
            case FIRST_PAGE: {
                requireArrays();
                Match m = match(scenario);
                return () -> page(m, 0);
            }
            case DEEP_PAGE: {
                requireArrays();
                Match m = match(scenario);
                long half = count(m) / 2;
                int from = 0;
                for (long seen = 0; seen < half; from++) {
                    if (m.test(from)) {
                        seen++;
                    }
                }
                int start = from;
                return () -> page(m, start);
            }
            case COUNT: {
                requireArrays();
                Match m = match(scenario);
                return () -> count(m);
            }
            case TIMELINE:
                return timeline();
            case IMPORT:
                return new ImportOperation();
            case INGEST:
                return new IngestOperation();
            default:
                throw new IllegalArgumentException(scenario.toString());
        }
    }

    /** The timeline contact's items in one array, newest first (read once from the store); a page is its first 50. */
    private Operation timeline() {
        fixture.requireTimeline();
        ContactId id = workload.timelineContact().id();
        List<TimelineItem> all = new ArrayList<>();
        Page<TimelineItem> page = fixture.sdk().property(Workload.TIMELINE).timeline().page(id, 1_000);
        all.addAll(page.items());
        while (page.hasNext()) {
            Cursor next = page.nextCursor();
            page = fixture.sdk().property(Workload.TIMELINE).timeline().page(id, java.util.EnumSet.allOf(dev.contacts.model.TimelineKind.class),
                    1_000, next);
            all.addAll(page.items());
        }
        TimelineItem[] items = all.toArray(TimelineItem[]::new);
        Arrays.sort(items, Comparator.comparing(TimelineItem::time).thenComparing(i -> i.id().toString()).reversed());
        return Operation.digested(() -> {
            List<TimelineItem> newest = new ArrayList<>(Scenario.PAGE_SIZE);
            for (int i = 0; i < items.length && newest.size() < Scenario.PAGE_SIZE; i++) {
                newest.add(items[i]);
            }
            return newest;
        }, TimelineDigest::of);
    }

    /** A hash map by folded email: look up, build the contact (validating its values), put. */
    private final class ImportOperation implements Operation {
        private final List<Contact> rows = fixture.importRows(workload);
        private Map<String, Contact> byEmail;

        @Override
        public void beforeIteration() {
            byEmail = new HashMap<>();
        }

        @Override
        public Object run() {
            int done = 0;
            for (Contact row : rows) {
                String key = Values.fold(row.primaryEmail());
                Contact existing = byEmail.get(key);
                Contact.Builder b = existing == null ? Contact.builder(ContactId.generate()).version(1) : existing.toBuilder();
                fields.changes(row).values().forEach(b::set);
                b.set("updated", workload.now());
                byEmail.put(key, b.build());
                done++;
            }
            return done;
        }

        @Override
        public Object digest() {
            return fields.digest(new ArrayList<>(byEmail.values()));
        }
    }

    /** Idempotence by a concurrent set of external ids, statistics in a per-contact holder under its lock. */
    private final class IngestOperation implements Operation {
        private final AtomicLong next = new AtomicLong();
        private final String prefix = "baseline-" + System.nanoTime();
        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        private final List<ContactId> ids;
        private final Map<ContactId, Stats> stats = new HashMap<>();

        IngestOperation() {
            List<Contact> contacts = workload.ingestContacts();
            int n = fixture.verifying ? Math.min(500, contacts.size()) : contacts.size();
            List<ContactId> list = new ArrayList<>();
            for (Contact c : contacts.subList(0, n)) {
                list.add(c.id());
                stats.put(c.id(), new Stats(c));
            }
            ids = List.copyOf(list);
        }

        @Override
        public Object run() {
            WebSession s = workload.webSession(ids, prefix, next.getAndIncrement());
            if (seen.putIfAbsent(s.externalId(), Boolean.TRUE) != null) {
                return false;
            }
            Stats st = stats.get(s.contact());
            synchronized (st) {
                st.add(s);
            }
            return true;
        }

        @Override
        public Object digest() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ContactId id : ids) {
                out.add(stats.get(id).digest());
            }
            return out;
        }
    }

    /** The activity statistics of one contact, combined as docs/filter-semantics.md §2 says. */
    private static final class Stats {
        private BigDecimal totalWebSessions;
        private BigDecimal pagesViewed;
        private BigDecimal timeSpent;
        private Instant firstWebSession;
        private Instant lastWebSession;
        private Instant firstSeen;
        private Instant lastSeen;
        private final Map<String, Object> location = new LinkedHashMap<>();

        Stats(Contact c) {
            totalWebSessions = c.totalWebSessions();
            pagesViewed = c.pagesViewed();
            timeSpent = c.timeSpent();
            firstWebSession = c.firstWebSession();
            lastWebSession = c.lastWebSession();
            firstSeen = c.firstSeen();
            lastSeen = c.lastSeen();
            for (String a : WebSession.LOCATION_ATTRIBUTES) {
                location.put(a, c.value(a));
            }
        }

        void add(WebSession s) {
            if (lastWebSession == null || !s.start().isBefore(lastWebSession)) {
                location.putAll(s.location());
            }
            totalWebSessions = plus(totalWebSessions, 1);
            pagesViewed = plus(pagesViewed, s.pagesViewed());
            timeSpent = plus(timeSpent, s.timeSpent());
            firstWebSession = firstWebSession == null || s.start().isBefore(firstWebSession) ? s.start() : firstWebSession;
            lastWebSession = lastWebSession == null || s.start().isAfter(lastWebSession) ? s.start() : lastWebSession;
            firstSeen = firstSeen == null || s.start().isBefore(firstSeen) ? s.start() : firstSeen;
            lastSeen = lastSeen == null || s.lastActivity().isAfter(lastSeen) ? s.lastActivity() : lastSeen;
        }

        private static BigDecimal plus(BigDecimal counter, long n) {
            return (counter == null ? BigDecimal.ZERO : counter).add(BigDecimal.valueOf(n));
        }

        Map<String, Object> digest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("totalWebSessions", totalWebSessions);
            m.put("pagesViewed", pagesViewed);
            m.put("timeSpent", timeSpent);
            m.put("firstWebSession", firstWebSession);
            m.put("lastWebSession", lastWebSession);
            m.put("firstSeen", firstSeen);
            m.put("lastSeen", lastSeen);
            for (String a : List.of("country", "city", "browser", "os")) {
                m.put(a, location.get(a));
            }
            return m;
        }
    }

    @Override
    public void close() {
        contacts = null;
    }
}
