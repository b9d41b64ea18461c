package dev.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lowering to the store form: days and periods in the zone, organizations, complements. */
class StoreFilterLoweringTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-03-29T12:00:00Z");
    private static final OrganizationId ACME = OrganizationId.parse("0190b0c4-7f3a-7cde-8a12-3456789abcde");
    private final List<Filter> organizationQueries = new ArrayList<>();

    private Filter lower(Filter f) {
        AttributeCatalog catalog = AttributeCatalog.of(Target.CONTACT, List.of());
        return new StoreFilterLowering(catalog, PARIS, NOW, q -> {
            organizationQueries.add(q);
            return q.equals(Filter.attr("name").contains("acme")) ? List.of(ACME) : List.of();
        }).lower(f);
    }

    @Test
    void aDayIsItsLocalStartToTheNextLocalStartAcrossDst() {
        assertThat(lower(Filter.attr("lastSeen").on(LocalDate.of(2026, 3, 29)))).isEqualTo(Filter.and(
                Condition.of("lastSeen", Operator.GE, Instant.parse("2026-03-28T23:00:00Z")),
                Condition.of("lastSeen", Operator.LT, Instant.parse("2026-03-29T22:00:00Z")))); // a 23-hour day
        assertThat(lower(Filter.attr("lastSeen").notOn(LocalDate.of(2026, 3, 29)))).isEqualTo(Filter.or(
                new Not(Condition.of("lastSeen", Operator.GE, Instant.parse("2026-03-28T23:00:00Z"))),
                new Not(Condition.of("lastSeen", Operator.LT, Instant.parse("2026-03-29T22:00:00Z")))));
    }

    @Test
    void relativeDaysAreCalendarArithmeticInTheZone() {
        assertThat(lower(Filter.attr("lastSeen").withinLast(1, PeriodUnit.DAYS))).isEqualTo(Filter.and(
                Condition.of("lastSeen", Operator.GE, Instant.parse("2026-03-28T13:00:00Z")), // 23 hours before now
                Condition.of("lastSeen", Operator.LE, NOW)));
        assertThat(lower(Filter.attr("lastSeen").moreThanAgo(2, PeriodUnit.HOURS)))
                .isEqualTo(Condition.of("lastSeen", Operator.LT, Instant.parse("2026-03-29T10:00:00Z")));
    }

    @Test
    void boundsOutsideTheStorableRangeAreDecidedInCore() {
        // Paris is east of UTC: the local 10000-01-01 starts inside the range, 1900-01-01 before it
        assertThat(lower(Filter.attr("created").after(LocalDate.of(9999, 12, 31))))
                .isEqualTo(Condition.of("created", Operator.GE, Instant.parse("9999-12-31T23:00:00Z")));
        assertThat(lower(Filter.attr("created").withinNext(100_000, PeriodUnit.MONTHS)))
                .isEqualTo(Filter.and(Condition.of("created", Operator.GE, NOW), Condition.of("created", Operator.HAS_ANY_VALUE)));
        assertThat(lower(Filter.attr("created").before(LocalDate.of(1900, 1, 1)))).isEqualTo(Filter.none());
        assertThat(lower(Filter.attr("created").withinLast(100_000, PeriodUnit.MONTHS)))
                .isEqualTo(Filter.and(Condition.of("created", Operator.HAS_ANY_VALUE), Condition.of("created", Operator.LE, NOW)));
    }

    @Test
    void organizationNamesBecomeIdSetsAndNegativesTheirComplements() {
        assertThat(lower(Filter.attr("organization.name").contains("acme")))
                .isEqualTo(new Condition("organization", Operator.IS_ANY_OF, List.of(ACME)));
        assertThat(lower(Filter.attr("organization.name").doesNotContain("acme")))
                .isEqualTo(new Condition("organization", Operator.IS_NONE_OF, List.of(ACME)));
        assertThat(lower(Filter.attr("organization.name").is("nobody"))).isEqualTo(Filter.none());
        assertThat(lower(Filter.attr("organization.name").isNot("nobody"))).isEqualTo(Filter.all());
        assertThat(organizationQueries).containsOnly(Filter.attr("name").contains("acme"), Filter.attr("name").is("nobody"));
        assertThat(lower(Filter.attr("organization").isNot(ACME.toString())))
                .isEqualTo(new Condition("organization", Operator.IS_NONE_OF, List.of(ACME)));
    }

    @Test
    void numberRangesBecomeTwoComparisonsAndComplementsStayExact() {
        assertThat(lower(Filter.not(Filter.attr("pagesViewed").between(1, 5)))).isEqualTo(Filter.or(
                new Not(Filter.attr("pagesViewed").ge(1)), new Not(Filter.attr("pagesViewed").le(5))));
        assertThat(lower(Filter.attr("tags").isNot("vip"))).isEqualTo(Filter.attr("tags").isNot("vip"));
    }
}
