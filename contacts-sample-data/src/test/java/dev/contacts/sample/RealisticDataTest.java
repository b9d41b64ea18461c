package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RealisticDataTest {
    private static final SampleData DATA = SampleData.generate(SampleSpec.realistic(7, 4_000).withProperties(2));
    private static final List<Contact> FIRST = DATA.contacts(DATA.properties().get(0).id());

    @Test
    void sizesAndProperties() {
        assertThat(DATA.properties()).extracting(p -> p.id().value()).containsExactly("prop-a", "prop-b");
        assertThat(DATA.properties()).extracting(Property::zone).containsExactly(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"));
        for (Property p : DATA.properties()) {
            assertThat(DATA.contacts(p.id())).hasSize(4_000);
            assertThat(DATA.organizations(p.id())).hasSize(200);
        }
    }

    @Test
    void invariants() {
        Invariants.check(DATA);
    }

    @Test
    void customAttributesCoverEveryType() {
        List<AttributeDefinition> attributes = DATA.attributes(DATA.properties().get(0).id());
        Set<AttributeType> contactTypes = attributes.stream().filter(d -> d.target() == Target.CONTACT)
                .map(AttributeDefinition::type).collect(Collectors.toCollection(() -> EnumSet.noneOf(AttributeType.class)));
        assertThat(contactTypes).containsExactlyInAnyOrder(AttributeType.TEXT, AttributeType.TEXT_SET, AttributeType.NUMBER,
                AttributeType.DATE, AttributeType.BOOLEAN);
        assertThat(attributes).filteredOn(d -> d.target() == Target.ORGANIZATION).hasSizeGreaterThanOrEqualTo(2);
        assertThat(attributes).allMatch(d -> !d.builtIn() && d.name().startsWith("custom."));
        List<Contact> contacts = FIRST;
        for (AttributeDefinition d : attributes) {
            if (d.target() == Target.CONTACT) {
                long known = contacts.stream().filter(c -> c.value(d.name()) != null).count();
                assertThat(known).as(d.name()).isBetween(contacts.size() / 10L, contacts.size() - contacts.size() / 10L);
            }
        }
    }

    @Test
    void valuesArePlausibleAndConsistent() {
        List<Contact> contacts = FIRST;
        int withoutActivity = 0;
        for (Contact c : contacts) {
            assertThat(c.emails()).hasSizeBetween(1, 3);
            checkActivity(c);
            if (c.firstSeen() == null) {
                withoutActivity++;
                assertThat(List.of(c.totalWebSessions() == null, c.totalLiveChats() == null, c.totalTickets() == null,
                        c.country() == null, c.browser() == null)).containsOnly(true);
            }
            if (c.city() != null) {
                String city = c.city();
                assertThat(Words.PLACES).anyMatch(place -> place.country().equals(c.country())
                        && place.cities().stream().anyMatch(pair -> pair[0].equals(city) && pair[1].equals(c.region())));
            }
            assertThat(c.organizations()).hasSizeLessThanOrEqualTo(2);
        }
        assertThat(withoutActivity).isBetween(contacts.size() / 20, contacts.size() / 4);
        assertThat(contacts).filteredOn(c -> c.phones().isEmpty()).isNotEmpty();
        assertThat(contacts).filteredOn(c -> c.name() == null).isNotEmpty();
        assertThat(contacts).filteredOn(c -> c.linkedinUrl() != null).isNotEmpty();
        assertThat(contacts.stream().map(Contact::name).filter(n -> n != null && !n.chars().allMatch(ch -> ch < 128)).count())
                .as("some names use accents or other scripts").isGreaterThan(contacts.size() / 10);
    }

    /** The activity statistics agree with each other (docs/filter-semantics.md §2). */
    static void checkActivity(Contact c) {
        Instant now = SampleData.REFERENCE_NOW;
        assertThat(c.created()).isNotNull().isBeforeOrEqualTo(now);
        assertThat(c.updated()).isNotNull().isAfterOrEqualTo(c.created()).isBeforeOrEqualTo(now);
        checkPair(c.firstWebSession(), c.lastWebSession(), c.totalWebSessions());
        checkPair(c.firstLiveChat(), c.lastLiveChat(), c.totalLiveChats());
        checkPair(c.firstTicket(), c.lastTicket(), c.totalTickets());
        if (c.totalWebSessions() == null) {
            assertThat(c.pagesViewed()).isNull();
            assertThat(c.timeSpent()).isNull();
        } else {
            assertThat(c.pagesViewed()).isGreaterThanOrEqualTo(c.totalWebSessions());
            assertThat(c.timeSpent()).isPositive();
        }
        Instant firstSeen = min(c.firstWebSession(), min(c.firstLiveChat(), c.firstTicket()));
        Instant lastSeen = max(c.lastWebSession(), max(c.lastLiveChat(), c.lastTicket()));
        assertThat(c.firstSeen()).isEqualTo(firstSeen);
        assertThat(c.lastSeen()).isEqualTo(lastSeen);
        if (firstSeen != null) {
            assertThat(c.created()).isBeforeOrEqualTo(firstSeen);
            assertThat(lastSeen).isBeforeOrEqualTo(now);
        }
    }

    private static void checkPair(Instant first, Instant last, BigDecimal total) {
        if (first == null) {
            assertThat(last).isNull();
            assertThat(total).isNull();
        } else {
            assertThat(last).isAfterOrEqualTo(first);
            assertThat(total).isGreaterThanOrEqualTo(BigDecimal.ONE);
            if (total.compareTo(BigDecimal.ONE) == 0) {
                assertThat(last).isEqualTo(first);
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    @Test
    void tagsAndCountriesAreSkewed() {
        List<Contact> contacts = FIRST;
        Map<String, Integer> tags = new HashMap<>();
        Map<String, Integer> countries = new HashMap<>();
        for (Contact c : contacts) {
            c.tags().forEach(t -> tags.merge(t, 1, Integer::sum));
            if (c.country() != null) {
                countries.merge(c.country(), 1, Integer::sum);
            }
        }
        assertThat(tags.keySet()).hasSizeGreaterThan(30);
        assertThat(tags.get("newsletter")).isGreaterThan(5 * tags.getOrDefault("survey-sent", 0));
        assertThat(countries.get("US")).isGreaterThan(10 * countries.getOrDefault("SE", 0));
        assertThat(countries.keySet()).allMatch(code -> code.matches("[A-Z]{2}"));
    }

    @Test
    void organizationsAreLinkedAndNamed() {
        Property p = DATA.properties().get(1);
        Set<Object> linked = DATA.contacts(p.id()).stream().flatMap(c -> c.organizations().stream()).collect(Collectors.toSet());
        assertThat(linked.size()).isGreaterThan(DATA.organizations(p.id()).size() * 9 / 10);
        assertThat(DATA.organizations(p.id())).allMatch(o -> o.name() != null && !o.domains().isEmpty() && o.created() != null);
    }
}
