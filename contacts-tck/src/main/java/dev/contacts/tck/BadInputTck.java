package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.FilterLimitException;
import dev.contacts.InvalidCursorException;
import dev.contacts.InvalidFilterException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.UnknownAttributeException;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import dev.contacts.query.Cursor;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Bad input: every malformed filter, value, id or cursor raises its typed exception and
 * changes nothing (the whole store is compared before and after). A store runs it by
 * extending this class.
 */
public abstract class BadInputTck extends FixtureTck {

    /** A refused call, after a setup whose effects are part of the "before" state. */
    private record Case(String name, Class<? extends RuntimeException> expected, Function<TckFixture, Object> setup, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run(TckFixture fixture, Object prepared) throws Throwable;
    }

    private static Case refused(String name, Class<? extends RuntimeException> expected, ThrowingConsumer<TckFixture> action) {
        return new Case(name, expected, f -> null, (f, prepared) -> action.accept(f));
    }

    private static Case refusedAfter(String name, Class<? extends RuntimeException> expected, Function<TckFixture, Object> setup,
                                     Action action) {
        return new Case(name, expected, setup, action);
    }

    private static AttributeChanges set(String attribute, Object value) {
        return AttributeChanges.of(Map.of(attribute, value));
    }

    private static Filter deep(int depth) {
        Filter f = Filter.attr("totalTickets").gt(0);
        for (int i = 0; i < depth; i++) {
            f = i % 2 == 0 ? Filter.and(f, Filter.attr("pagesViewed").gt(i)) : Filter.or(f, Filter.attr("pagesViewed").gt(i));
        }
        return f;
    }

