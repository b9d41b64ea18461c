package dev.contacts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.UnknownAttributeException;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Operator;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.query.Sort;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Pinned examples of docs/filter-semantics.md §1–§8. Every expected result here was written from the
 * text of the specification, not read off the implementation.
 */
class ReferenceEvaluatorTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 2026-03-31 12:00 in Paris (CEST, after the 2026-03-29 change). */
    static final Instant NOW = Instant.parse("2026-03-31T10:00:00Z");

    static final OrganizationId ACME_ID = orgId("00000000-0000-7000-8000-00000000000a");
    static final OrganizationId TEST_ID = orgId("00000000-0000-7000-8000-00000000000b");
    /** Linked from a contact but not an organization of the evaluator (e.g. another property's). */
    static final OrganizationId STRANGER_ID = orgId("00000000-0000-7000-8000-00000000000c");
    static final Organization ACME = Organization.builder(ACME_ID).set("name", "Acme Corp").build();
    static final Organization TEST = Organization.builder(TEST_ID).set("name", "Test Ltd").build();

    static final ReferenceEvaluator EV = evaluatorAt(NOW);

    static ReferenceEvaluator evaluatorAt(Instant now) {
        return new ReferenceEvaluator(PARIS, now, Map.of(ACME_ID, ACME, TEST_ID, TEST));
    }

    static OrganizationId orgId(String uuid) {
        return new OrganizationId(UUID.fromString(uuid));
    }

    static ContactId id(int n) {
        return new ContactId(UUID.fromString(String.format("00000000-0000-7000-8000-%012x", n)));
    }

    static int counter = 1000;

    /** A contact with a fresh id and the given values (attribute, value, attribute, value...). */
    static Contact contact(Object... attributeValues) {
        return contact(id(counter++), attributeValues);
    }

    static Contact contact(ContactId id, Object... attributeValues) {
        Contact.Builder b = Contact.builder(id);
        for (int i = 0; i < attributeValues.length; i += 2) {
            b.set((String) attributeValues[i], attributeValues[i + 1]);
        }
        return b.build();
    }

    static final Contact NOBODY = contact();

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    static Filter a(String attribute, Operator op, Object... operands) {
        return new Condition(attribute, op, Arrays.asList(operands));
    }

    /** Asserts the expected result, and that {@code not f} gives the opposite one. */
    static void expect(ReferenceEvaluator ev, Filter f, Attributed item, boolean expected) {
        assertThat(ev.matches(f, item)).as("%s on %s", f, item.value("name") == null ? item.entityId() : item.value("name")).isEqualTo(expected);
        assertThat(ev.matches(Filter.not(f), item)).as("not %s", f).isEqualTo(!expected);
    }

    static void expect(Filter f, Attributed item, boolean expected) {
        expect(EV, f, item, expected);
    }

    // ------------------------------------------------------------------------ unknown

    @Nested
    class Unknown {
        @Test
        void blankTextAndEmptySetsAreUnknown() {
            Contact blank = contact("city", "   \t ", "tags", List.of(), "emails", List.of("", "  "));
            assertThat(blank.value("city")).isNull();
            assertThat(blank.value("tags")).isNull();
            assertThat(blank.value("emails")).isNull();
            for (String attribute : List.of("city", "tags", "emails", "primaryEmail")) {
                expect(a(attribute, Operator.HAS_ANY_VALUE), blank, false);
                expect(a(attribute, Operator.IS_UNKNOWN), blank, true);
            }
        }

        @Test
        void hasAnyValueAndIsUnknownOnEveryType() {
            Contact known = contact("city", "Paris", "tags", List.of("vip"), "totalTickets", n("0"),
                    "lastSeen", t("2026-01-01T00:00:00Z"), "custom.active", false,
                    "organization", List.of(ACME_ID));
            for (String attribute : List.of("city", "tags", "totalTickets", "lastSeen", "custom.active",
                    "organization", "organization.name")) {
                expect(a(attribute, Operator.HAS_ANY_VALUE), known, true);
                expect(a(attribute, Operator.IS_UNKNOWN), known, false);
                expect(a(attribute, Operator.HAS_ANY_VALUE), NOBODY, false);
                expect(a(attribute, Operator.IS_UNKNOWN), NOBODY, true);
            }
        }

        @Test
        void everyNegativeOperatorMatchesUnknownAndEveryPositiveDoesNot() {
            List<Filter> positives = List.of(
                    a("city", Operator.IS, "Paris"),
                    a("city", Operator.IS_ANY_OF, "Paris", "Lyon"),
                    a("city", Operator.CONTAINS, "a"),
                    a("city", Operator.STARTS_WITH, "P"),
                    a("city", Operator.ENDS_WITH, "s"),
                    a("tags", Operator.IS, "vip"),
                    a("tags", Operator.IS_ANY_OF, "vip", "gold"),
                    a("tags", Operator.IS_ALL_OF, "vip"),
                    a("tags", Operator.CONTAINS, "v"),
                    a("tags", Operator.STARTS_WITH, "v"),
                    a("tags", Operator.ENDS_WITH, "p"),
                    a("totalTickets", Operator.EQ, n("1")),
                    a("totalTickets", Operator.LT, n("1")),
                    a("totalTickets", Operator.LE, n("1")),
                    a("totalTickets", Operator.GT, n("1")),
                    a("totalTickets", Operator.GE, n("1")),
                    a("totalTickets", Operator.BETWEEN, n("-100"), n("100")),
                    a("lastSeen", Operator.ON, d("2026-03-31")),
                    a("lastSeen", Operator.BEFORE, d("2100-01-01")),
                    a("lastSeen", Operator.AFTER, d("1900-01-01")),
                    a("lastSeen", Operator.BETWEEN, d("1900-01-01"), d("9999-12-31")),
                    a("lastSeen", Operator.LT, t("9999-01-01T00:00:00Z")),
                    a("lastSeen", Operator.LE, t("9999-01-01T00:00:00Z")),
                    a("lastSeen", Operator.GT, t("1900-01-01T00:00:00Z")),
                    a("lastSeen", Operator.GE, t("1900-01-01T00:00:00Z")),
                    Filter.attr("lastSeen").withinLast(100000, PeriodUnit.MONTHS),
                    Filter.attr("lastSeen").moreThanAgo(1, PeriodUnit.MINUTES),
                    Filter.attr("lastSeen").withinNext(100000, PeriodUnit.MONTHS),
                    Filter.attr("custom.active").isTrue(),
                    Filter.attr("custom.active").isFalse(),
                    a("custom.plan", Operator.IS, "gold"),
                    a("organization", Operator.IS, ACME_ID.toString()),
                    a("organization", Operator.IS_ANY_OF, ACME_ID.toString(), TEST_ID.toString()),
                    a("organization.name", Operator.IS, "Acme Corp"),
                    a("organization.name", Operator.IS_ANY_OF, "Acme Corp", "Test Ltd"),
                    a("organization.name", Operator.CONTAINS, "c"),
                    a("organization.name", Operator.STARTS_WITH, "a"),
                    a("organization.name", Operator.ENDS_WITH, "p"));
            for (Filter positive : positives) {
                expect(positive, NOBODY, false);
                Filter negative = Filter.not(positive);
                assertThat(EV.matches(negative, NOBODY)).as("%s on unknown", negative).isTrue();
            }
            // the spelled negatives, one by one
            List<Filter> negatives = List.of(
                    a("city", Operator.IS_NOT, "Paris"),
                    a("city", Operator.IS_NONE_OF, "Paris", "Lyon"),
                    a("city", Operator.DOES_NOT_CONTAIN, "a"),
                    a("city", Operator.DOES_NOT_START_WITH, "P"),
                    a("city", Operator.DOES_NOT_END_WITH, "s"),
                    a("tags", Operator.IS_NOT, "vip"),
                    a("tags", Operator.IS_NONE_OF, "vip"),
                    a("tags", Operator.IS_NOT_ALL_OF, "vip"),
                    a("tags", Operator.DOES_NOT_CONTAIN, "v"),
                    a("tags", Operator.DOES_NOT_START_WITH, "v"),
                    a("tags", Operator.DOES_NOT_END_WITH, "p"),
                    a("totalTickets", Operator.NE, n("1")),
                    a("lastSeen", Operator.NOT_ON, d("2026-03-31")),
                    Filter.attr("custom.active").isNotTrue(),
                    Filter.attr("custom.active").isNotFalse(),
                    a("organization", Operator.IS_NOT, ACME_ID.toString()),
                    a("organization", Operator.IS_NONE_OF, ACME_ID.toString()),
                    a("organization.name", Operator.IS_NOT, "Acme Corp"),
                    a("organization.name", Operator.IS_NONE_OF, "Acme Corp"),
                    a("organization.name", Operator.DOES_NOT_CONTAIN, "c"),
                    a("organization.name", Operator.DOES_NOT_START_WITH, "a"),
                    a("organization.name", Operator.DOES_NOT_END_WITH, "p"));
            for (Filter negative : negatives) {
                expect(negative, NOBODY, true);
            }
        }
    }

    // ------------------------------------------------------------------------ TEXT

    @Nested
    class Text {
        final Contact paris = contact("city", "Paris");

        @Test
        void isComparesFolds() {
            expect(a("city", Operator.IS, "paris"), paris, true);
            expect(a("city", Operator.IS, "PARIS"), paris, true);
            expect(a("city", Operator.IS, "  Paris "), paris, true); // operand stripped like a value
            expect(a("city", Operator.IS, "Pari"), paris, false);
            expect(a("city", Operator.IS_NOT, "paris"), paris, false);
            expect(a("city", Operator.IS_NOT, "Lyon"), paris, true);
        }

        @Test
        void isAnyOfAndIsNoneOf() {
            expect(a("city", Operator.IS_ANY_OF, "Lyon", "PARIS"), paris, true);
            expect(a("city", Operator.IS_ANY_OF, "Lyon", "Nice"), paris, false);
            expect(a("city", Operator.IS_NONE_OF, "Lyon", "Nice"), paris, true);
            expect(a("city", Operator.IS_NONE_OF, "Lyon", "paris"), paris, false);
        }

        @Test
        void containsStartsWithEndsWith() {
            expect(a("city", Operator.CONTAINS, "AR"), paris, true);
            expect(a("city", Operator.CONTAINS, "x"), paris, false);
            expect(a("city", Operator.CONTAINS, "Paris"), paris, true);
            expect(a("city", Operator.STARTS_WITH, "pa"), paris, true);
            expect(a("city", Operator.STARTS_WITH, "ar"), paris, false);
            expect(a("city", Operator.ENDS_WITH, "IS"), paris, true);
            expect(a("city", Operator.ENDS_WITH, "ar"), paris, false);
            expect(a("city", Operator.DOES_NOT_CONTAIN, "x"), paris, true);
            expect(a("city", Operator.DOES_NOT_CONTAIN, "ri"), paris, false);
            expect(a("city", Operator.DOES_NOT_START_WITH, "lyo"), paris, true);
            expect(a("city", Operator.DOES_NOT_START_WITH, "par"), paris, false);
            expect(a("city", Operator.DOES_NOT_END_WITH, "on"), paris, true);
            expect(a("city", Operator.DOES_NOT_END_WITH, "ris"), paris, false);
        }

        @Test
        void wildcardAndRegexCharactersAreLiteral() {
            Contact c = contact("jobTitle", "50% off_now\\x");
            expect(a("jobTitle", Operator.CONTAINS, "%"), c, true);
            expect(a("jobTitle", Operator.CONTAINS, "_"), c, true);
            expect(a("jobTitle", Operator.CONTAINS, "\\"), c, true);
            expect(a("jobTitle", Operator.CONTAINS, "0% o"), c, true);
            expect(a("jobTitle", Operator.CONTAINS, "5_%"), c, false); // would match as a LIKE pattern
            expect(a("jobTitle", Operator.STARTS_WITH, "%"), c, false);
            expect(a("jobTitle", Operator.ENDS_WITH, "\\x"), c, true);
            expect(a("jobTitle", Operator.IS, "50_ off_now\\x"), c, false);
            Contact plain = contact("jobTitle", "abc");
            expect(a("jobTitle", Operator.CONTAINS, "."), plain, false);
            expect(a("jobTitle", Operator.CONTAINS, ".*"), plain, false);
            expect(a("jobTitle", Operator.CONTAINS, "*"), plain, false);
            expect(a("jobTitle", Operator.CONTAINS, "a|x"), plain, false);
            expect(a("jobTitle", Operator.STARTS_WITH, "[a]"), plain, false);
            expect(a("jobTitle", Operator.ENDS_WITH, "c$"), plain, false);
            Contact star = contact("jobTitle", "a*b.c");
            expect(a("jobTitle", Operator.CONTAINS, "*b."), star, true);
        }

        @Test
        void sharpSIsNotSs() {
            // Java's root-locale lower case keeps ß and maps SS to ss: Straße and STRASSE are different folds
            Contact strasse = contact("city", "Straße");
            Contact upper = contact("city", "STRASSE");
            expect(a("city", Operator.IS, "STRASSE"), strasse, false);
            expect(a("city", Operator.IS, "strasse"), strasse, false);
            expect(a("city", Operator.IS, "STRAßE"), strasse, true);
            expect(a("city", Operator.IS, "straẞe"), strasse, true); // capital ẞ folds to ß
            expect(a("city", Operator.IS, "strasse"), upper, true);
            expect(a("city", Operator.IS, "Straße"), upper, false);
            expect(a("city", Operator.CONTAINS, "ss"), strasse, false);
            expect(a("city", Operator.CONTAINS, "ß"), strasse, true);
        }

        @Test
        void dottedCapitalIFoldsToTwoCharacters() {
            Contact istanbul = contact("city", "İstanbul");
            assertThat(dev.contacts.model.Values.fold("İstanbul")).isEqualTo("i\u0307stanbul");
            expect(a("city", Operator.IS, "i\u0307stanbul"), istanbul, true);
            expect(a("city", Operator.IS, "İSTANBUL"), istanbul, true);
            expect(a("city", Operator.IS, "istanbul"), istanbul, false);
            expect(a("city", Operator.IS, "Istanbul"), istanbul, false);
            expect(a("city", Operator.STARTS_WITH, "i"), istanbul, true);
            expect(a("city", Operator.STARTS_WITH, "is"), istanbul, false);
            expect(a("city", Operator.CONTAINS, "stanbul"), istanbul, true);
            expect(a("city", Operator.CONTAINS, "\u0307"), istanbul, true);
        }

        @Test
        void finalSigmaIsContextSensitive() {
            // "ΟΔΟΣ" folds to "οδος" with a final sigma ς (U+03C2)
            Contact odos = contact("city", "ΟΔΟΣ");
            assertThat(dev.contacts.model.Values.fold("ΟΔΟΣ")).isEqualTo("οδο\u03c2");
            expect(a("city", Operator.CONTAINS, "σ"), odos, false);
            expect(a("city", Operator.CONTAINS, "ς"), odos, true);
            expect(a("city", Operator.ENDS_WITH, "ς"), odos, true);
            expect(a("city", Operator.ENDS_WITH, "Σ"), odos, false); // a lone Σ folds to σ
            expect(a("city", Operator.ENDS_WITH, "ΟΣ"), odos, true); // ΟΣ folds to ος
            expect(a("city", Operator.IS, "οδος"), odos, true);
            expect(a("city", Operator.IS, "οδοσ"), odos, false);
            expect(a("city", Operator.IS, "ΟΔΟΣ"), odos, true);
            expect(a("city", Operator.DOES_NOT_CONTAIN, "σ"), odos, true);
            Contact sa = contact("city", "ΣΑ");
            expect(a("city", Operator.CONTAINS, "σ"), sa, true);
        }

        @Test
        void precomposedAndCombiningAreEqualAfterNfc() {
            Contact combining = contact("name", "Cafe\u0301");
            Contact precomposed = contact("name", "Caf\u00e9");
            for (Contact c : List.of(combining, precomposed)) {
                expect(a("name", Operator.IS, "caf\u00e9"), c, true);
                expect(a("name", Operator.IS, "CAFE\u0301"), c, true);
                expect(a("name", Operator.ENDS_WITH, "e\u0301"), c, true);
                expect(a("name", Operator.ENDS_WITH, "\u00e9"), c, true);
                expect(a("name", Operator.CONTAINS, "fe"), c, false); // é is one character after NFC
            }
        }

        @Test
        void customText() {
            Contact gold = contact("custom.plan", "Gold");
            expect(a("custom.plan", Operator.IS, "GOLD"), gold, true);
            expect(a("custom.plan", Operator.IS_NOT, "silver"), gold, true);
            expect(a("custom.plan", Operator.IS_NOT, "silver"), NOBODY, true);
        }
    }

    // ------------------------------------------------------------------------ TEXT_SET

    @Nested
    class TextSet {
        final Contact tagged = contact("tags", List.of("VIP", "gold-member"));

        @Test
        void positives() {
            expect(a("tags", Operator.IS, "vip"), tagged, true);
            expect(a("tags", Operator.IS, "gold"), tagged, false);
            expect(a("tags", Operator.IS_ANY_OF, "x", "GOLD-MEMBER"), tagged, true);
            expect(a("tags", Operator.IS_ANY_OF, "x", "y"), tagged, false);
            expect(a("tags", Operator.CONTAINS, "old"), tagged, true);
            expect(a("tags", Operator.CONTAINS, "silver"), tagged, false);
            expect(a("tags", Operator.STARTS_WITH, "gold"), tagged, true);
            expect(a("tags", Operator.STARTS_WITH, "member"), tagged, false);
            expect(a("tags", Operator.ENDS_WITH, "member"), tagged, true);
            expect(a("tags", Operator.ENDS_WITH, "gold"), tagged, false);
            expect(a("tags", Operator.IS_ALL_OF, "vip", "Gold-Member"), tagged, true);
            expect(a("tags", Operator.IS_ALL_OF, "vip"), tagged, true);
            expect(a("tags", Operator.IS_ALL_OF, "vip", "silver"), tagged, false);
            expect(a("tags", Operator.IS_ALL_OF, "gold"), tagged, false); // a substring is not an element
        }

        @Test
        void negatives() {
            expect(a("tags", Operator.IS_NOT, "vip"), tagged, false);
            expect(a("tags", Operator.IS_NOT, "silver"), tagged, true);
            expect(a("tags", Operator.IS_NONE_OF, "x", "y"), tagged, true);
            expect(a("tags", Operator.IS_NONE_OF, "x", "VIP"), tagged, false);
            expect(a("tags", Operator.IS_NOT_ALL_OF, "vip", "silver"), tagged, true);
            expect(a("tags", Operator.IS_NOT_ALL_OF, "vip", "gold-member"), tagged, false);
            expect(a("tags", Operator.DOES_NOT_CONTAIN, "old"), tagged, false); // some element contains it
            expect(a("tags", Operator.DOES_NOT_CONTAIN, "silver"), tagged, true);
            expect(a("tags", Operator.DOES_NOT_START_WITH, "v"), tagged, false);
            expect(a("tags", Operator.DOES_NOT_START_WITH, "x"), tagged, true);
            expect(a("tags", Operator.DOES_NOT_END_WITH, "p"), tagged, false);
            expect(a("tags", Operator.DOES_NOT_END_WITH, "x"), tagged, true);
        }

        @Test
        void foldDuplicatesAreDroppedAndEmptyElementsIgnored() {
            Contact c = contact("tags", List.of("Vip", "", "VIP", "  vip "));
            assertThat(c.value("tags")).isEqualTo(List.of("Vip"));
            expect(a("tags", Operator.IS, "vip"), c, true);
        }

        @Test
        void primaryEmailIsFirstEmail() {
            Contact c = contact("emails", List.of("Ann@Example.com", "ann@work.example"));
            expect(a("primaryEmail", Operator.IS, "ann@example.com"), c, true);
            expect(a("primaryEmail", Operator.IS, "ann@work.example"), c, false);
            expect(a("emails", Operator.IS, "ann@work.example"), c, true);
        }

        @Test
        void customTextSet() {
            Contact c = contact("custom.langs", List.of("fr", "en"));
            expect(a("custom.langs", Operator.IS_ALL_OF, "EN", "FR"), c, true);
            expect(a("custom.langs", Operator.IS_NOT_ALL_OF, "en", "de"), c, true);
        }
    }

    // ------------------------------------------------------------------------ NUMBER

    @Nested
    class Numbers {
        final Contact five = contact("totalTickets", n("5"));

        @Test
        void comparisons() {
            expect(a("totalTickets", Operator.EQ, n("5")), five, true);
            expect(a("totalTickets", Operator.EQ, n("5.000")), five, true);
            expect(a("totalTickets", Operator.EQ, n("6")), five, false);
            expect(a("totalTickets", Operator.NE, n("5")), five, false);
            expect(a("totalTickets", Operator.NE, n("6")), five, true);
            expect(a("totalTickets", Operator.LT, n("6")), five, true);
            expect(a("totalTickets", Operator.LT, n("5")), five, false);
            expect(a("totalTickets", Operator.LE, n("5")), five, true);
            expect(a("totalTickets", Operator.LE, n("4.999999")), five, false);
            expect(a("totalTickets", Operator.GT, n("4")), five, true);
            expect(a("totalTickets", Operator.GT, n("5")), five, false);
            expect(a("totalTickets", Operator.GE, n("5")), five, true);
            expect(a("totalTickets", Operator.GE, n("5.000001")), five, false);
        }

        @Test
        void betweenIsInclusive() {
            expect(a("totalTickets", Operator.BETWEEN, n("5"), n("7")), five, true);
            expect(a("totalTickets", Operator.BETWEEN, n("1"), n("5")), five, true);
            expect(a("totalTickets", Operator.BETWEEN, n("5"), n("5")), five, true);
            expect(a("totalTickets", Operator.BETWEEN, n("6"), n("7")), five, false);
            expect(a("totalTickets", Operator.BETWEEN, n("-7"), n("4.9")), five, false);
        }

        @Test
        void trailingZerosDoNotMatter() {
            Contact c = contact("custom.score", n("1.50"));
            expect(a("custom.score", Operator.EQ, n("1.5")), c, true);
            expect(a("custom.score", Operator.GT, n("1.49")), c, true);
        }

        @Test
        void complementsIncludeUnknown() {
            // ">= v or U" is the complement of "< v"
            expect(a("totalTickets", Operator.LT, n("6")), NOBODY, false);
            assertThat(EV.matches(Filter.not(a("totalTickets", Operator.LT, n("6"))), NOBODY)).isTrue();
            assertThat(EV.matches(Filter.not(a("totalTickets", Operator.LT, n("6"))), five)).isFalse();
            assertThat(EV.matches(Filter.not(a("totalTickets", Operator.LT, n("5"))), five)).isTrue();
        }

        @Test
        void organizationContactCountIsAlwaysKnown() {
            Organization empty = Organization.builder(orgId("00000000-0000-7000-8000-0000000000ff")).set("name", "E").build();
            expect(a("contacts", Operator.EQ, n("0")), empty, true);
            expect(a("contacts", Operator.HAS_ANY_VALUE), empty, true);
        }
    }

    // ------------------------------------------------------------------------ DATE

    @Nested
    class Dates {
        Contact at(String iso) {
            return contact("lastSeen", t(iso));
        }

        @Test
        void instantForms() {
            Contact c = at("2026-03-10T12:00:00.000Z");
            Instant same = t("2026-03-10T12:00:00Z");
            Instant later = t("2026-03-10T12:00:00.001Z");
            expect(a("lastSeen", Operator.LT, same), c, false);
            expect(a("lastSeen", Operator.LT, later), c, true);
            expect(a("lastSeen", Operator.LE, same), c, true);
            expect(a("lastSeen", Operator.GT, same), c, false);
            expect(a("lastSeen", Operator.GT, t("2026-03-10T11:59:59.999Z")), c, true);
            expect(a("lastSeen", Operator.GE, same), c, true);
            expect(a("lastSeen", Operator.GE, later), c, false);
        }

        @Test
        void onASpringForwardDaySpans23Hours() {
            // Paris, 2026-03-29: 00:00 CET = 2026-03-28T23:00Z; next day 00:00 CEST = 2026-03-29T22:00Z
            Filter on = a("lastSeen", Operator.ON, d("2026-03-29"));
            expect(on, at("2026-03-28T22:59:59.999Z"), false);
            expect(on, at("2026-03-28T23:00:00.000Z"), true);
            expect(on, at("2026-03-29T21:59:59.999Z"), true);
            expect(on, at("2026-03-29T22:00:00.000Z"), false);
            expect(a("lastSeen", Operator.ON, d("2026-03-28")), at("2026-03-28T22:59:59.999Z"), true);
            expect(a("lastSeen", Operator.ON, d("2026-03-30")), at("2026-03-29T22:00:00.000Z"), true);
            expect(a("lastSeen", Operator.NOT_ON, d("2026-03-29")), at("2026-03-29T22:00:00.000Z"), true);
            expect(a("lastSeen", Operator.NOT_ON, d("2026-03-29")), at("2026-03-29T01:00:00.000Z"), false);
        }

        @Test
        void onAFallBackDaySpans25Hours() {
            // Paris, 2026-10-25: 00:00 CEST = 2026-10-24T22:00Z; next day 00:00 CET = 2026-10-25T23:00Z
            Filter on = a("lastSeen", Operator.ON, d("2026-10-25"));
            expect(on, at("2026-10-24T21:59:59.999Z"), false);
            expect(on, at("2026-10-24T22:00:00.000Z"), true);
            expect(on, at("2026-10-25T22:59:59.999Z"), true);
            expect(on, at("2026-10-25T23:00:00.000Z"), false);
        }

        @Test
        void beforeAndAfterAtExactDayStarts() {
            Filter before = a("lastSeen", Operator.BEFORE, d("2026-03-29"));
            expect(before, at("2026-03-28T22:59:59.999Z"), true);
            expect(before, at("2026-03-28T23:00:00.000Z"), false);
            Filter after = a("lastSeen", Operator.AFTER, d("2026-03-29"));
            expect(after, at("2026-03-29T21:59:59.999Z"), false);
            expect(after, at("2026-03-29T22:00:00.000Z"), true);
        }

        @Test
        void betweenDaysIsFromStartOfFirstToEndOfLast() {
            Filter between = a("lastSeen", Operator.BETWEEN, d("2026-03-29"), d("2026-03-30"));
            expect(between, at("2026-03-28T22:59:59.999Z"), false);
            expect(between, at("2026-03-28T23:00:00.000Z"), true);
            expect(between, at("2026-03-30T21:59:59.999Z"), true);
            expect(between, at("2026-03-30T22:00:00.000Z"), false);
            Filter oneDay = a("lastSeen", Operator.BETWEEN, d("2026-03-29"), d("2026-03-29"));
            expect(oneDay, at("2026-03-29T21:59:59.999Z"), true);
            expect(oneDay, at("2026-03-29T22:00:00.000Z"), false);
        }

        @Test
        void daysAreLocalToTheZone() {
            // 2026-01-15T23:30Z is already 2026-01-16 in Paris
            ReferenceEvaluator utc = new ReferenceEvaluator(ZoneId.of("UTC"), NOW, Map.of());
            Contact c = at("2026-01-15T23:30:00Z");
            expect(a("lastSeen", Operator.ON, d("2026-01-16")), c, true);
            expect(utc, a("lastSeen", Operator.ON, d("2026-01-16")), c, false);
            expect(utc, a("lastSeen", Operator.ON, d("2026-01-15")), c, true);
        }

        @Test
        void withinLastOneDayAcrossSpringForwardIs23Hours() {
            // now = 2026-03-29 12:00 CEST; one calendar day earlier = 2026-03-28 12:00 CET = 11:00Z
            ReferenceEvaluator ev = evaluatorAt(t("2026-03-29T10:00:00Z"));
            Filter lastDay = Filter.attr("lastSeen").withinLast(1, PeriodUnit.DAYS);
            expect(ev, lastDay, at("2026-03-28T11:00:00.000Z"), true);
            expect(ev, lastDay, at("2026-03-28T10:59:59.999Z"), false);
            expect(ev, lastDay, at("2026-03-29T10:00:00.000Z"), true);
            expect(ev, lastDay, at("2026-03-29T10:00:00.001Z"), false);
            Filter last24Hours = Filter.attr("lastSeen").withinLast(24, PeriodUnit.HOURS);
            expect(ev, last24Hours, at("2026-03-28T10:30:00.000Z"), true);
            expect(ev, lastDay, at("2026-03-28T10:30:00.000Z"), false);
            Filter moreThanADayAgo = Filter.attr("lastSeen").moreThanAgo(1, PeriodUnit.DAYS);
            expect(ev, moreThanADayAgo, at("2026-03-28T10:59:59.999Z"), true);
            expect(ev, moreThanADayAgo, at("2026-03-28T11:00:00.000Z"), false);
        }

        @Test
        void withinLastOneDayAcrossFallBackIs25Hours() {
            // now = 2026-10-25 12:00 CET = 11:00Z; one day earlier = 2026-10-24 12:00 CEST = 10:00Z
            ReferenceEvaluator ev = evaluatorAt(t("2026-10-25T11:00:00Z"));
            Filter lastDay = Filter.attr("lastSeen").withinLast(1, PeriodUnit.DAYS);
            expect(ev, lastDay, at("2026-10-24T10:00:00.000Z"), true);
            expect(ev, lastDay, at("2026-10-24T09:59:59.999Z"), false);
        }

        @Test
        void withinNextOneDayAcrossSpringForward() {
            // now = 2026-03-28 12:00 CET = 11:00Z; one day later = 2026-03-29 12:00 CEST = 10:00Z
            ReferenceEvaluator ev = evaluatorAt(t("2026-03-28T11:00:00Z"));
            Filter nextDay = Filter.attr("lastSeen").withinNext(1, PeriodUnit.DAYS);
            expect(ev, nextDay, at("2026-03-28T11:00:00.000Z"), true);
            expect(ev, nextDay, at("2026-03-28T10:59:59.999Z"), false);
            expect(ev, nextDay, at("2026-03-29T10:00:00.000Z"), true);
            expect(ev, nextDay, at("2026-03-29T10:00:00.001Z"), false);
        }

        @Test
        void monthsAtMonthEnds() {
            // now = 2026-03-31 12:00 CEST; one month earlier = 2026-02-28 12:00 CET = 11:00Z
            Filter lastMonth = Filter.attr("lastSeen").withinLast(1, PeriodUnit.MONTHS);
            expect(lastMonth, at("2026-02-28T11:00:00.000Z"), true);
            expect(lastMonth, at("2026-02-28T10:59:59.999Z"), false);
            Filter moreThanAMonthAgo = Filter.attr("lastSeen").moreThanAgo(1, PeriodUnit.MONTHS);
            expect(moreThanAMonthAgo, at("2026-02-28T10:59:59.999Z"), true);
            expect(moreThanAMonthAgo, at("2026-02-28T11:00:00.000Z"), false);
            // now = 2026-01-31 12:00 CET; one month later = 2026-02-28 12:00 CET = 11:00Z
            ReferenceEvaluator jan = evaluatorAt(t("2026-01-31T11:00:00Z"));
            Filter nextMonth = Filter.attr("lastSeen").withinNext(1, PeriodUnit.MONTHS);
            expect(jan, nextMonth, at("2026-02-28T11:00:00.000Z"), true);
            expect(jan, nextMonth, at("2026-02-28T11:00:00.001Z"), false);
        }

        @Test
        void weeksAreCalendarWeeks() {
            // now = 2026-03-31 12:00 CEST; one week earlier = 2026-03-24 12:00 CET = 11:00Z (7 days less an hour)
            Filter lastWeek = Filter.attr("lastSeen").withinLast(1, PeriodUnit.WEEKS);
            expect(lastWeek, at("2026-03-24T11:00:00.000Z"), true);
            expect(lastWeek, at("2026-03-24T10:59:59.999Z"), false);
        }

        @Test
        void minutesAndHoursAreExact() {
            Filter last90Minutes = Filter.attr("lastSeen").withinLast(90, PeriodUnit.MINUTES);
            expect(last90Minutes, at("2026-03-31T08:30:00.000Z"), true);
            expect(last90Minutes, at("2026-03-31T08:29:59.999Z"), false);
            Filter next2Hours = Filter.attr("lastSeen").withinNext(2, PeriodUnit.HOURS);
            expect(next2Hours, at("2026-03-31T12:00:00.000Z"), true);
            expect(next2Hours, at("2026-03-31T12:00:00.001Z"), false);
            Filter moreThan5MinutesAgo = Filter.attr("lastSeen").moreThanAgo(5, PeriodUnit.MINUTES);
            expect(moreThan5MinutesAgo, at("2026-03-31T09:54:59.999Z"), true);
            expect(moreThan5MinutesAgo, at("2026-03-31T09:55:00.000Z"), false);
        }

        @Test
        void nowIsTruncatedToMilliseconds() {
            ReferenceEvaluator ev = evaluatorAt(t("2026-03-31T10:00:00.000999Z"));
            assertThat(ev.now()).isEqualTo(t("2026-03-31T10:00:00Z"));
            // now <= x holds only with the truncated now
            expect(ev, Filter.attr("lastSeen").withinNext(1, PeriodUnit.MINUTES), at("2026-03-31T10:00:00.000Z"), true);
        }
    }

    // ------------------------------------------------------------------------ BOOLEAN

    @Nested
    class Booleans {
        @Test
        void isTrueIsFalseAndComplements() {
            Contact yes = contact("custom.active", true);
            Contact no = contact("custom.active", false);
            Filter isTrue = Filter.attr("custom.active").isTrue();
            Filter isFalse = Filter.attr("custom.active").isFalse();
            Filter isNotTrue = Filter.attr("custom.active").isNotTrue();
            Filter isNotFalse = Filter.attr("custom.active").isNotFalse();
            expect(isTrue, yes, true);
            expect(isTrue, no, false);
            expect(isTrue, NOBODY, false);
            expect(isFalse, yes, false);
            expect(isFalse, no, true);
            expect(isFalse, NOBODY, false);
            expect(isNotTrue, yes, false);
            expect(isNotTrue, no, true);
            expect(isNotTrue, NOBODY, true);
            expect(isNotFalse, yes, true);
            expect(isNotFalse, no, false);
            expect(isNotFalse, NOBODY, true);
        }
    }

    // ------------------------------------------------------------------------ organizations (§4)

    @Nested
    class Organizations {
        final Contact both = contact("organization", List.of(ACME_ID, TEST_ID));
        final Contact stranger = contact("organization", List.of(STRANGER_ID));

        @Test
        void organizationIdConditions() {
            expect(a("organization", Operator.IS, ACME_ID.toString()), both, true);
            expect(a("organization", Operator.IS, ACME_ID.toString().toUpperCase(java.util.Locale.ROOT)), both, true);
            expect(a("organization", Operator.IS, ACME_ID), both, true); // as the SDK builds it
            expect(a("organization", Operator.IS, STRANGER_ID.toString()), both, false);
            expect(a("organization", Operator.IS, STRANGER_ID.toString()), stranger, true);
            expect(a("organization", Operator.IS_ANY_OF, STRANGER_ID.toString(), TEST_ID.toString()), both, true);
            expect(a("organization", Operator.IS_ANY_OF, STRANGER_ID, TEST_ID), both, true);
            expect(a("organization", Operator.IS_ANY_OF, STRANGER_ID.toString()), both, false);
            expect(a("organization", Operator.IS_NOT, ACME_ID.toString()), both, false);
            expect(a("organization", Operator.IS_NOT, ACME_ID.toString()), stranger, true);
            expect(a("organization", Operator.IS_NOT, ACME_ID.toString()), NOBODY, true);
            expect(a("organization", Operator.IS_NONE_OF, STRANGER_ID.toString()), both, true);
            expect(a("organization", Operator.IS_NONE_OF, STRANGER_ID.toString(), ACME_ID.toString()), both, false);
            expect(a("organization", Operator.HAS_ANY_VALUE), stranger, true);
            expect(a("organization", Operator.IS_UNKNOWN), stranger, false);
        }

        @Test
        void organizationNameConditions() {
            expect(a("organization.name", Operator.CONTAINS, "acme"), both, true);
            expect(a("organization.name", Operator.IS, "test ltd"), both, true);
            expect(a("organization.name", Operator.IS, "test"), both, false);
            expect(a("organization.name", Operator.IS_ANY_OF, "x", "ACME CORP"), both, true);
            expect(a("organization.name", Operator.STARTS_WITH, "TEST"), both, true);
            expect(a("organization.name", Operator.ENDS_WITH, "corp"), both, true);
            expect(a("organization.name", Operator.ENDS_WITH, "inc"), both, false);
            // negatives are complements of "some linked organization's name matches"
            expect(a("organization.name", Operator.IS_NOT, "Acme Corp"), both, false);
            expect(a("organization.name", Operator.DOES_NOT_CONTAIN, "test"), both, false);
            expect(a("organization.name", Operator.DOES_NOT_CONTAIN, "globex"), both, true);
            expect(a("organization.name", Operator.IS_NONE_OF, "Globex", "Initech"), both, true);
            expect(a("organization.name", Operator.HAS_ANY_VALUE), both, true);
        }

        @Test
        void organizationNameIgnoresIdsOutsideTheProperty() {
            expect(a("organization.name", Operator.HAS_ANY_VALUE), stranger, false);
            expect(a("organization.name", Operator.IS_UNKNOWN), stranger, true);
            expect(a("organization.name", Operator.CONTAINS, "a"), stranger, false);
            expect(a("organization.name", Operator.DOES_NOT_CONTAIN, "acme"), stranger, true);
            expect(a("organization.name", Operator.DOES_NOT_CONTAIN, "acme"), NOBODY, true);
            expect(a("organization.name", Operator.IS_UNKNOWN), NOBODY, true);
        }

        @Test
        void organizationNameIsOnlyForContactsAndOnlyTextOperators() {
            assertThatThrownBy(() -> EV.matches(a("organization.name", Operator.CONTAINS, "a"), ACME))
                    .isInstanceOf(UnknownAttributeException.class);
            assertThatThrownBy(() -> EV.matches(a("organization.name", Operator.IS_ALL_OF, "Acme Corp"), both))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void filtersOnOrganizations() {
            Organization tagged = Organization.builder(orgId("00000000-0000-7000-8000-0000000000f1"))
                    .set("name", "Globex").set("domains", List.of("globex.example")).build();
            expect(a("domains", Operator.ENDS_WITH, ".EXAMPLE"), tagged, true);
            expect(a("name", Operator.IS, "globex"), tagged, true);
            expect(a("tags", Operator.IS_UNKNOWN), tagged, true);
        }
    }

    // ------------------------------------------------------------------------ impossible combinations

    @Test
    void impossibleCombinationsThrowInsteadOfNotMatching() {
        Contact c = contact("city", "Paris", "tags", List.of("a"), "totalTickets", n("1"), "lastSeen", NOW,
                "organization", List.of(ACME_ID));
        List<Filter> wrong = List.of(
                a("city", Operator.EQ, n("1")),
                a("city", Operator.IS_ALL_OF, "Paris"),
                a("city", Operator.ON, d("2026-01-01")),
                a("city", Operator.LT, "Q"), // an internal seek form, not a user-level operator
                a("tags", Operator.LT, "a"),
                a("totalTickets", Operator.IS, "1"),
                a("totalTickets", Operator.LT, NOW),
                a("lastSeen", Operator.LT, n("1")),
                a("lastSeen", Operator.IS, "2026-01-01"),
                a("organization", Operator.CONTAINS, "x"),
                a("organization", Operator.IS, id(1)), // a contact id is not an organization id
                a("city", Operator.IS, Boolean.TRUE));
        for (Filter f : wrong) {
            assertThatThrownBy(() -> EV.matches(f, c)).as("%s", f).isInstanceOf(IllegalArgumentException.class);
        }
        // built-in types are known even when the value is unknown
        assertThatThrownBy(() -> EV.matches(a("city", Operator.EQ, n("1")), NOBODY))
                .isInstanceOf(IllegalArgumentException.class);
        // custom attributes: type read from the value
        Contact plan = contact("custom.plan", "gold");
        assertThatThrownBy(() -> EV.matches(a("custom.plan", Operator.EQ, n("1")), plan))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EV.matches(a("nonsense", Operator.HAS_ANY_VALUE), plan))
                .isInstanceOf(UnknownAttributeException.class);
    }

    // ------------------------------------------------------------------------ composition (§5)

    @Nested
    class Composition {
        final Contact c = contact("city", "Paris", "tags", List.of("vip"), "totalTickets", n("3"));

        @Test
        void andOrNotAllNone() {
            Filter paris = a("city", Operator.IS, "paris");
            Filter lyon = a("city", Operator.IS, "lyon");
            Filter vip = a("tags", Operator.IS, "vip");
            expect(Filter.all(), c, true);
            expect(Filter.none(), c, false);
            expect(Filter.and(paris, vip), c, true);
            expect(Filter.and(paris, lyon), c, false);
            expect(Filter.or(lyon, vip), c, true);
            expect(Filter.or(lyon, a("tags", Operator.IS, "x")), c, false);
            expect(Filter.not(Filter.and(paris, lyon)), c, true);
            assertThat(EV.matches(Filter.and(), c)).isTrue();
            assertThat(EV.matches(Filter.or(), c)).isFalse();
            assertThat(EV.matches(Filter.not(Filter.not(Filter.or(paris, lyon))), c)).isTrue();
        }

        @Test
        void lawsOnASample() {
            List<Contact> sample = sample(new Random(7), 40);
            List<Filter> conditions = sampleConditions();
            long all = EV.count(Filter.all(), sample);
            assertThat(all).isEqualTo(sample.size());
            for (Filter f : conditions) {
                Filter notF = Filter.not(f);
                assertThat(EV.count(f, sample) + EV.count(notF, sample)).as("count(%s) + count(not)", f).isEqualTo(all);
                assertThat(EV.count(Filter.and(f, notF), sample)).isZero();
                for (Contact x : sample) {
                    assertThat(EV.matches(Filter.not(notF), x)).isEqualTo(EV.matches(f, x));
                }
                for (Filter g : conditions) {
                    for (Contact x : sample) {
                        assertThat(EV.matches(Filter.not(Filter.and(f, g)), x))
                                .isEqualTo(EV.matches(Filter.or(Filter.not(f), Filter.not(g)), x));
                        assertThat(EV.matches(Filter.not(Filter.or(f, g)), x))
                                .isEqualTo(EV.matches(Filter.and(Filter.not(f), Filter.not(g)), x));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------ sorting (§7)

    static List<String> names(List<? extends Attributed> items) {
        return items.stream().map(x -> {
            Object name = x.value("name");
            return name == null ? "?" + x.entityId().toString().substring(33) : (String) name;
        }).collect(Collectors.toList());
    }

    @Nested
    class Sorting {
        final Contact b1 = contact(id(1), "name", "b", "totalTickets", n("2"));
        final Contact a2 = contact(id(2), "name", "A", "totalTickets", n("10"));
        final Contact c3 = contact(id(3), "name", "c");
        final Contact u4 = contact(id(4));
        final Contact bigB5 = contact(id(5), "name", "B", "totalTickets", n("2"));
        final Contact u6 = contact(id(6));
        final List<Contact> all = List.of(u6, bigB5, c3, b1, u4, a2);

        @Test
        void textAscendingUnknownLastTiesById() {
            List<Contact> sorted = EV.evaluate(Filter.all(), Sort.asc("name"), all);
            assertThat(sorted).containsExactly(a2, b1, bigB5, c3, u4, u6);
        }

        @Test
        void textDescendingUnknownStillLastTiesByIdDescending() {
            List<Contact> sorted = EV.evaluate(Filter.all(), Sort.desc("name"), all);
            assertThat(sorted).containsExactly(c3, bigB5, b1, a2, u6, u4);
        }

        @Test
        void numbersByValueNotText() {
            assertThat(EV.evaluate(Filter.all(), Sort.asc("totalTickets"), all)).containsExactly(b1, bigB5, a2, c3, u4, u6);
            assertThat(EV.evaluate(Filter.all(), Sort.desc("totalTickets"), all)).containsExactly(a2, bigB5, b1, u6, u4, c3);
        }

        @Test
        void textComparesFoldsNotRawCase() {
            Contact zed = contact(id(10), "name", "Zed");
            Contact apple = contact(id(11), "name", "apple");
            assertThat(EV.evaluate(Filter.all(), Sort.asc("name"), List.of(zed, apple))).containsExactly(apple, zed);
        }

        @Test
        void datesAndBooleans() {
            Contact early = contact(id(20), "lastSeen", t("2026-01-01T00:00:00Z"), "custom.active", true);
            Contact late = contact(id(21), "lastSeen", t("2026-02-01T00:00:00Z"), "custom.active", false);
            Contact never = contact(id(22));
            List<Contact> items = List.of(never, late, early);
            assertThat(EV.evaluate(Filter.all(), Sort.asc("lastSeen"), items)).containsExactly(early, late, never);
            assertThat(EV.evaluate(Filter.all(), Sort.desc("lastSeen"), items)).containsExactly(late, early, never);
            assertThat(EV.evaluate(Filter.all(), Sort.asc("custom.active"), items)).containsExactly(late, early, never);
            assertThat(EV.evaluate(Filter.all(), Sort.desc("custom.active"), items)).containsExactly(early, late, never);
        }

        @Test
        void idsCompareUnsigned() {
            Contact low = contact(new ContactId(UUID.fromString("7fffffff-ffff-7fff-bfff-ffffffffffff")));
            Contact high = contact(new ContactId(UUID.fromString("80000000-0000-7000-8000-000000000000")));
            // UUID.compareTo is signed and would put 8000... first
            assertThat(high.id().value().compareTo(low.id().value())).isNegative();
            assertThat(EV.evaluate(Filter.all(), Sort.asc("name"), List.of(high, low))).containsExactly(low, high);
            assertThat(EV.evaluate(Filter.all(), Sort.desc("name"), List.of(low, high))).containsExactly(high, low);
            assertThat(ReferenceEvaluator.ID_ORDER.compare(low.id(), high.id())).isNegative();
            // the same order as the canonical text, and as ContactId's own order
            assertThat(low.id().toString().compareTo(high.id().toString())).isNegative();
            assertThat(low.id().compareTo(high.id())).isNegative();
            // low half unsigned too
            EntityId x = new ContactId(UUID.fromString("00000000-0000-7000-7fff-ffffffffffff"));
            EntityId y = new ContactId(UUID.fromString("00000000-0000-7000-8000-000000000000"));
            assertThat(ReferenceEvaluator.ID_ORDER.compare(x, y)).isNegative();
        }

        @Test
        void codePointOrderIsNotUtf16Order() {
            String grin = "\uD83D\uDE00"; // U+1F600
            String tilde = "\uFF5E";      // U+FF5E
            assertThat(grin.compareTo(tilde)).isNegative(); // UTF-16 order
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare(tilde, grin)).isNegative();
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare(grin, tilde)).isPositive();
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare("a", "ab")).isNegative();
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare("ab", "a")).isPositive();
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare("", "")).isZero();
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare("x" + grin, "x" + grin)).isZero();
            // below U+E000 both orders agree
            assertThat(ReferenceEvaluator.CODE_POINT_ORDER.compare("\uD7FF", grin)).isNegative();
            assertThat("\uD7FF".compareTo(grin)).isNegative();
            Contact g = contact(id(30), "name", "x" + grin);
            Contact tl = contact(id(31), "name", "x" + tilde);
            assertThat(EV.evaluate(Filter.all(), Sort.asc("name"), List.of(g, tl))).containsExactly(tl, g);
            assertThat(EV.evaluate(Filter.all(), Sort.desc("name"), List.of(tl, g))).containsExactly(g, tl);
        }

        @Test
        void organizationsSortToo() {
            Organization one = Organization.builder(orgId("00000000-0000-7000-8000-000000000101")).set("name", "Beta").contacts(3).build();
            Organization two = Organization.builder(orgId("00000000-0000-7000-8000-000000000102")).set("name", "alpha").contacts(1).build();
            assertThat(EV.evaluate(Filter.all(), Sort.asc("name"), List.of(one, two))).containsExactly(two, one);
            assertThat(EV.evaluate(Filter.all(), Sort.desc("contacts"), List.of(two, one))).containsExactly(one, two);
        }

        @Test
        void unsortableAttributes() {
            assertThatThrownBy(() -> EV.evaluate(Filter.all(), Sort.asc("tags"), all)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EV.evaluate(Filter.all(), Sort.asc("organization"), all)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EV.comparator(Sort.asc("organization.name"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ------------------------------------------------------------------------ paging and counting (§8)

    static List<Contact> sample(Random random, int size) {
        String[] cities = {"Paris", "paris", "Lyon", "Straße", "STRASSE", "ΟΔΟΣ", "x\uD83D\uDE00", "x\uFF5E", null, null};
        String[][] tagSets = {{}, {"vip"}, {"VIP", "gold"}, {"gold"}, {"a%b", "c_d"}};
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            Contact.Builder b = Contact.builder(new ContactId(uuid));
            b.set("city", cities[random.nextInt(cities.length)]);
            b.set("tags", List.of(tagSets[random.nextInt(tagSets.length)]));
            b.set("totalTickets", random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(4)));
            b.set("lastSeen", random.nextInt(4) == 0 ? null : t("2026-03-28T20:00:00Z").plusSeconds(3600L * random.nextInt(60)));
            b.set("custom.active", random.nextInt(3) == 0 ? null : random.nextBoolean());
            b.set("organization", random.nextBoolean() ? List.of() : List.of(random.nextBoolean() ? ACME_ID : STRANGER_ID));
            contacts.add(b.build());
        }
        return contacts;
    }

    static List<Filter> sampleConditions() {
        return List.of(
                a("city", Operator.IS, "paris"),
                a("city", Operator.CONTAINS, "σ"),
                a("city", Operator.IS_UNKNOWN),
                a("tags", Operator.IS_ALL_OF, "vip", "gold"),
                a("tags", Operator.CONTAINS, "%"),
                a("totalTickets", Operator.LT, n("2")),
                a("totalTickets", Operator.BETWEEN, n("1"), n("2")),
                a("lastSeen", Operator.ON, d("2026-03-29")),
                Filter.attr("lastSeen").withinLast(2, PeriodUnit.DAYS),
                Filter.attr("custom.active").isNotTrue(),
                a("organization", Operator.IS, ACME_ID.toString()),
                a("organization.name", Operator.CONTAINS, "acme"));
    }

    @Nested
    class Paging {
        final List<Contact> sample = sample(new Random(42), 60);

        <T extends Attributed> List<T> walk(Filter f, Sort sort, List<T> items, int pageSize) {
            List<T> seen = new ArrayList<>();
            T last = null;
            while (true) {
                List<T> page = EV.pageAfter(f, sort, items, pageSize, last);
                assertThat(page.size()).isLessThanOrEqualTo(pageSize);
                if (page.isEmpty()) {
                    return seen;
                }
                seen.addAll(page);
                // a broken order could walk forever: more items than exist is already wrong
                assertThat(seen.size()).as("items seen while walking").isLessThanOrEqualTo(items.size());
                last = page.get(page.size() - 1);
            }
        }

        @Test
        void walkingAllPagesEqualsTheUnpagedResult() {
            List<Sort> sorts = new ArrayList<>();
            for (String attribute : List.of("city", "totalTickets", "lastSeen", "custom.active", "name")) {
                sorts.add(Sort.asc(attribute));
                sorts.add(Sort.desc(attribute));
            }
            List<Filter> filters = new ArrayList<>(sampleConditions());
            filters.add(Filter.all());
            filters.add(Filter.none());
            for (Sort sort : sorts) {
                for (Filter f : filters) {
                    List<Contact> expected = EV.evaluate(f, sort, sample);
                    assertThat(expected).hasSize((int) EV.count(f, sample));
                    for (int pageSize : new int[] {1, 2, 7, 1000}) {
                        assertThat(walk(f, sort, sample, pageSize)).as("%s %s page %d", f, sort, pageSize)
                                .containsExactlyElementsOf(expected);
                    }
                }
            }
        }

        @Test
        void unpagedResultIsSortedAndComplete() {
            Filter f = a("totalTickets", Operator.LT, n("2"));
            List<Contact> result = EV.evaluate(f, Sort.asc("city"), sample);
            for (Contact c : sample) {
                assertThat(result.contains(c)).isEqualTo(EV.matches(f, c));
            }
            List<Contact> shuffled = new ArrayList<>(sample);
            Collections.shuffle(shuffled, new Random(1));
            assertThat(EV.evaluate(f, Sort.asc("city"), shuffled)).containsExactlyElementsOf(result);
        }

        @Test
        void keysetPositionSurvivesDeletionOfTheLastItem() {
            Sort sort = Sort.asc("name");
            Contact a = contact(id(41), "name", "a");
            Contact b = contact(id(42), "name", "b");
            Contact bTie = contact(id(43), "name", "B");
            Contact c = contact(id(44), "name", "c");
            Contact u = contact(id(40));
            List<Contact> items = List.of(a, b, bTie, c, u);
            assertThat(EV.pageAfter(Filter.all(), sort, items, 2, null)).containsExactly(a, b);
            // b was deleted after the first page: the walk continues after its position
            assertThat(EV.pageAfter(Filter.all(), sort, List.of(a, bTie, c, u), 2, b)).containsExactly(bTie, c);
            // a new item inserted before the position is not seen
            Contact early = contact(id(45), "name", "aa");
            assertThat(EV.pageAfter(Filter.all(), sort, List.of(a, early, b, bTie, c, u), 10, b)).containsExactly(bTie, c, u);
            // after an unknown: only unknowns with a greater id
            Contact u2 = contact(id(46));
            assertThat(EV.pageAfter(Filter.all(), sort, List.of(a, u2, u), 10, u)).containsExactly(u2);
            assertThat(EV.pageAfter(Filter.all(), Sort.desc("name"), List.of(a, u2, u), 10, u2)).containsExactly(u);
        }

        @Test
        void pageSizeMustBePositive() {
            assertThatThrownBy(() -> EV.pageAfter(Filter.all(), Sort.asc("name"), sample, 0, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void countIsExact() {
            UnaryOperator<Filter> not = Filter::not;
            for (Filter f : sampleConditions()) {
                assertThat(EV.count(f, sample) + EV.count(not.apply(f), sample)).isEqualTo(sample.size());
            }
            assertThat(EV.count(Filter.none(), sample)).isZero();
        }
    }
}
