package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdversarialDataTest {
    private static SampleData data;
    /** Every text value and set element of every contact and organization of the first property. */
    private static List<String> texts;
    private static List<Contact> contacts;

    @BeforeAll
    static void generate() {
        data = SampleData.generate(SampleSpec.adversarial(20260329L));
        Property p = data.properties().get(0);
        contacts = data.contacts(p.id());
        texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        BuiltInAttributes.of(Target.CONTACT).forEach(d -> names.add(d.name()));
        data.attributes(p.id()).stream().filter(d -> d.target() == Target.CONTACT).forEach(d -> names.add(d.name()));
        for (Contact c : contacts) {
            for (String name : names) {
                collectTexts(c.value(name));
            }
        }
        for (Organization o : data.organizations(p.id())) {
            collectTexts(o.name());
            collectTexts(o.tags());
            collectTexts(o.value("custom.industry"));
        }
    }

    private static void collectTexts(Object value) {
        if (value instanceof String) {
            texts.add((String) value);
        } else if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                if (element instanceof String) {
                    texts.add((String) element);
                }
            }
        }
    }

    @Test
    void sizesPropertiesAndZones() {
        assertThat(data.properties()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(data.properties()).extracting(p -> p.id().value()).containsExactly("prop-a", "prop-b", "prop-c");
        assertThat(data.properties()).extracting(Property::zone)
                .containsExactly(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("Pacific/Chatham"));
        long contactCount = 0;
        long organizationCount = 0;
        for (Property p : data.properties()) {
            contactCount += data.contacts(p.id()).size();
            organizationCount += data.organizations(p.id()).size();
        }
        assertThat(contactCount).isGreaterThanOrEqualTo(2_000);
        assertThat(organizationCount).isGreaterThanOrEqualTo(50);
        assertThat(SampleData.generate(SampleSpec.adversarial(1).withProperties(4)).properties().get(3).zone())
                .isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void invariants() {
        Invariants.check(data);
        Invariants.check(SampleData.generate(SampleSpec.adversarial(-99, 250).withOrganizationsPerProperty(3)));
    }

    @Test
    void poolsAreSmallEnoughForFullCoverage() {
        int largest = 0;
        for (Object[] pool : new Object[][] {EdgeValues.TEXTS, EdgeValues.DATES, EdgeValues.NUMBERS, EdgeValues.CITIES,
            EdgeValues.SET_LISTS.toArray(), EdgeValues.PHONES.toArray()}) {
            largest = Math.max(largest, pool.length);
        }
        assertThat(largest).isLessThanOrEqualTo(SampleSpec.ADVERSARIAL_FULL_COVERAGE);
        assertThat(EdgeValues.ORGANIZATION_NAMES.length).isLessThanOrEqualTo(SampleSpec.MIN_ADVERSARIAL_ORGANIZATIONS_PER_PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ß", "\u1E9E", "SS", "İ", "ı", "Σ", "σ", "ς", "ΟΔΟΣ", "οδος", "%", "_", "\\", "*", ".", "[", "(", "^", "$", "|",
        "\uFF5E", "\uE000", "\u00A0", "\u200B", "\u0301", "é", "Kelvin", "Å"})
    void unicodeAndMetacharactersArePresent(String fragment) {
        assertThat(texts).anyMatch(t -> t.contains(fragment));
    }

    @Test
    void charactersOnBothSidesOfTheUtf16OrderDifference() {
        assertThat(texts).anyMatch(t -> t.codePoints().anyMatch(cp -> cp > 0xFFFF));
        assertThat(texts).anyMatch(t -> t.chars().anyMatch(ch -> ch >= 0xE000 && ch <= 0xFFFF));
        // the same prefix followed by either kind, so a sort on the name tells UTF-16 and code point order apart
        assertThat(texts).contains("x" + EdgeValues.EMOJI, "x" + EdgeValues.FULLWIDTH_TILDE, "x" + EdgeValues.PRIVATE_USE);
    }

    @Test
    void combiningMarkInputsNormaliseToTies() {
        assertThat(EdgeValues.TEXTS).anyMatch(t -> t != null && !Normalizer.isNormalized(t, Normalizer.Form.NFC));
        // "e\u0301" and "é" were both given; both are stored as "é"
        assertThat(contacts.stream().filter(c -> "é".equals(c.name())).count()).isGreaterThanOrEqualTo(2);
        assertThat(contacts.stream().filter(c -> c.name() != null && Values.fold(c.name()).equals("café")).count()).isGreaterThanOrEqualTo(3);
        // a combining mark without a precomposed form stays
        assertThat(texts).contains("q\u0301");
    }

    @Test
    void limitsAreReachedButNotExceeded() {
        assertThat(texts).anyMatch(t -> t.codePointCount(0, t.length()) == 500 && t.length() == 1000);
        assertThat(contacts).anyMatch(c -> c.tags().size() == 100);
        assertThat(contacts).anyMatch(c -> c.tags().stream().anyMatch(t -> t.codePointCount(0, t.length()) == 320));
        assertThat(contacts).allMatch(c -> c.tags().size() <= 100);
    }

    @Test
    void numbersOnEveryEdge() {
        List<BigDecimal> scores = contacts.stream().map(c -> (BigDecimal) c.value("custom.score")).filter(n -> n != null)
                .collect(Collectors.toList());
        assertThat(scores).anyMatch(n -> n.signum() < 0);
        assertThat(scores).anyMatch(n -> n.signum() == 0);
        assertThat(scores).anyMatch(n -> n.precision() - n.scale() == 18 && n.scale() == 6);
        assertThat(scores).anyMatch(n -> n.precision() - n.scale() == 18 && n.signum() < 0);
        assertThat(scores).anyMatch(n -> n.scale() == 6 && n.abs().compareTo(BigDecimal.ONE) < 0);
        assertThat(scores).contains(new BigDecimal("100"), new BigDecimal("1.5"));
        assertThat(contacts).anyMatch(c -> new BigDecimal("999999999999999999").equals(c.totalWebSessions()));
    }

    @Test
    void datesOnDayDstAndRangeBoundaries() {
        Set<Instant> dates = new HashSet<>();
        for (Contact c : contacts) {
            for (String name : List.of("firstWebSession", "lastWebSession", "firstLiveChat", "lastLiveChat", "firstTicket", "lastTicket",
                    "created", "updated", "firstSeen", "lastSeen", "custom.renewal")) {
                Object v = c.value(name);
                if (v != null) {
                    dates.add((Instant) v);
                }
            }
        }
        assertThat(dates).contains(
                Instant.parse("2026-03-29T00:59:59.999Z"), Instant.parse("2026-03-29T01:00:00Z"), // Paris DST starts
                Instant.parse("2026-03-28T23:00:00Z"), // Paris local midnight
                Instant.parse("2026-10-25T01:00:00Z"), // Paris DST ends
                Instant.parse("2026-03-08T07:00:00Z"), // New York DST starts
                Instant.parse("2026-01-31T23:59:59.999Z"), Instant.parse("2026-02-01T00:00:00Z"), // month end
                Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("2026-05-05T10:15:30.123Z")); // also given with nanoseconds, truncated
        assertThat(dates).allMatch(d -> d.getNano() % 1_000_000 == 0);
    }

    @Test
    void unknownsOfEveryTypeAndKnownValuesToo() {
        Map<AttributeType, String> probes = Map.of(AttributeType.TEXT, "name", AttributeType.TEXT_SET, "tags",
                AttributeType.NUMBER, "custom.score", AttributeType.DATE, "custom.renewal", AttributeType.BOOLEAN, "custom.vip",
                AttributeType.ORG_LINK, "organization");
        probes.forEach((type, name) -> {
            assertThat(contacts).as("%s unknown", name).anyMatch(c -> c.value(name) == null);
            assertThat(contacts).as("%s known", name).anyMatch(c -> c.value(name) != null);
        });
        for (AttributeDefinition d : BuiltInAttributes.of(Target.CONTACT)) {
            assertThat(contacts).as("%s unknown", d.name()).anyMatch(c -> c.value(d.name()) == null);
            assertThat(contacts).as("%s known", d.name()).anyMatch(c -> c.value(d.name()) != null);
        }
        assertThat(contacts).anyMatch(c -> Boolean.TRUE.equals(c.value("custom.vip")));
        assertThat(contacts).anyMatch(c -> Boolean.FALSE.equals(c.value("custom.vip")));
        assertThat(contacts).anyMatch(c -> c.custom().isEmpty() == false && !c.custom().containsKey("plan"));
    }

    @Test
    void blankInputsWereGivenAndNormalisedAway() {
        assertThat(EdgeValues.TEXTS).contains("", "  ", "\u2003");
        assertThat(EdgeValues.SET_LISTS).contains(List.of(" ", ""));
        assertThat(texts).allMatch(t -> !t.isBlank() && t.strip().equals(t));
    }

    @Test
    void manyTies() {
        Map<String, Integer> byFold = new HashMap<>();
        for (Contact c : contacts) {
            if (c.city() != null) {
                byFold.merge(Values.fold(c.city()), 1, Integer::sum);
            }
        }
        assertThat(byFold.size()).isLessThan(20);
        assertThat(byFold.get("istanbul")).isGreaterThan(10);
        Predicate<Contact> sameCity = c -> c.city() != null && Values.fold(c.city()).equals("paris");
        assertThat(contacts.stream().filter(sameCity).map(Contact::city).distinct().count()).isEqualTo(3); // Paris, PARIS, paris
        assertThat(contacts.stream().map(c -> c.value("custom.score")).filter(v -> v != null).distinct().count()).isLessThan(30);
    }

    @Test
    void foldDuplicatesWereDroppedKeepingTheFirstSpelling() {
        assertThat(contacts).anyMatch(c -> c.tags().equals(List.of("VIP")));
        assertThat(contacts).anyMatch(c -> c.tags().equals(List.of("Straße", "STRASSE", "ß", "ss")));
        assertThat(contacts).anyMatch(c -> c.emails().size() == 2 && c.emails().get(0).startsWith("Straße.")
                && c.emails().get(1).startsWith("STRASSE."));
    }

    @Test
    void countriesAreValidCodes() {
        assertThat(contacts).extracting(Contact::country).filteredOn(c -> c != null).allMatch(c -> c.matches("[A-Z]{2}"));
        assertThat(contacts).extracting(Contact::country).contains("FR", "DE", "XK", null);
    }
}
