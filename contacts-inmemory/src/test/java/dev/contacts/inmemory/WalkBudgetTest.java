package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Operator;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.query.Direction;
import dev.contacts.spi.SeekOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budget of the first, probing walk of a sorted page: for a conjunction of two common
 * hash-indexed conditions ({@code tags is "vip" and country is "DE"}, the bench's selective
 * page) it is half the smaller hash set, which the intersection would probe id by id. It
 * used to be capped at half of √(4 · limit · rows) because the conjunct
 * {@code lastSeen has any value}, which no index narrows, counted as costing that much;
 * at 1,000,000 contacts the bench's page needed 7,136 rows of a budget of 7,141, and a
 * page needing a few more rows got the intersection instead, ten times slower there.
 */
class WalkBudgetTest {
    private static final PropertyId P = PropertyId.of("budget");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final int ROWS = 3000;
    private static final int LIMIT = 51;

    /**
     * 3,000 contacts, lastSeen rising with i, so a walk by lastSeen desc visits i = 2999, 2998, ….
     * vip and DE tag 1,400 contacts each but are never together among the 600 most recent;
     * the 100 before them have both. The page of 51 is the 651st row of the walk: within half
     * the vip set (700 rows), beyond half of √(4 · 51 · 3000) = 782 (391 rows; the old
     * budget was the floor of 8 · 51 = 408). The intersection holds 100 ids, fewer than 782,
     * so the old plan built it.
     */
    private InMemoryStore store() {
        InMemoryStore store = new InMemoryStore();
        store.properties().create(new Property(P, "Budget", null));
        for (int i = 0; i < ROWS; i++) {
            boolean vip;
            boolean de;
            if (i >= 2400) {
                vip = i % 2 == 0;
                de = !vip;
            } else if (i >= 2300) {
                vip = true;
                de = true;
            } else {
                vip = i < 1000;
                de = i >= 1000 && i < 2000;
            }
            Contact c = Contact.builder(ContactId.generate())
                    .set("emails", List.of("u" + i + "@example.com"))
                    .set("tags", vip ? List.of("vip", "lead") : List.of("lead"))
                    .set("country", de ? "DE" : "FR")
                    .set("lastSeen", BASE.plusSeconds(i))
                    .build();
            store.contacts().insert(P, c);
        }
        return store;
    }

    @Test
    void aSelectiveConjunctionOfTwoCommonConditionsIsAnsweredByTheWalk() {
        InMemoryStore store = store();
        Table<Contact> table = store.data(P).contacts;
        Filter filter = Filter.and(Condition.of("tags", Operator.IS, "vip"), Condition.of("country", Operator.IS, "DE"),
                Condition.of("lastSeen", Operator.HAS_ANY_VALUE));
        SeekOrder order = new SeekOrder("lastSeen", Direction.DESC);

        List<List<Contact>> found = new ArrayList<>();
        List<String> plans = TablePlans.during(() -> found.add(table.find(filter, order, LIMIT)));
        List<Contact> page = found.get(0);

        assertThat(plans).hasSize(1);
        assertThat(plans.get(0)).contains("sorted walk of lastSeen (probe)");
        assertThat(page).isEqualTo(table.find(filter, order, LIMIT, false));
        List<Instant> seen = new ArrayList<>();
        page.forEach(c -> seen.add(c.lastSeen()));
        assertThat(seen).first().isEqualTo(BASE.plusSeconds(2399));
        assertThat(seen).last().isEqualTo(BASE.plusSeconds(2399 - LIMIT + 1));
    }
}
