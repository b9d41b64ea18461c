package dev.contacts.tck;

import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.reference.ReferenceEvaluator;
import dev.contacts.spi.StoreCapability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link QueryCase} against a store through the public facade and compares it
 * with the {@link ReferenceEvaluator}: the first page's ordered ids, the exact count, the
 * walk of every page by cursor (when asked), and that nothing of another property appears.
 * A case marked {@link QueryCase#viaText()} asks the store with its filter printed and
 * parsed back, and the reference with the filter itself.
 */
final class CaseChecker {
    private static final Logger LOG = LoggerFactory.getLogger(CaseChecker.class);
    private static final int MAX_WALK_PAGES = 10_000;

    private final Contacts contacts;
    private final Set<StoreCapability> capabilities;

    CaseChecker(Contacts contacts) {
        this.contacts = contacts;
        this.capabilities = contacts.store().capabilities();
    }

    /**
     * @param c             the case
     * @param items         the property's contacts or organizations as loaded
     * @param organizations the property's organizations with their counts
     * @return a description of how the store differs, or empty when it agrees
     */
    Optional<String> check(QueryCase c, Collection<? extends Attributed> items, Map<OrganizationId, Organization> organizations) {
        try {
            return compare(c, items, organizations);
        } catch (RuntimeException e) {
            return Optional.of("threw " + e);
        }
    }

    private Optional<String> compare(QueryCase c, Collection<? extends Attributed> items, Map<OrganizationId, Organization> organizations) {
        ReferenceEvaluator reference = new ReferenceEvaluator(c.zone(), c.now(), organizations);
        List<? extends Attributed> expected = reference.evaluate(c.filter(), c.sort(), items);
        List<EntityId> expectedIds = ids(expected);
        boolean orderExcused = capabilities.contains(StoreCapability.UTF16_TEXT_ORDER) && utf16OrderDiffers(c, expected);
        if (orderExcused) {
            LOG.info("skipped the order check of [{}]: the store declares UTF16_TEXT_ORDER and the sorted values mix "
                    + "characters above U+FFFF with characters in U+E000..U+FFFF (docs/filter-semantics.md §7); membership and count are still checked", c);
        }
        Set<EntityId> inProperty = new HashSet<>(ids(items));
        // a misread text is run all the same: the answers show what the misreading means
        Filter asked = c.viaText() ? FilterParser.parse(FilterPrinter.print(c.filter())) : c.filter();
        Query query = new Query(asked, c.sort(), c.pageSize(), null, c.zone(), c.now());

        Page<? extends Attributed> first = find(c, query);
        List<EntityId> firstIds = ids(first.items());
        for (EntityId id : firstIds) {
            if (!inProperty.contains(id)) {
                return Optional.of("returned " + id + ", which is not in property " + c.property());
            }
        }
        List<EntityId> expectedFirst = expectedIds.subList(0, Math.min(c.pageSize(), expectedIds.size()));
        if (!orderExcused && !firstIds.equals(expectedFirst)) {
            return Optional.of("first page differs: " + describe(expected.subList(0, expectedFirst.size()), first.items(), c));
        }
        if (first.hasNext() != (expectedIds.size() > c.pageSize())) {
            return Optional.of("first page says hasNext=" + first.hasNext() + " but " + expectedIds.size() + " items match");
        }
        long count = c.target() == Target.CONTACT
                ? contacts.property(c.property()).contacts().count(query)
                : contacts.property(c.property()).organizations().count(query);
        if (count != expectedIds.size()) {
            return Optional.of("count is " + count + ", expected " + expectedIds.size());
        }
        if (!asked.equals(c.filter())) {
            return Optional.of("print then parse changed the filter (docs/filter-semantics.md §6): the text " + FilterPrinter.print(c.filter())
                    + " was read back as " + FilterPrinter.print(asked) + " (the store's answers agreed so far)");
        }
        if (c.walk() || orderExcused) {
            List<EntityId> walked = new ArrayList<>(firstIds);
            Cursor cursor = first.nextCursor();
            int pages = 1;
            while (cursor != null) {
                if (++pages > MAX_WALK_PAGES) {
                    return Optional.of("the walk did not end after " + MAX_WALK_PAGES + " pages");
                }
                Page<? extends Attributed> page = find(c, query.withCursor(cursor));
                walked.addAll(ids(page.items()));
                cursor = page.nextCursor();
            }
            if (orderExcused) {
                if (new HashSet<>(walked).size() != walked.size() || !new HashSet<>(walked).equals(new HashSet<>(expectedIds))) {
                    return Optional.of("walking all pages gave other items than expected (compared as sets): " + walked.size()
                            + " walked, " + expectedIds.size() + " expected");
                }
            } else if (!walked.equals(expectedIds)) {
                return Optional.of("walking all pages differs from the unpaged result at index " + firstDifference(expectedIds, walked)
                        + " (" + walked.size() + " walked, " + expectedIds.size() + " expected; "
                        + (new HashSet<>(walked).size() < walked.size() ? "some items came twice" : "no item came twice") + ")");
            }
        }
        return Optional.empty();
    }

    private Page<? extends Attributed> find(QueryCase c, Query query) {
        return c.target() == Target.CONTACT
                ? contacts.property(c.property()).contacts().find(query)
                : contacts.property(c.property()).organizations().find(query);
    }

    /** §7: code-point and UTF-16 orders differ only when a character above U+FFFF meets one in U+E000–U+FFFF. */
    private static boolean utf16OrderDiffers(QueryCase c, List<? extends Attributed> expected) {
        boolean supplementary = false;
        boolean highBmp = false;
        for (Attributed item : expected) {
            Object v = item.value(c.sort().attribute());
            if (v instanceof String) {
                String fold = Values.fold((String) v);
                supplementary |= fold.codePoints().anyMatch(cp -> cp > 0xFFFF);
                highBmp |= fold.codePoints().anyMatch(cp -> cp >= 0xE000 && cp <= 0xFFFF);
            }
        }
        return supplementary && highBmp;
    }

    /** A difference a person can read: sizes, the first differing position with sort values, missing and extra items. */
    private static String describe(List<? extends Attributed> expected, List<? extends Attributed> actual, QueryCase c) {
        List<EntityId> e = ids(expected);
        List<EntityId> a = ids(actual);
        int i = firstDifference(e, a);
        String attribute = c.sort().attribute();
        StringBuilder sb = new StringBuilder();
        sb.append(e.size()).append(" items expected, ").append(a.size()).append(" returned; first difference at index ").append(i);
        if (i < e.size()) {
            sb.append("\n  expected ").append(e.get(i)).append(" (").append(attribute).append(" = ").append(expected.get(i).value(attribute)).append(')');
        }
        if (i < a.size()) {
            sb.append("\n  returned ").append(a.get(i)).append(" (").append(attribute).append(" = ").append(actual.get(i).value(attribute)).append(')');
        }
        List<EntityId> missing = new ArrayList<>(e);
        missing.removeAll(new HashSet<>(a));
        List<EntityId> extra = new ArrayList<>(a);
        extra.removeAll(new HashSet<>(e));
        sb.append("\n  missing (").append(missing.size()).append("): ").append(missing.subList(0, Math.min(5, missing.size())));
        sb.append("\n  unexpected (").append(extra.size()).append("): ").append(extra.subList(0, Math.min(5, extra.size())));
        return sb.toString();
    }

    static List<EntityId> ids(Collection<? extends Attributed> items) {
        List<EntityId> ids = new ArrayList<>(items.size());
        for (Attributed a : items) {
            ids.add(a.entityId());
        }
        return ids;
    }

    private static int firstDifference(List<EntityId> a, List<EntityId> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return n;
    }
}
