package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Filter cases whose expected answers are written here as literals, not computed: the
 * random {@link FilterTck} compares a store with the core's {@code ReferenceEvaluator},
 * which shares the fold of {@code Values} and the calendar arithmetic of the core, so a
 * store that reimplements those (in the database, or as a third-party store) is checked
 * here against docs/filter-semantics.md itself:
 * <ul>
 *   <li>folding (§1, §3): whole-string, context-sensitive lower case of the NFC form in the
 *       root locale — final sigma, dotted capital I, sharp s, composed and decomposed
 *       accents — and sorting by code point of the fold (§7);</li>
 *   <li>calendar periods (§3): {@code within last} and {@code more than ago} in days, weeks
 *       and months across the daylight-saving changes of Europe/Paris and of
 *       Pacific/Chatham (a 45-minute offset), with contacts 1 ms either side of the bound,
 *       the bounds written as instants.</li>
 * </ul>
 * A store runs it by extending this class and implementing {@link #createStore()}.
 */
public abstract class FixedAnswerTck extends FixtureTck {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId CHATHAM = ZoneId.of("Pacific/Chatham");
    /** Autumn change in Paris: 03:00 CEST became 02:00 CET at 01:00Z; local time is 02:30 CET. */
    private static final Instant PARIS_AUTUMN = Instant.parse("2026-10-25T01:30:00Z");
    /** Spring change in Paris: 02:00 CET became 03:00 CEST at 01:00Z; local time is 03:30 CEST. */
    private static final Instant PARIS_SPRING = Instant.parse("2026-03-29T01:30:00Z");

    /**
     * One period case: in {@code zone} at {@code now}, {@code within last 1 unit} starts at
     * {@code bound} (inclusive), {@code more than 1 unit ago} ends there (exclusive).
     */
    private record PeriodCase(ZoneId zone, Instant now, PeriodUnit unit, Instant bound, String why) {
        @Override
        public String toString() {
            return "zone " + zone + ", now " + now + ", 1 " + unit.name().toLowerCase(java.util.Locale.ROOT) + ": bound " + bound
                    + " (" + why + ")";
        }
    }

    private static final List<PeriodCase> PERIODS = List.of(
            new PeriodCase(PARIS, PARIS_AUTUMN, PeriodUnit.DAYS, Instant.parse("2026-10-24T00:30:00Z"),
                    "02:30 CEST the day before: a 25-hour day"),
            new PeriodCase(PARIS, PARIS_AUTUMN, PeriodUnit.WEEKS, Instant.parse("2026-10-18T00:30:00Z"),
                    "02:30 CEST a week before"),
            new PeriodCase(PARIS, PARIS_AUTUMN, PeriodUnit.MONTHS, Instant.parse("2026-09-25T00:30:00Z"),
                    "02:30 CEST a month before"),
            new PeriodCase(PARIS, PARIS_SPRING, PeriodUnit.DAYS, Instant.parse("2026-03-28T02:30:00Z"),
                    "03:30 CET the day before: a 23-hour day"),
            new PeriodCase(PARIS, PARIS_SPRING, PeriodUnit.WEEKS, Instant.parse("2026-03-22T02:30:00Z"),
                    "03:30 CET a week before"),
            new PeriodCase(PARIS, PARIS_SPRING, PeriodUnit.MONTHS, Instant.parse("2026-02-28T02:30:00Z"),
                    "29 March less a month is 28 February (clamped), 03:30 CET"),
            new PeriodCase(CHATHAM, Instant.parse("2026-09-27T12:00:00Z"), PeriodUnit.DAYS, Instant.parse("2026-09-26T13:00:00Z"),
                    "01:45 +13:45 on 28 September less a day is 01:45 +12:45: a 23-hour day"),
            new PeriodCase(CHATHAM, Instant.parse("2026-04-05T12:00:00Z"), PeriodUnit.WEEKS, Instant.parse("2026-03-29T11:00:00Z"),
                    "00:45 +12:45 on 6 April less a week is 00:45 +13:45"),
            new PeriodCase(CHATHAM, Instant.parse("2026-03-30T12:00:00Z"), PeriodUnit.MONTHS, Instant.parse("2026-02-27T12:00:00Z"),
                    "local 31 March (a day ahead of UTC) less a month is 28 February, 01:45 +13:45"));

    private PropertyContacts p() {
        return fx.p1;
    }

    private Contact create(String tag, String attribute, Object value) {
        return p().contacts().create(AttributeChanges.builder().set("tags", List.of(tag)).set(attribute, value).build());
    }

    /** The values of {@code attribute} of the tagged contacts matching the filter, sorted by that attribute ascending. */
    private List<Object> matching(String tag, Filter filter, String attribute) {
        return values(tag, filter, Sort.asc(attribute), attribute, PARIS, TckFixture.NOW);
    }

    private List<Object> values(String tag, Filter filter, Sort sort, String attribute, ZoneId zone, Instant now) {
        Query q = new Query(Filter.and(Filter.attr("tags").is(tag), filter), sort, Query.MAX_PAGE_SIZE, null, zone, now);
        List<Object> values = new ArrayList<>();
        p().contacts().find(q).items().forEach(c -> values.add(c.value(attribute)));
        assertThat(p().contacts().count(q)).as("count of " + FilterPrinter.print(q.filter())).isEqualTo(values.size());
        return values;
    }

    @Test
    void greekCapitalsFoldWithAFinalSigma() {
        create("fold-greek", "twitterHandle", "@ΟΔΟΣ");
        create("fold-greek", "twitterHandle", "@odos");

        assertThat(matching("fold-greek", Filter.attr("twitterHandle").is("@οδος"), "twitterHandle"))
                .as("\"@ΟΔΟΣ\" folds to \"@οδος\" (final ς)").containsExactly("@ΟΔΟΣ");
        assertThat(matching("fold-greek", Filter.attr("twitterHandle").is("@ΟΔΟΣ"), "twitterHandle")).containsExactly("@ΟΔΟΣ");
        assertThat(matching("fold-greek", Filter.attr("twitterHandle").contains("σ"), "twitterHandle"))
                .as("contains \"σ\" does not match the final letter, which folds to ς").isEmpty();
        assertThat(matching("fold-greek", Filter.attr("twitterHandle").endsWith("ς"), "twitterHandle")).containsExactly("@ΟΔΟΣ");
        assertThat(matching("fold-greek", Filter.attr("twitterHandle").contains("Δ"), "twitterHandle")).containsExactly("@ΟΔΟΣ");
        assertThat(matching("fold-greek", Filter.attr("twitterHandle").doesNotContain("σ"), "twitterHandle"))
                .containsExactly("@odos", "@ΟΔΟΣ");
    }

    @Test
    void aDottedCapitalIFoldsToTwoCharacters() {
        create("fold-i", "city", "İzmir");
        create("fold-i", "city", "Izmir");

        assertThat(matching("fold-i", Filter.attr("city").is("i\u0307zmir"), "city"))
                .as("\"İzmir\" folds to \"i\\u0307zmir\"").containsExactly("İzmir");
        assertThat(matching("fold-i", Filter.attr("city").is("izmir"), "city")).containsExactly("Izmir");
        assertThat(matching("fold-i", Filter.attr("city").startsWith("i"), "city")).containsExactly("Izmir", "İzmir");
        assertThat(matching("fold-i", Filter.attr("city").startsWith("i\u0307"), "city")).containsExactly("İzmir");
        assertThat(matching("fold-i", Filter.attr("city").contains("\u0307z"), "city")).containsExactly("İzmir");
        assertThat(matching("fold-i", Filter.attr("city").is("İZMIR"), "city")).containsExactly("İzmir");
        assertThat(matching("fold-i", Filter.attr("city").is("İZMİR"), "city")).as("each İ folds to i\\u0307").isEmpty();
    }

    @Test
    void aSharpSIsNotDoubleS() {
        create("fold-ss", "city", "Straße");
        create("fold-ss", "city", "STRASSE");

        assertThat(matching("fold-ss", Filter.attr("city").is("straße"), "city")).containsExactly("Straße");
        assertThat(matching("fold-ss", Filter.attr("city").is("STRAẞE"), "city"))
                .as("capital sharp s folds to ß").containsExactly("Straße");
        assertThat(matching("fold-ss", Filter.attr("city").is("strasse"), "city")).containsExactly("STRASSE");
        assertThat(matching("fold-ss", Filter.attr("city").contains("ss"), "city")).containsExactly("STRASSE");
        assertThat(matching("fold-ss", Filter.attr("city").contains("ß"), "city")).containsExactly("Straße");
    }

    @Test
    void composedAndDecomposedAccentsAreEqual() {
        create("fold-nfc", "jobTitle", "Re\u0301gisseur"); // stored in NFC: "Régisseur"
        create("fold-nfc", "jobTitle", "Regisseur");

        assertThat(matching("fold-nfc", Filter.attr("jobTitle").is("R\u00e9gisseur"), "jobTitle")).containsExactly("R\u00e9gisseur");
        assertThat(matching("fold-nfc", Filter.attr("jobTitle").is("RE\u0301GISSEUR"), "jobTitle")).containsExactly("R\u00e9gisseur");
        assertThat(matching("fold-nfc", Filter.attr("jobTitle").contains("e\u0301"), "jobTitle")).containsExactly("R\u00e9gisseur");
        assertThat(matching("fold-nfc", Filter.attr("jobTitle").contains("\u00c9G"), "jobTitle")).containsExactly("R\u00e9gisseur");
        assertThat(matching("fold-nfc", Filter.attr("jobTitle").contains("eg"), "jobTitle")).containsExactly("Regisseur");
    }

    @Test
    void textSortsByCodePointOfTheFold() {
        for (String name : List.of("Émile", "Zoe", "élise", "Édith", "eve", "Ωmega", "Edgar")) {
            create("fold-sort", "name", name);
        }
        p().contacts().create(AttributeChanges.builder().set("tags", List.of("fold-sort")).set("city", "no name").build());

        List<Object> expected = new ArrayList<>(List.of("Edgar", "eve", "Zoe", "Édith", "élise", "Émile", "Ωmega"));
        expected.add(null); // unknown last
        assertThat(values("fold-sort", Filter.all(), Sort.asc("name"), "name", PARIS, TckFixture.NOW))
                .as("folds by code point: edgar < eve < zoe < édith < élise < émile < ωmega, unknown last").containsExactlyElementsOf(expected);
        List<Object> descending = new ArrayList<>(expected.subList(0, expected.size() - 1));
        java.util.Collections.reverse(descending);
        descending.add(null);
        assertThat(values("fold-sort", Filter.all(), Sort.desc("name"), "name", PARIS, TckFixture.NOW))
                .as("descending, unknown still last").containsExactlyElementsOf(descending);
    }

    @Test
    void periodsAreCalendarArithmeticInTheQueryZone() {
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (PeriodCase c : PERIODS) {
            String tag = "period-" + i++;
            List<String> names = List.of("bound - 1 ms", "bound", "bound + 1 ms", "now", "now + 1 ms");
            List<Instant> at = List.of(c.bound().minusMillis(1), c.bound(), c.bound().plusMillis(1), c.now(), c.now().plusMillis(1));
            for (int k = 0; k < names.size(); k++) {
                p().contacts().create(AttributeChanges.builder().set("tags", List.of(tag)).set("name", names.get(k))
                        .set("custom.renewal", at.get(k)).build());
            }
            check(failures, c, "within last", values(tag, Filter.attr("custom.renewal").withinLast(1, c.unit()), Sort.asc("custom.renewal"),
                    "name", c.zone(), c.now()), List.of("bound", "bound + 1 ms", "now"));
            check(failures, c, "more than ago", values(tag, Filter.attr("custom.renewal").moreThanAgo(1, c.unit()),
                    Sort.asc("custom.renewal"), "name", c.zone(), c.now()), List.of("bound - 1 ms"));
        }
        assertThat(failures).as("period cases whose answer differs from docs/filter-semantics.md §3").isEmpty();
    }

    @Test
    void withinNextEndsAtTheCalendarBound() {
        // 03:30 CEST on 24 October plus a day is 03:30 CET on 25 October: 25 hours later
        Instant now = Instant.parse("2026-10-24T01:30:00Z");
        Instant end = Instant.parse("2026-10-25T02:30:00Z");
        for (Instant t : List.of(now.minusMillis(1), now, end.minusMillis(1), end, end.plusMillis(1))) {
            p().contacts().create(AttributeChanges.builder().set("tags", List.of("next")).set("custom.renewal", t).build());
        }
        assertThat(values("next", Filter.attr("custom.renewal").withinNext(1, PeriodUnit.DAYS), Sort.asc("custom.renewal"),
                "custom.renewal", PARIS, now))
                .as("within next 1 days from 03:30 CEST on 24 October ends at 03:30 CET on 25 October (25 hours)")
                .containsExactly(now, end.minusMillis(1), end);
    }

    private static void check(List<String> failures, PeriodCase c, String operator, List<Object> actual, List<String> expected) {
        if (!Objects.equals(actual, new ArrayList<Object>(expected))) {
            failures.add(operator + " 1 " + c.unit() + " in " + c + ": expected " + expected + ", got " + actual);
        }
    }
}
