package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.BrokenSegmentException;
import dev.contacts.ConflictException;
import dev.contacts.FilterLimitException;
import dev.contacts.InvalidCursorException;
import dev.contacts.InvalidFilterException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.SegmentService;
import dev.contacts.UnknownAttributeException;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Cursor;
import dev.contacts.query.ListView;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.SegmentSummary;
import dev.contacts.query.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Saved segments through the public facade: saving (canonical filter text, columns and
 * sort checked against the property's attributes), names unique by fold per property and
 * target, listing with counts, viewing page by page in the segment's sort, exact counts,
 * optimistic edits and renames, deletion, segments of organizations, broken segments
 * after a forced attribute deletion, bad inputs (typed error, store unchanged) and tenancy.
 * A store runs it by extending this class.
 */
public abstract class SegmentTck extends FixtureTck {
    private static final List<String> COLUMNS = List.of("name", "primaryEmail", "custom.plan");

    private SegmentService segments() {
        return fx.p1.segments();
    }

    private Segment vips() {
        return segments().save(Target.CONTACT, "VIPs", Filter.attr("tags").is("vip"), COLUMNS, Sort.asc("name"));
    }

    @Test
    void aSavedSegmentKeepsItsCanonicalFilterColumnsAndSort() {
        Segment s = segments().save(Target.CONTACT, "  Gold  VIPs ", "tags IS \"vip\"   AND (custom.plan is \"gold\" or city IS UNKNOWN)",
                COLUMNS, Sort.desc("custom.score"));

        assertThat(s.name()).isEqualTo("Gold  VIPs");
        assertThat(s.filter()).isEqualTo("tags is \"vip\" and (custom.plan is \"gold\" or city is unknown)");
        assertThat(s.filter()).isEqualTo(FilterPrinter.print(FilterParser.parse(s.filter())));
        assertThat(s.columns()).containsExactlyElementsOf(COLUMNS);
        assertThat(s.sort()).isEqualTo(Sort.desc("custom.score"));
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.created()).isEqualTo(TckFixture.NOW).isEqualTo(s.updated());
        assertThat(segments().get(s.id())).isEqualTo(s);
        assertThat(store.segments().get(fx.p1.property().id(), s.id())).contains(s);
        assertThat(segments().findByName(Target.CONTACT, "gold  vips")).contains(s);
    }

    @Test
    void aSegmentWithoutSortGetsTheTargetsDefault() {
        Segment c = segments().save(Target.CONTACT, "All", Filter.all(), List.of("name"), null);
        Segment o = segments().save(Target.ORGANIZATION, "All", Filter.all(), List.of("name"), null);

        assertThat(c.sort()).isEqualTo(Sort.desc("lastSeen"));
        assertThat(o.sort()).isEqualTo(Sort.asc("name"));
        assertThat(c.filter()).isEqualTo("all");
    }

    @Test
    void viewCountAndQueryRunTheSavedFilter() {
        Segment s = vips();

        Page<Attributed> page = segments().view(s.id(), 50, null);
        assertThat(page.items()).extracting(a -> ((Contact) a).id()).containsExactly(fx.ada.id());
        assertThat(page.hasNext()).isFalse();
        assertThat(segments().count(s.id())).isEqualTo(1);
        Query q = segments().query(s.id());
        assertThat(q.filter()).isEqualTo(Filter.attr("tags").is("vip"));
        assertThat(q.sort()).isEqualTo(Sort.asc("name"));
        assertThat(fx.p1.contacts().find(q).items()).extracting(Contact::id).containsExactly(fx.ada.id());
    }

    @Test
    void viewWalksEveryPageInTheSegmentsSort() {
        for (String name : List.of("Zoe", "carl", "Émile", "dora", "Anna")) {
            fx.p1.contacts().create(AttributeChanges.builder().set("name", name).set("tags", List.of("walk")).build());
        }
        Segment s = segments().save(Target.CONTACT, "Walkers", Filter.attr("tags").is("walk"), List.of("name"), Sort.asc("name"));

        List<String> names = new ArrayList<>();
        Cursor cursor = null;
        int pages = 0;
        do {
            Page<Attributed> page = segments().view(s.id(), 2, cursor);
            page.items().forEach(a -> names.add(((Contact) a).name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(names).containsExactly("Anna", "carl", "dora", "Zoe", "Émile");
        assertThat(pages).isEqualTo(3);
        List<String> unpaged = fx.p1.contacts().find(Query.of(Filter.attr("tags").is("walk")).withSort(Sort.asc("name")))
                .items().stream().map(Contact::name).collect(Collectors.toList());
        assertThat(names).isEqualTo(unpaged);
    }

    /**
     * Segment texts whose meaning rests on the grammar's precedence (docs/filter-semantics.md §6: {@code or}
     * looser than {@code and}, {@code and} looser than {@code not}), saved, read back through a
     * new facade and run, each with its answer written out: a parser, printer or store that
     * swaps the precedence gives another set.
     */
    @Test
    void segmentTextsThatRelyOnPrecedenceRunAsTheGrammarSays() {
        for (String name : List.of("a", "b", "c", "bc", "ac", "ab")) {
            List<String> tags = new ArrayList<>();
            name.chars().forEach(ch -> tags.add("prec-" + (char) ch));
            tags.add("prec");
            fx.p1.contacts().create(AttributeChanges.builder().set("name", name).set("tags", tags).build());
        }
        String a = "tags is \"prec-a\"";
        String b = "tags is \"prec-b\"";
        String c = "tags is \"prec-c\"";
        String all = "tags is \"prec\"";
        record Case(String typed, String canonical, List<String> names) {
        }
        // the canonical text writes "not" of a condition as its complement, and parenthesises the operand of any other "not"
        List<Case> cases = List.of(
                new Case(a + " or " + b + " and " + c, a + " or " + b + " and " + c, List.of("a", "ab", "ac", "bc")),
                new Case("(" + a + " or " + b + ") and " + c, "(" + a + " or " + b + ") and " + c, List.of("ac", "bc")),
                new Case(a + " and " + b + " or " + c, a + " and " + b + " or " + c, List.of("ab", "ac", "bc", "c")),
                new Case(a + " and (" + b + " or " + c + ")", a + " and (" + b + " or " + c + ")", List.of("ab", "ac")),
                new Case(all + " and not " + a + " and " + c, all + " and tags is not \"prec-a\" and " + c, List.of("bc", "c")),
                new Case(all + " and not (" + a + " and " + c + ")", all + " and not (" + a + " and " + c + ")",
                        List.of("a", "ab", "b", "bc", "c")),
                new Case(all + " and not (" + a + " or " + b + ") or " + a + " and " + b,
                        all + " and not (" + a + " or " + b + ") or " + a + " and " + b, List.of("ab", "c")));
        List<SegmentId> saved = new ArrayList<>();
        for (Case k : cases) {
            Segment s = segments().save(Target.CONTACT, "Precedence " + saved.size(), k.typed(), List.of("name"), Sort.asc("name"));
            assertThat(s.filter()).as("canonical text of " + k.typed()).isEqualTo(k.canonical());
            saved.add(s.id());
        }

        SegmentService reloaded = dev.contacts.Contacts.builder().store(store)
                .clock(java.time.Clock.fixed(TckFixture.NOW, java.time.ZoneOffset.UTC)).build().property("p1").segments();
        for (int i = 0; i < cases.size(); i++) {
            Case k = cases.get(i);
            Segment s = reloaded.get(saved.get(i));
            assertThat(s.filter()).isEqualTo(k.canonical());
            List<String> names = new ArrayList<>();
            reloaded.view(s.id(), 50, null).items().forEach(x -> names.add(((Contact) x).name()));
            assertThat(names).as("contacts of the segment " + k.canonical()).containsExactlyElementsOf(k.names());
            assertThat(reloaded.count(s.id())).as("count of the segment " + k.canonical()).isEqualTo(k.names().size());
        }
    }

    @Test
    void typedViewsListTheirTargetAndRefuseTheOther() {
        for (String name : List.of("Zoe", "carl", "Anna")) {
            fx.p1.contacts().create(AttributeChanges.builder().set("name", name).set("tags", List.of("typed")).build());
        }
        Segment people = segments().save(Target.CONTACT, "Typed", Filter.attr("tags").is("typed"), List.of("name"), Sort.asc("name"));
        Segment orgs = segments().save(Target.ORGANIZATION, "All orgs", Filter.all(), List.of("name"), Sort.asc("name"));

        List<String> names = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<Contact> page = segments().viewContacts(people.id(), 2, cursor);
            page.items().forEach(c -> names.add(c.name()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(names).containsExactly("Anna", "carl", "Zoe");
        Page<Organization> organizations = segments().viewOrganizations(orgs.id(), 10, null);
        assertThat(organizations.items()).extracting(Organization::id)
                .isEqualTo(segments().view(orgs.id(), 10, null).items().stream().map(Attributed::entityId).collect(Collectors.toList()));

        assertThatThrownBy(() -> segments().viewOrganizations(people.id(), 10, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo("segment"))
                .hasMessageContaining("'Typed'").hasMessageContaining("viewContacts");
        assertThatThrownBy(() -> segments().viewContacts(orgs.id(), 10, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("viewOrganizations");
    }

    @Test
    void aCursorOfTheSegmentBeforeAnEditIsRefused() {
        fx.p1.contacts().create(AttributeChanges.builder().set("name", "Carl").set("tags", List.of("vip")).build());
        Segment s = vips();
        Cursor next = segments().view(s.id(), 1, null).nextCursor();
        segments().edit(s.id(), s.version(), "tags is \"vip\" or tags is \"lead\"", COLUMNS, Sort.asc("name"));

        assertThatThrownBy(() -> segments().view(s.id(), 1, next)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void organizationSegmentsListOrganizations() {
        fx.p1.organizations().update(fx.acme.id(), fx.acme.version(), AttributeChanges.builder().set("custom.tier", "gold").build());
        fx.p1.organizations().create("Globex");
        Segment s = segments().save(Target.ORGANIZATION, "Gold tier", "custom.tier is \"gold\"", List.of("domains", "custom.tier"),
                Sort.asc("name"));

        assertThat(segments().view(s.id(), 10, null).items()).extracting(a -> ((Organization) a).name()).containsExactly("ACME");
        assertThat(segments().count(s.id())).isEqualTo(1);
        assertThat(segments().list(Target.ORGANIZATION)).extracting(SegmentSummary::segment).containsExactly(s);
        assertThat(segments().list(Target.CONTACT)).isEmpty();
    }

    @Test
    void listShowsEverySegmentOfTheTargetByNameWithItsCount() {
        Segment b = segments().save(Target.CONTACT, "beta", Filter.all(), List.of("name"), null);
        Segment a = segments().save(Target.CONTACT, "Alpha", Filter.attr("tags").is("vip"), List.of("name"), null);
        Segment c = segments().save(Target.CONTACT, "Ça", Filter.attr("tags").is("nobody"), List.of("name"), null);
        segments().save(Target.ORGANIZATION, "orgs", Filter.all(), List.of("name"), null);

        List<SegmentSummary> list = segments().list(Target.CONTACT);

        assertThat(list).extracting(SegmentSummary::segment).containsExactly(a, b, c);
        assertThat(list).extracting(SegmentSummary::count).containsExactly(OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(0));
        assertThat(list).allSatisfy(s -> {
            assertThat(s.countedAt()).isEqualTo(TckFixture.NOW);
            assertThat(s.isBroken()).isFalse();
        });
    }

    @Test
    void namesAreUniqueByFoldPerPropertyAndTarget() {
        Segment s = vips();

        assertThatThrownBy(() -> segments().save(Target.CONTACT, " vips ", Filter.all(), List.of("name"), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'VIPs'").hasMessageContaining(s.id().toString());
        Segment orgs = segments().save(Target.ORGANIZATION, "VIPs", Filter.all(), List.of("name"), null);
        Segment other = fx.p2.segments().save(Target.CONTACT, "VIPs", Filter.all(), List.of("name"), null);

        assertThat(orgs.id()).isNotEqualTo(s.id());
        assertThat(other.id()).isNotEqualTo(s.id());
    }

    @Test
    void theStoreRefusesADuplicateNameEvenWithoutTheServicesCheck() {
        Segment s = vips();
        Segment twin = new Segment(SegmentId.generate(), Target.CONTACT, "vIPs", "all", List.of("name"), Sort.asc("name"), 1,
                TckFixture.NOW, TckFixture.NOW);

        assertThatThrownBy(() -> store.segments().insert(fx.p1.property().id(), twin)).isInstanceOf(ConflictException.class);
        assertThat(store.segments().list(fx.p1.property().id(), Target.CONTACT)).containsExactly(s);
    }

    @Test
    void renameIsOptimisticAndKeepsNamesUnique() {
        Segment s = vips();
        Segment other = segments().save(Target.CONTACT, "Leads", Filter.attr("tags").is("lead"), List.of("name"), null);

        Segment renamed = segments().rename(s.id(), 1, "Very important");
        assertThat(renamed.name()).isEqualTo("Very important");
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.filter()).isEqualTo(s.filter());
        assertThat(segments().findByName(Target.CONTACT, "VIPs")).isEmpty();
        assertThat(segments().rename(s.id(), 2, "VERY IMPORTANT").name()).isEqualTo("VERY IMPORTANT");

        assertThatThrownBy(() -> segments().rename(s.id(), 2, "x")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> segments().rename(s.id(), 3, "leads")).isInstanceOf(ConflictException.class)
                .hasMessageContaining(other.id().toString());
        assertThat(segments().get(s.id()).name()).isEqualTo("VERY IMPORTANT");
        // the name freed by the rename can be taken again
        assertThat(segments().save(Target.CONTACT, "VIPs", Filter.all(), List.of("name"), null).name()).isEqualTo("VIPs");
    }

    @Test
    void editReplacesFilterColumnsAndSortOptimistically() {
        Segment s = vips();

        Segment edited = segments().edit(s.id(), 1, Filter.attr("tags").isUnknown(), List.of("name", "tags"), null);

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.filter()).isEqualTo("tags is unknown");
        assertThat(edited.columns()).containsExactly("name", "tags");
        assertThat(edited.sort()).isEqualTo(Sort.CONTACT_DEFAULT);
        assertThat(edited.created()).isEqualTo(s.created());
        assertThat(edited.name()).isEqualTo(s.name());
        assertThat(segments().count(s.id())).isEqualTo(1);
        assertThat(segments().view(s.id(), 10, null).items()).extracting(a -> ((Contact) a).id()).containsExactly(fx.bob.id());
        assertThatThrownBy(() -> segments().edit(s.id(), 1, Filter.all(), COLUMNS, null)).isInstanceOf(ConflictException.class);
        assertThat(segments().get(s.id())).isEqualTo(edited);
    }

    @Test
    void theStoreRefusesAStaleUpdate() {
        Segment s = vips();
        segments().rename(s.id(), 1, "renamed");
        Segment stale = new Segment(s.id(), s.target(), "other", s.filter(), s.columns(), s.sort(), 2, s.created(), s.updated());

        assertThatThrownBy(() -> store.segments().update(fx.p1.property().id(), stale, 1)).isInstanceOf(ConflictException.class);
        assertThat(segments().get(s.id()).name()).isEqualTo("renamed");
    }

    @Test
    void deleteRemovesTheSegment() {
        Segment s = vips();

        segments().delete(s.id());

        assertThatThrownBy(() -> segments().get(s.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> segments().view(s.id(), 10, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> segments().delete(s.id())).isInstanceOf(NotFoundException.class);
        assertThat(segments().list(Target.CONTACT)).isEmpty();
        assertThat(segments().findByName(Target.CONTACT, "VIPs")).isEmpty();
    }

    @Test
    void deletingThePropertyDeletesItsSegments() {
        Segment s = vips();

        fx.sdk.deleteProperty(fx.p1.property().id());

        assertThat(store.segments().get(fx.p1.property().id(), s.id())).isEmpty();
        assertThat(store.segments().list(fx.p1.property().id(), Target.CONTACT)).isEmpty();
    }

    @Test
    void aForcedDeletionOfAnAttributeItsFilterUsesBreaksTheSegment() {
        Segment s = segments().save(Target.CONTACT, "Gold", "custom.plan is \"gold\" and tags is \"vip\"", List.of("name"),
                Sort.asc("name"));
        Segment fine = vips();

        fx.p1.attributes().forceDelete(Target.CONTACT, "custom.plan");

        for (Function<SegmentId, Object> run : List.<Function<SegmentId, Object>>of(id -> segments().view(id, 10, null),
                id -> segments().count(id), id -> segments().query(id))) {
            assertThatThrownBy(() -> run.apply(s.id())).isInstanceOfSatisfying(BrokenSegmentException.class, e -> {
                assertThat(e.segment()).isEqualTo(s.id());
                assertThat(e.segmentName()).isEqualTo("Gold");
                assertThat(e.attribute()).isEqualTo("custom.plan");
                assertThat(e.getMessage()).contains("Gold").contains("custom.plan");
            });
        }
        Map<String, SegmentSummary> listed = segments().list(Target.CONTACT).stream()
                .collect(Collectors.toMap(x -> x.segment().name(), x -> x));
        assertThat(listed.get("Gold").isBroken()).isTrue();
        assertThat(listed.get("Gold").count()).isEmpty();
        assertThat(listed.get("Gold").isBroken()).isTrue();
        assertThat(listed.get("Gold").problem()).contains("custom.plan");
        assertThat(listed.get("VIPs").count()).hasValue(1L);
        assertThat(segments().get(s.id()).filter()).isEqualTo(s.filter()); // still readable, to be repaired
        assertThat(segments().count(fine.id())).isEqualTo(1);

        Segment repaired = segments().edit(s.id(), s.version(), "tags is \"vip\"", List.of("name"), Sort.asc("name"));
        assertThat(segments().count(repaired.id())).isEqualTo(1);
    }

    @Test
    void anAttributeDefinedAgainWithAnotherTypeLeavesTheSegmentBroken() {
        Segment s = segments().save(Target.CONTACT, "Gold", "custom.plan is \"gold\"", List.of("name"), null);
        fx.p1.attributes().forceDelete(Target.CONTACT, "custom.plan");
        fx.p1.attributes().define(Target.CONTACT, "plan", "Plan", AttributeType.NUMBER);

        assertThatThrownBy(() -> segments().count(s.id())).isInstanceOf(BrokenSegmentException.class)
                .hasCauseInstanceOf(InvalidFilterException.class).hasMessageContaining("Gold");
    }

    @Test
    void anotherPropertysSegmentsAreNotFound() {
        Segment s = vips();
        SegmentService p2 = fx.p2.segments();

        assertThatThrownBy(() -> p2.get(s.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.view(s.id(), 10, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.count(s.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.query(s.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.edit(s.id(), 1, Filter.all(), COLUMNS, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.rename(s.id(), 1, "mine")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.delete(s.id())).isInstanceOf(NotFoundException.class);
        assertThat(p2.list(Target.CONTACT)).isEmpty();
        assertThat(p2.findByName(Target.CONTACT, "VIPs")).isEmpty();
        assertThat(store.segments().get(fx.p2.property().id(), s.id())).isEmpty();
        assertThat(store.segments().delete(fx.p2.property().id(), s.id())).isFalse();
        assertThat(segments().get(s.id())).isEqualTo(s);
        // p2's segment with the same filter counts only p2's contacts
        Segment theirs = p2.save(Target.CONTACT, "VIPs", Filter.attr("tags").is("vip"), COLUMNS, null);
        assertThat(p2.view(theirs.id(), 10, null).items()).extracting(a -> ((Contact) a).id()).containsExactly(fx.other.id());
    }

    @Test
    void aStoreOfAPropertyThatDoesNotExistReadsEmptyAndRefusesWrites() {
        dev.contacts.model.PropertyId nope = dev.contacts.model.PropertyId.of("nope");
        Segment s = new Segment(SegmentId.generate(), Target.CONTACT, "x", "all", List.of("name"), Sort.asc("name"), 1,
                TckFixture.NOW, TckFixture.NOW);

        assertThatThrownBy(() -> store.segments().insert(nope, s)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.segments().update(nope, s, 1)).isInstanceOf(NotFoundException.class);
        assertThat(store.segments().get(nope, s.id())).isEmpty();
        assertThat(store.segments().list(nope, Target.CONTACT)).isEmpty();
        assertThat(store.segments().findByName(nope, Target.CONTACT, "x")).isEmpty();
        assertThat(store.segments().delete(nope, s.id())).isFalse();
    }

    private static List<String> columns(int n) {
        List<String> all = new ArrayList<>();
        dev.contacts.model.BuiltInAttributes.of(Target.CONTACT).forEach(d -> all.add(d.name()));
        all.addAll(List.of("custom.plan", "custom.interests", "custom.score", "custom.renewal", "custom.vip"));
        return all.subList(0, n);
    }

    private record Bad(String name, Class<? extends RuntimeException> expected, Function<TckFixture, Object> action) {
    }

    private static Bad bad(String name, Class<? extends RuntimeException> expected, Function<TckFixture, Object> action) {
        return new Bad(name, expected, action);
    }

    private static Stream<Bad> badInputs() {
        return Stream.of(
                bad("filter on an undefined attribute", UnknownAttributeException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", "custom.nope is \"a\"", COLUMNS, null)),
                bad("filter on a custom attribute of the other target", UnknownAttributeException.class,
                        f -> f.p1.segments().save(Target.ORGANIZATION, "x", "custom.plan is \"a\"", List.of("name"), null)),
                bad("ill-typed filter", InvalidFilterException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.attr("tags").gt(3), COLUMNS, null)),
                bad("filter text with a syntax error", InvalidFilterException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", "tags is \"vip\" and and", COLUMNS, null)),
                bad("filter over the limits", FilterLimitException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.and(IntStream.range(0, 65)
                                .mapToObj(i -> Filter.attr("pagesViewed").ne(i)).collect(Collectors.toList())), COLUMNS, null)),
                bad("unknown column", UnknownAttributeException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), List.of("name", "favouriteColour"), null)),
                bad("undefined custom column", UnknownAttributeException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), List.of("custom.nope"), null)),
                bad("column of the other target", UnknownAttributeException.class,
                        f -> f.p1.segments().save(Target.ORGANIZATION, "x", Filter.all(), List.of("primaryEmail"), null)),
                bad("organization.name as a column", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), List.of("organization.name"), null)),
                bad("duplicate column", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), List.of("name", "tags", "name"), null)),
                bad("no column", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), List.of(), null)),
                bad("51 columns", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), fiftyOne(), null)),
                bad("blank name", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, " \t", Filter.all(), COLUMNS, null)),
                bad("name with a control character", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "a\u0007b", Filter.all(), COLUMNS, null)),
                bad("sort by a set", InvalidValueException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), COLUMNS, Sort.asc("tags"))),
                bad("sort by an undefined attribute", UnknownAttributeException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "x", Filter.all(), COLUMNS, Sort.asc("custom.nope"))),
                bad("duplicate name by fold", ConflictException.class,
                        f -> f.p1.segments().save(Target.CONTACT, "EXISTING", Filter.all(), COLUMNS, null)),
                bad("unknown segment", NotFoundException.class, f -> f.p1.segments().get(SegmentId.generate())),
                bad("view an unknown segment", NotFoundException.class, f -> f.p1.segments().view(SegmentId.generate(), 10, null)),
                bad("view with page size 0", InvalidValueException.class, f -> f.p1.segments().view(existing(f), 0, null)),
                bad("view with a damaged cursor", InvalidCursorException.class,
                        f -> f.p1.segments().view(existing(f), 1, Cursor.of("AAAAAAAAAAAAAAAAAAAAAAAA"))),
                bad("edit with a stale version", ConflictException.class,
                        f -> f.p1.segments().edit(existing(f), 7, Filter.all(), COLUMNS, null)),
                bad("edit to an unknown column", UnknownAttributeException.class,
                        f -> f.p1.segments().edit(existing(f), 1, Filter.all(), List.of("nope"), null)),
                bad("edit to a bad filter", InvalidFilterException.class,
                        f -> f.p1.segments().edit(existing(f), 1, "lastSeen contains \"x\"", COLUMNS, null)),
                bad("rename to a blank name", InvalidValueException.class, f -> f.p1.segments().rename(existing(f), 1, "  ")),
                bad("rename with a stale version", ConflictException.class, f -> f.p1.segments().rename(existing(f), 2, "new")),
                bad("delete an unknown segment", NotFoundException.class, f -> {
                    f.p1.segments().delete(SegmentId.generate());
                    return null;
                }),
                bad("malformed segment id", InvalidValueException.class, f -> SegmentId.parse("not-an-id")));
    }

    private static List<String> fiftyOne() {
        List<String> many = new ArrayList<>(columns(39));
        for (int i = 0; i < 12; i++) {
            many.add("c" + i);
        }
        return many;
    }

    private static SegmentId existing(TckFixture f) {
        return f.p1.segments().findByName(Target.CONTACT, "existing").orElseThrow().id();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputRaisesItsTypedExceptionAndChangesNothing() {
        // the fixture is made once for all the cases (JUnit runs @BeforeEach once per factory): each case changes nothing
        fx.p1.segments().save(Target.CONTACT, "Existing", Filter.attr("tags").is("vip"), COLUMNS, null);
        fx.p1.listViews().save(ListView.ofProperty(Target.CONTACT, List.of("name"), Sort.asc("name")));
        return badInputs().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            StoreSnapshot before = StoreSnapshot.of(store);
            assertThat(before.segments()).hasSize(1);
            assertThatThrownBy(() -> c.action().apply(fx)).as(c.name()).isInstanceOf(c.expected());
            assertThat(StoreSnapshot.of(store)).as("the store after a refused '" + c.name() + "'").isEqualTo(before);
        }));
    }
}
