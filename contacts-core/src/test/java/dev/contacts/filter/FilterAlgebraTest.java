package dev.contacts.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.FilterLimitException;
import dev.contacts.InvalidFilterException;
import dev.contacts.UnknownAttributeException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical factories, operand checks, validation against the catalogue and the limits of §5. */
class FilterAlgebraTest {
    private static final Filter A = Filter.attr("tags").is("a");
    private static final Filter B = Filter.attr("city").isUnknown();
    private static final Filter C = Filter.attr("totalTickets").gt(3);
    private static final AttributeCatalog CONTACTS = AttributeCatalog.of(Target.CONTACT,
            List.of(AttributeDefinition.custom(Target.CONTACT, "plan", "Plan", AttributeType.TEXT)));

    @Test
    void andAndOrAreFlattenedUnwrappedAndKeepIdentities() {
        assertThat(Filter.and()).isEqualTo(Filter.all());
        assertThat(Filter.or()).isEqualTo(Filter.none());
        assertThat(Filter.and(A)).isEqualTo(A);
        assertThat(Filter.and(A, Filter.and(B, C))).isEqualTo(Filter.and(A, B, C));
        assertThat(Filter.or(Filter.or(A, B), C)).isEqualTo(new Or(List.of(A, B, C)));
        assertThat(Filter.and(Filter.all(), A)).isEqualTo(A);
        assertThat(Filter.or(Filter.none(), A)).isEqualTo(A);
        assertThatThrownBy(() -> new And(List.of(A))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notUsesTheNegativeSpellingAndRemovesDoubleNegation() {
        assertThat(Filter.not(A)).isEqualTo(Filter.attr("tags").isNot("a"));
        assertThat(Filter.not(Filter.not(A))).isEqualTo(A);
        assertThat(Filter.not(B)).isEqualTo(Filter.attr("city").hasAnyValue());
        assertThat(Filter.not(C)).isEqualTo(new Not(C));
        assertThat(Filter.not(Filter.not(C))).isEqualTo(C);
        assertThat(Filter.not(Filter.all())).isEqualTo(Filter.none());
        assertThat(Filter.not(Filter.none())).isEqualTo(Filter.all());
    }

    @Test
    void textOperandsAreNormalisedAndBlankOnesRefused() {
        assertThat(Filter.attr("name").is("  e\u0301 ")).isEqualTo(Filter.attr("name").is("\u00e9"));
        assertThatThrownBy(() -> Filter.attr("name").is("   ")).isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("is unknown");
        assertThatThrownBy(() -> Filter.attr("tags").isAnyOf(List.of())).isInstanceOf(InvalidFilterException.class);
        assertThat(Filter.attr("tags").isAnyOf("VIP", "vip", "Lead")).isEqualTo(Filter.attr("tags").isAnyOf("VIP", "Lead"));
    }

    @Test
    void rangesMustBeOrdered() {
        assertThatThrownBy(() -> Filter.attr("pagesViewed").between(5, 1)).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> Filter.attr("created").between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(InvalidFilterException.class);
        assertThat(Filter.attr("pagesViewed").between(new BigDecimal("1.50"), 1.5)).isNotNull();
        assertThatThrownBy(() -> Filter.attr("lastSeen").withinLast(0, PeriodUnit.DAYS)).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> Filter.attr("lastSeen").withinLast(100_001, PeriodUnit.DAYS)).isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void operandsMustFitTheOperator() {
        assertThatThrownBy(() -> Condition.of("created", Operator.ON, Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> Condition.of("tags", Operator.HAS_ANY_VALUE, "x")).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> Condition.of("bad name!", Operator.HAS_ANY_VALUE)).isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void validatorRejectsUnknownAttributesAndOperatorsThatDoNotFit() {
        FilterValidator.validate(Filter.and(A, B, C, Filter.attr("custom.plan").contains("gold"),
                Filter.attr("organization.name").contains("acme")), CONTACTS);
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("custom.nope").is("x"), CONTACTS))
                .isInstanceOf(UnknownAttributeException.class).hasMessageContaining("custom.nope");
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("tags").gt(1), CONTACTS))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("tags").hasMessageContaining(">")
                .hasMessageContaining("a list of texts");
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("name").isAllOf("a"), CONTACTS))
                .isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("lastSeen").is("x"), CONTACTS))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("a date");
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("organization").is("acme"), CONTACTS))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("organization.name");
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("custom.plan").isTrue(), CONTACTS))
                .isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> FilterValidator.validate(Filter.attr("id").gt(1), CONTACTS))
                .isInstanceOf(UnknownAttributeException.class);
    }

    @Test
    void depthLimitCountsEveryAndOrNot() {
        assertThat(depthFilter(16)).satisfies(FilterLimits::check);
        assertThatThrownBy(() -> FilterLimits.check(depthFilter(17))).isInstanceOf(FilterLimitException.class)
                .satisfies(e -> assertThat(((FilterLimitException) e).limit()).isEqualTo("depth"));
    }

    /** Alternating and/or so the factories cannot flatten the nesting away. */
    private static Filter depthFilter(int depth) {
        Filter f = Filter.attr("totalTickets").gt(0);
        for (int i = 0; i < depth; i++) {
            Filter other = Filter.attr("pagesViewed").gt(i);
            f = i % 2 == 0 ? Filter.and(f, other) : Filter.or(f, other);
        }
        return f;
    }

    @Test
    void conditionLimit() {
        List<Filter> conditions = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            conditions.add(Filter.attr("pagesViewed").ne(i));
        }
        FilterLimits.check(Filter.and(conditions));
        conditions.add(Filter.attr("pagesViewed").ne(64));
        assertThatThrownBy(() -> FilterLimits.check(Filter.and(conditions))).isInstanceOf(FilterLimitException.class)
                .satisfies(e -> assertThat(((FilterLimitException) e).limit()).isEqualTo("conditions"));
    }

    @Test
    void listLimit() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add("v" + i);
        }
        FilterLimits.check(Filter.attr("tags").isAnyOf(values));
        values.add("v100");
        assertThatThrownBy(() -> FilterLimits.check(Filter.attr("tags").isAnyOf(values))).isInstanceOf(FilterLimitException.class)
                .satisfies(e -> assertThat(((FilterLimitException) e).limit()).isEqualTo("list"));
    }

    @Test
    void literalLimitInCodePoints() {
        FilterLimits.check(Filter.attr("name").contains("\ud83d\ude00".repeat(500)));
        assertThatThrownBy(() -> FilterLimits.check(Filter.attr("name").contains("x".repeat(501))))
                .isInstanceOf(FilterLimitException.class)
                .satisfies(e -> assertThat(((FilterLimitException) e).limit()).isEqualTo("literal"));
    }

    @Test
    void canonicalTextLimit() {
        List<Filter> conditions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            conditions.add(Filter.attr("name").contains(i + "x".repeat(450)));
        }
        assertThatThrownBy(() -> FilterLimits.check(Filter.or(conditions))).isInstanceOf(FilterLimitException.class)
                .satisfies(e -> assertThat(((FilterLimitException) e).limit()).isEqualTo("text"));
    }

    @Test
    void normalizerPushesNotToTheLeaves() {
        Filter f = Filter.not(Filter.and(A, Filter.or(B, C)));
        assertThat(FilterNormalizer.normalize(f))
                .isEqualTo(Filter.or(Filter.attr("tags").isNot("a"), Filter.and(Filter.attr("city").hasAnyValue(), new Not(C))));
        assertThat(FilterNormalizer.normalize(Filter.not(Filter.not(Filter.or(A, B))))).isEqualTo(Filter.or(A, B));
    }
}