    private static Filter manyConditions(int n) {
        List<Filter> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fs.add(Filter.attr("pagesViewed").ne(i));
        }
        return Filter.and(fs);
    }

    private static List<String> values(String prefix, int n) {
        List<String> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vs.add(prefix + i);
        }
        return vs;
    }

    private static Stream<Case> cases() {
        return Stream.of(
                // filters
                refused("filter on an undefined custom attribute", UnknownAttributeException.class,
                        f -> f.p1.contacts().find(Query.of(Filter.attr("custom.nope").is("x")))),
                refused("count on an undefined attribute", UnknownAttributeException.class,
                        f -> f.p1.contacts().count(Filter.attr("favouriteColour").is("red"))),
                refused("bulk tag over a filter on an undefined attribute", UnknownAttributeException.class,
                        f -> f.p1.contacts().addTags(Filter.attr("custom.nope").hasAnyValue(), List.of("x"))),
                refused("bulk delete over an ill-typed filter", InvalidFilterException.class,
                        f -> f.p1.contacts().deleteAll(Filter.attr("tags").gt(3))),
                refused("operator that does not fit the type", InvalidFilterException.class,
                        f -> f.p1.contacts().find(Query.of(Filter.attr("lastSeen").contains("2026")))),
                refused("organization id that is not an id", InvalidFilterException.class,
                        f -> f.p1.contacts().count(Filter.attr("organization").is("ACME"))),
                refused("a custom attribute of another target", UnknownAttributeException.class,
                        f -> f.p1.contacts().count(Filter.attr("custom.tier").is("gold"))),
                refused("filter 17 deep", FilterLimitException.class, f -> f.p1.contacts().count(deep(17))),
                refused("filter of 65 conditions", FilterLimitException.class, f -> f.p1.contacts().count(manyConditions(65))),
                refused("list of 101 values", FilterLimitException.class,
                        f -> f.p1.contacts().count(Filter.attr("tags").isAnyOf(values("t", 101)))),
                refused("literal of 501 characters", FilterLimitException.class,
                        f -> f.p1.contacts().count(Filter.attr("name").contains("x".repeat(501)))),
                refused("bulk delete over a filter 17 deep", FilterLimitException.class, f -> f.p1.contacts().deleteAll(deep(17))),
                refused("filter text with a syntax error", InvalidFilterException.class,
                        f -> f.p1.contacts().count(FilterParser.parse("tags is \"vip\" and and"))),
                refused("blank text operand", InvalidFilterException.class, f -> f.p1.contacts().count(Filter.attr("city").is("  "))),
                // query shape
                refused("page size 0", InvalidValueException.class, f -> f.p1.contacts().find(Query.all().withPageSize(0))),
                refused("page size 1001", InvalidValueException.class, f -> f.p1.contacts().find(Query.all().withPageSize(1001))),
                refused("sort by a set", InvalidValueException.class, f -> f.p1.contacts().find(Query.all().withSort(Sort.asc("tags")))),
                refused("sort by an undefined attribute", UnknownAttributeException.class,
                        f -> f.p1.contacts().find(Query.all().withSort(Sort.asc("custom.nope")))),
                refused("damaged cursor", InvalidCursorException.class,
                        f -> f.p1.contacts().find(Query.all().withPageSize(1).withCursor(Cursor.of("AAAAAAAAAAAAAAAAAAAAAAAA")))),
                refusedAfter("cursor of another filter", InvalidCursorException.class, BadInputTck::firstCursorOfP1,
                        (f, cursor) -> f.p1.contacts().find(Query.of(Filter.attr("tags").hasAnyValue()).withPageSize(1)
                                .withCursor((Cursor) cursor))),
                refusedAfter("cursor of another sort", InvalidCursorException.class, BadInputTck::firstCursorOfP1,
                        (f, cursor) -> f.p1.contacts().find(Query.all().withSort(Sort.asc("name")).withPageSize(1)
                                .withCursor((Cursor) cursor))),
                refusedAfter("cursor of another property", InvalidCursorException.class, f -> {
                    f.p2.contacts().create(set("name", "second"));
                    return f.p2.contacts().find(Query.all().withPageSize(1)).nextCursor();
                }, (f, cursor) -> f.p1.contacts().find(Query.all().withPageSize(1).withCursor((Cursor) cursor))),
                refusedAfter("cursor with another now", InvalidCursorException.class, BadInputTck::firstCursorOfP1,
                        (f, cursor) -> f.p1.contacts().find(Query.all().withPageSize(1)
                                .withNow(Instant.parse("2030-01-01T00:00:00Z")).withCursor((Cursor) cursor))),
                // values
                refused("control character", InvalidValueException.class, f -> f.p1.contacts().create(set("name", "a\u0007b"))),
                refused("text of 501 characters", InvalidValueException.class, f -> f.p1.contacts().create(set("jobTitle", "x".repeat(501)))),
                refused("101 tags", InvalidValueException.class, f -> f.p1.contacts().create(set("tags", values("t", 101)))),
                refused("19 integer digits", InvalidValueException.class,
                        f -> f.p1.contacts().create(set("custom.score", new BigDecimal("1234567890123456789")))),
                refused("7 fraction digits", InvalidValueException.class,
                        f -> f.p1.contacts().create(set("custom.score", new BigDecimal("0.1234567")))),
                refused("date before 1900", InvalidValueException.class,
                        f -> f.p1.contacts().create(set("custom.renewal", Instant.parse("1899-12-31T23:59:59.999Z")))),
                refused("text for a number", InvalidValueException.class, f -> f.p1.contacts().create(set("custom.score", "12"))),
                refused("text for a boolean", InvalidValueException.class, f -> f.p1.contacts().create(set("custom.vip", "yes"))),
                refused("undefined attribute", UnknownAttributeException.class, f -> f.p1.contacts().create(set("custom.nope", "x"))),
                refused("not an email", InvalidValueException.class, f -> f.p1.contacts().create(set("emails", List.of("ada")))),
                refused("not a country", InvalidValueException.class, f -> f.p1.contacts().create(set("country", "France"))),
                refused("writing updated", InvalidValueException.class,
                        f -> f.p1.contacts().create(set("updated", Instant.parse("2026-01-01T00:00:00Z")))),
                refused("bad value on update", InvalidValueException.class,
                        f -> f.p1.contacts().update(f.ada.id(), f.ada.version(), set("tags", values("t", 101)))),
                refused("bad value on organization", InvalidValueException.class,
                        f -> f.p1.organizations().update(f.acme.id(), f.acme.version(), set("country", "XX1"))),
                refused("organization without a name", InvalidValueException.class,
                        f -> f.p1.organizations().create(set("city", "Paris"))),
                // ids and tenancy
                refused("unknown contact", NotFoundException.class, f -> f.p1.contacts().get(ContactId.generate())),
                refused("contact of another property", NotFoundException.class, f -> f.p1.contacts().get(f.other.id())),
                refused("update a contact of another property", NotFoundException.class,
                        f -> f.p1.contacts().update(f.other.id(), f.other.version(), set("name", "x"))),
                refused("delete a contact of another property", NotFoundException.class, f -> f.p1.contacts().delete(f.other.id())),
                refusedAfter("link an organization of another property", NotFoundException.class,
                        f -> f.p2.organizations().create("Foreign").id(),
                        (f, foreign) -> f.p1.contacts().linkOrganization(f.bob.id(), (OrganizationId) foreign)),
                refused("malformed id", InvalidValueException.class, f -> ContactId.parse("0190b0c4-zzzz")),
                refused("unknown property", NotFoundException.class, f -> f.sdk.property("nope")),
                // conflicts
                refusedAfter("stale version", ConflictException.class,
                        f -> f.p1.contacts().update(f.ada.id(), f.ada.version(), set("name", "Ada King")).version(),
                        (f, current) -> f.p1.contacts().update(f.ada.id(), (Long) current - 1, set("name", "x"))),
                refused("duplicate email by fold on create", ConflictException.class,
                        f -> f.p1.contacts().create(set("emails", List.of("ADA@example.COM")))),
                refused("duplicate email by fold on update", ConflictException.class,
                        f -> f.p1.contacts().update(f.bob.id(), f.bob.version(), set("emails", List.of("bob@example.com", "Ada@Example.com")))),
                refused("duplicate organization name by fold", ConflictException.class, f -> f.p1.organizations().create("acme")),
                refused("duplicate property", ConflictException.class,
                        f -> f.sdk.createProperty(Property.of("p1", "again", ZoneOffset.UTC))),
                refused("duplicate custom attribute", ConflictException.class,
                        f -> f.p1.attributes().define(Target.CONTACT, "plan", "Plan again", AttributeType.TEXT)),
                refused("malformed custom key", InvalidValueException.class,
                        f -> f.p1.attributes().define(Target.CONTACT, "Plan!", "Plan", AttributeType.TEXT)),
                refused("relabel a built-in attribute", UnknownAttributeException.class,
                        f -> f.p1.attributes().relabel(Target.CONTACT, "name", "Full name")),
                refused("blank tags for bulk tagging", InvalidValueException.class,
                        f -> f.p1.contacts().addTags(Filter.all(), List.of(" ")))
        );
    }

    private static Object firstCursorOfP1(TckFixture f) {
        return f.p1.contacts().find(Query.all().withPageSize(1)).nextCursor();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputRaisesItsTypedExceptionAndChangesNothing() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Object prepared = c.setup().apply(fx);
            StoreSnapshot before = StoreSnapshot.of(store);
            assertThatThrownBy(() -> c.action().run(fx, prepared)).as(c.name()).isInstanceOf(c.expected());
            assertThat(StoreSnapshot.of(store)).as("the store after a refused '" + c.name() + "'").isEqualTo(before);
        }));
    }
}
