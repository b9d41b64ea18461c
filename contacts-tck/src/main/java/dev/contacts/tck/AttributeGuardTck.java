package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.AttributeDeletion;
import dev.contacts.AttributeInUseException;
import dev.contacts.ConflictException;
import dev.contacts.UnknownAttributeException;
import dev.contacts.model.AttributeType;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deleting a custom attribute that saved segments and list views use: refused while a
 * segment of the same property and target uses it (filter, columns or sort), with the
 * segments listed and nothing changed; forced, it reports the segments whose filter is now
 * broken and those whose columns or sort were adjusted; list views lose the column. Also
 * that readers leave out columns and sorts whose attribute is gone. A store runs it by
 * extending this class.
 */
public abstract class AttributeGuardTck extends FixtureTck {

    private Segment save(String name, String filter, List<String> columns, Sort sort) {
        return fx.p1.segments().save(Target.CONTACT, name, filter, columns, sort);
    }

    @Test
    void deletionIsRefusedWhileASegmentUsesTheAttributeAndNothingChanges() {
        Segment byFilter = save("Gold", "custom.plan is \"gold\"", List.of("name"), null);
        Segment byColumn = save("Plans", "all", List.of("name", "custom.plan"), null);
        Segment bySort = save("By plan", "tags is \"vip\"", List.of("name"), Sort.asc("custom.plan"));
        save("Unrelated", "custom.score > 3", List.of("custom.score"), null);
        StoreSnapshot before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> fx.p1.attributes().delete(Target.CONTACT, "custom.plan"))
                .isInstanceOf(ConflictException.class)
                .isInstanceOfSatisfying(AttributeInUseException.class, e -> {
                    assertThat(e.attribute()).isEqualTo("custom.plan");
                    assertThat(e.segments()).extracting(Segment::id)
                            .containsExactlyInAnyOrder(byFilter.id(), byColumn.id(), bySort.id());
                    assertThat(e.getMessage()).contains("'Gold'", "'Plans'", "'By plan'", "filter", "columns", "sort", "forceDelete")
                            .doesNotContain("Unrelated");
                });

        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        assertThat(fx.p1.contacts().get(fx.ada.id()).value("custom.plan")).isEqualTo("gold");
    }

    @Test
    void segmentsOfTheOtherTargetOrAnotherPropertyDoNotHoldTheAttribute() {
        fx.p1.attributes().define(Target.ORGANIZATION, "plan", "Plan", AttributeType.TEXT);
        Segment organizations = fx.p1.segments().save(Target.ORGANIZATION, "Org plans", "custom.plan is \"gold\"",
                List.of("custom.plan"), Sort.asc("custom.plan"));
        Segment p2 = fx.p2.segments().save(Target.CONTACT, "Gold", "custom.plan is \"gold\"", List.of("custom.plan"), null);

        AttributeDeletion deletion = fx.p1.attributes().delete(Target.CONTACT, "custom.plan");

        assertThat(deletion.attribute().name()).isEqualTo("custom.plan");
        assertThat(deletion.brokenSegments()).isEmpty();
        assertThat(deletion.adjustedSegments()).isEmpty();
        assertThat(fx.p1.attributes().catalog(Target.CONTACT).find("custom.plan")).isNull();
        assertThat(fx.p1.contacts().get(fx.ada.id()).value("custom.plan")).isNull();
        assertThat(fx.p1.segments().get(organizations.id())).isEqualTo(organizations);
        assertThat(fx.p1.segments().count(organizations.id())).isZero();
        assertThat(fx.p2.segments().count(p2.id())).isZero();
        assertThat(fx.p2.segments().get(p2.id())).isEqualTo(p2);
    }

    @Test
    void aForcedDeletionReportsBrokenSegmentsAndAdjustsColumnsAndSorts() {
        Segment broken = save("Gold", "custom.plan is \"gold\"", List.of("name", "custom.plan"), null);
        Segment sorted = save("Plans", "all", List.of("name", "custom.plan"), Sort.asc("custom.plan"));
        Segment onlyColumn = save("Only plan", "tags is \"vip\"", List.of("custom.plan"), Sort.asc("name"));
        Segment unrelated = save("Scores", "custom.score > 3", List.of("custom.score"), Sort.asc("custom.score"));

        AttributeDeletion deletion = fx.p1.attributes().forceDelete(Target.CONTACT, "custom.plan");

        Segment brokenNow = fx.p1.segments().get(broken.id());
        assertThat(brokenNow.columns()).containsExactly("name");
        assertThat(brokenNow.filter()).isEqualTo(broken.filter());
        assertThat(brokenNow.version()).isEqualTo(2);
        assertThat(deletion.brokenSegments()).containsExactly(brokenNow);
        Segment sortedNow = fx.p1.segments().get(sorted.id());
        assertThat(sortedNow.columns()).containsExactly("name");
        assertThat(sortedNow.sort()).isEqualTo(Sort.CONTACT_DEFAULT);
        Segment onlyNow = fx.p1.segments().get(onlyColumn.id());
        assertThat(onlyNow.columns()).isEqualTo(ListView.defaultFor(Target.CONTACT).columns());
        assertThat(onlyNow.sort()).isEqualTo(Sort.asc("name"));
        assertThat(deletion.adjustedSegments()).containsExactlyInAnyOrder(brokenNow, sortedNow, onlyNow);
        assertThat(store.segments().get(PropertyId.of("p1"), sorted.id())).contains(sortedNow); // stored, not only shown
        assertThat(fx.p1.segments().get(unrelated.id())).isEqualTo(unrelated);
        assertThat(fx.p1.segments().count(sorted.id())).isEqualTo(2);
        assertThat(fx.p1.segments().count(onlyColumn.id())).isEqualTo(1);
        assertThat(fx.p1.contacts().get(fx.ada.id()).value("custom.plan")).isNull();
        assertThat(fx.p1.attributes().catalog(Target.CONTACT).find("custom.plan")).isNull();
    }

    @Test
    void listViewsLoseTheDeletedColumnAndSort() {
        fx.p1.listViews().save(ListView.ofProperty(Target.CONTACT, List.of("name", "custom.plan"), Sort.desc("custom.plan")));
        fx.p1.listViews().save(ListView.ofAgent(Target.CONTACT, "alice", List.of("custom.plan"), Sort.asc("name")));
        ListView untouched = fx.p1.listViews().save(ListView.ofAgent(Target.CONTACT, "carol", List.of("tags"), Sort.asc("name")));

        AttributeDeletion deletion = fx.p1.attributes().delete(Target.CONTACT, "custom.plan");

        assertThat(deletion.adjustedListViews()).isEqualTo(2);
        ListView property = fx.p1.listViews().get(Target.CONTACT);
        assertThat(property.columns()).containsExactly("name");
        assertThat(property.sort()).isEqualTo(Sort.CONTACT_DEFAULT);
        assertThat(fx.p1.listViews().get(Target.CONTACT, "alice")).isEqualTo(property); // left without columns: reset
        assertThat(store.listViews().get(PropertyId.of("p1"), Target.CONTACT, "alice")).isEmpty();
        assertThat(fx.p1.listViews().get(Target.CONTACT, "carol")).isEqualTo(untouched);
    }

    @Test
    void readersLeaveOutColumnsAndSortsWhoseAttributeIsGone() {
        // as after a crash between the deletion and the adjustments, or a write by an older version
        PropertyId p1 = PropertyId.of("p1");
        store.listViews().put(p1, ListView.ofProperty(Target.CONTACT, List.of("custom.gone", "name"), Sort.asc("custom.gone")));
        store.listViews().put(p1, ListView.ofAgent(Target.CONTACT, "alice", List.of("custom.gone"), Sort.asc("name")));
        Segment stored = new Segment(SegmentId.generate(), Target.CONTACT, "Old", "tags is \"vip\"", List.of("custom.gone"),
                Sort.desc("custom.gone"), 1, TckFixture.NOW, TckFixture.NOW);
        store.segments().insert(p1, stored);

        ListView shown = fx.p1.listViews().get(Target.CONTACT, "alice");
        assertThat(shown.agent()).isNull();
        assertThat(shown.columns()).containsExactly("name");
        assertThat(shown.sort()).isEqualTo(Sort.CONTACT_DEFAULT);
        Segment segment = fx.p1.segments().get(stored.id());
        assertThat(segment.columns()).isEqualTo(ListView.defaultFor(Target.CONTACT).columns());
        assertThat(segment.sort()).isEqualTo(Sort.CONTACT_DEFAULT);
        assertThat(fx.p1.segments().view(stored.id(), 10, null).items()).hasSize(1);
    }

    @Test
    void builtInAttributesCannotBeDeleted() {
        StoreSnapshot before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> fx.p1.attributes().delete(Target.CONTACT, "name")).isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> fx.p1.attributes().forceDelete(Target.CONTACT, "tags")).isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> fx.p1.attributes().forceDelete(Target.CONTACT, "custom.nope"))
                .isInstanceOf(UnknownAttributeException.class);
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void aSegmentSavedAfterTheDeletionCannotUseTheAttribute() {
        fx.p1.attributes().delete(Target.CONTACT, "custom.plan");

        assertThatThrownBy(() -> save("Gold", "custom.plan is \"gold\"", List.of("name"), null))
                .isInstanceOf(UnknownAttributeException.class);
        assertThat(fx.p1.segments().list(Target.CONTACT)).isEmpty();
    }
}
