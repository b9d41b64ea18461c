package dev.contacts.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contacts.InvalidFilterException;
import dev.contacts.InvalidValueException;
import dev.contacts.UnknownAttributeException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error messages speak of texts, numbers and dates, not of Java classes, and never suggest a command built from bad input. */
class FilterMessagesTest {
    private static final AttributeCatalog CONTACTS = AttributeCatalog.of(Target.CONTACT, List.of(
            AttributeDefinition.custom(Target.CONTACT, "vip", "VIP", AttributeType.BOOLEAN)));

    private static String mismatch(Filter f) {
        InvalidFilterException e = catchThrowableOfType(InvalidFilterException.class, () -> FilterValidator.validate(f, CONTACTS));
        assertThat(e).as(FilterPrinter.print(f)).isNotNull();
        assertThat(e.getMessage()).doesNotContain("BigDecimal", "String", "Boolean", "Instant", "LocalDate", "RelativePeriod",
                "TEXT_SET", "TEXT", "NUMBER", "BOOLEAN", "DATE");
        return e.getMessage();
    }

    @Test
    void typeMismatchesAreSaidInUserWords() {
        assertThat(mismatch(Filter.attr("name").eq(5))).contains("name holds a text").contains("the operand is a number");
        assertThat(mismatch(Filter.attr("custom.vip").is("yes"))).contains("custom.vip holds true or false")
                .contains("the operand is a text");
        assertThat(mismatch(Filter.attr("totalTickets").is("3"))).contains("holds a number").contains("a text");
        assertThat(mismatch(Filter.attr("lastSeen").isAnyOf("a", "b"))).contains("holds a date").contains("a list of texts");
        assertThat(mismatch(Filter.attr("tags").isTrue())).contains("holds a list of texts").contains("true or false");
        assertThat(mismatch(Filter.attr("name").on(LocalDate.of(2026, 1, 1)))).contains("the operand is a date");
        assertThat(mismatch(Filter.attr("name").lt(Instant.parse("2026-01-01T00:00:00Z")))).contains("a date and time");
        assertThat(mismatch(Filter.attr("name").withinLast(3, PeriodUnit.DAYS))).contains("a period");
    }

    @Test
    void operandsOfTheWrongKindForAnOperatorAreSaidInUserWords() {
        InvalidFilterException e = catchThrowableOfType(InvalidFilterException.class,
                () -> Condition.of("tags", Operator.CONTAINS, new BigDecimal("5")));
        assertThat(e.getMessage()).contains("a number").doesNotContain("BigDecimal");
    }

    @Test
    void writtenValuesOfTheWrongKindAreSaidInUserWords() {
        assertThatThrownBy(() -> Values.of("name", AttributeType.TEXT, 5)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("expected a text, got a number").hasMessageNotContaining("Integer");
        assertThatThrownBy(() -> Values.of("custom.vip", AttributeType.BOOLEAN, "yes")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("expected true or false, got a text").hasMessageNotContaining("String");
    }

    @Test
    void aBareCustomKeyInAFilterIsToldItsName() {
        UnknownAttributeException e = catchThrowableOfType(UnknownAttributeException.class,
                () -> FilterValidator.validate(Filter.attr("vip").isTrue(), CONTACTS));
        assertThat(e.getMessage()).contains("custom.vip");
    }

    @Test
    void hugeNumberOperandsAreRefusedQuicklyAndBriefly() {
        InvalidFilterException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> catchThrowableOfType(InvalidFilterException.class,
                        () -> Filter.attr("totalTickets").gt(new BigDecimal("1e999999999"))));
        assertThat(e.getMessage()).contains("18 integer digits").hasSizeLessThan(200);
    }

    @Test
    void negativeAndFractionalOperandsOnCountersAreValidComparisons() {
        // docs/filter-semantics.md §3 defines every NUMBER comparison for any operand, and each negative as
        // the exact complement: "totalTickets > 2.5" is ">= 3", "totalTickets > -1" is "has any value".
        FilterValidator.validate(Filter.attr("totalTickets").gt(2.5), CONTACTS);
        FilterValidator.validate(Filter.attr("totalTickets").gt(-1), CONTACTS);
        FilterValidator.validate(Filter.attr("pagesViewed").between(-5, 0.5), CONTACTS);
    }

    @Test
    void anInvalidCustomKeyIsCalledInvalidNotDefinable() {
        UnknownAttributeException e = catchThrowableOfType(UnknownAttributeException.class,
                () -> FilterValidator.validate(Filter.attr("custom.plan").is("gold"), CONTACTS));
        assertThat(e.getMessage()).contains("define it first");
        UnknownAttributeException bad = catchThrowableOfType(UnknownAttributeException.class,
                () -> CONTACTS.require("custom.x;rm -rf ~"));
        assertThat(bad.getMessage()).contains("not a valid custom attribute name").contains("[a-z][a-z0-9_]{0,39}")
                .doesNotContain("define it");
        assertThat(AttributeDefinition.isCustomKey("renewal_date")).isTrue();
        assertThat(AttributeDefinition.isCustomKey("x;rm -rf ~")).isFalse();
        assertThat(AttributeDefinition.isCustomKey(null)).isFalse();
    }
}
