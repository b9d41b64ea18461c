package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.NotFoundException;
import dev.contacts.UnknownAttributeException;
import dev.contacts.Upsert;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.Target;
import dev.contacts.query.Query;
import dev.contacts.spi.BulkResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The life of contacts, organizations and custom attributes through the public facade:
 * what is stored is what was written (in normal form), partial updates keep the rest,
 * versions and {@code updated} advance, deletes cascade, bulk operations cover the whole
 * result and respect limits, and nothing crosses properties. A store runs it by extending
 * this class.
 */
public abstract class LifecycleTck extends FixtureTck {

    private static AttributeChanges set(String attribute, Object value) {
        return AttributeChanges.of(java.util.Collections.singletonMap(attribute, value));
    }

    @Test
    void whatIsReadIsWhatWasWrittenInNormalForm() {
        Contact c = fx.p1.contacts().create(AttributeChanges.builder().set("name", "  Zoë  ").set("country", "fr")
                .set("tags", List.of("VIP", "vip", " ", "Lead")).set("emails", List.of("z@example.com", "Z@EXAMPLE.COM", "z2@example.com"))
                .set("custom.score", new BigDecimal("1.500")).set("custom.vip", true).build());
        Contact read = fx.p1.contacts().get(c.id());
        assertThat(read).isEqualTo(c);
        assertThat(read.name()).isEqualTo("Zoë");
        assertThat(read.country()).isEqualTo("FR");
        assertThat(read.tags()).containsExactly("VIP", "Lead");
        assertThat(read.emails()).containsExactly("z@example.com", "z2@example.com");
        assertThat(read.custom()).containsEntry("score", new BigDecimal("1.5")).containsEntry("vip", true);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.created()).isEqualTo(TckFixture.NOW);
        assertThat(read.updated()).isEqualTo(TckFixture.NOW);
    }

    @Test
    void partialUpdatesKeepWhatTheyDoNotNameAndAdvanceTheVersion() {
        Contact updated = fx.p1.contacts().update(fx.ada.id(), fx.ada.version(),
                AttributeChanges.builder().set("jobTitle", "Countess").clear("custom.plan").build());
        assertThat(updated.version()).isEqualTo(fx.ada.version() + 1);
        Contact read = fx.p1.contacts().get(fx.ada.id());
        assertThat(read).isEqualTo(updated);
        assertThat(read.jobTitle()).isEqualTo("Countess");
        assertThat(read.value("custom.plan")).isNull();
        assertThat(read.tags()).isEqualTo(fx.ada.tags());
        assertThat(read.custom()).containsEntry("score", new BigDecimal("42"));
    }

    @Test
    void settingThePrimaryEmailMovesItFirst() {
        fx.p1.contacts().update(fx.ada.id(), set("emails", List.of("ada@example.com", "countess@example.com")));
        Contact c = fx.p1.contacts().update(fx.ada.id(), set("primaryEmail", "Countess@example.com"));
        assertThat(c.primaryEmail()).isEqualTo("Countess@example.com");
        assertThat(c.emails()).containsExactly("Countess@example.com", "ada@example.com");
        assertThat(fx.p1.contacts().get(fx.ada.id()).emails()).containsExactly("Countess@example.com", "ada@example.com");
    }

    @Test
    void deletedContactsAreNotFoundAndLeaveTheirOrganizationCount() {
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isEqualTo(1);
        var p1 = fx.p1.property().id();
        var p2 = fx.p2.property().id();
        assertThat(store.contacts().exists(p1, fx.ada.id())).isTrue();
        assertThat(store.contacts().exists(p2, fx.ada.id())).as("another property's contact").isFalse();
        assertThat(store.organizations().exists(p1, fx.acme.id())).isTrue();
        assertThat(store.organizations().exists(p2, fx.acme.id())).as("another property's organization").isFalse();
        fx.p1.contacts().delete(fx.ada.id());
        assertThat(store.contacts().exists(p1, fx.ada.id())).as("a deleted contact").isFalse();
        assertThat(store.contacts().exists(p2, fx.other.id())).isTrue();
        assertThatThrownBy(() -> fx.p1.contacts().get(fx.ada.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.p1.contacts().delete(fx.ada.id())).isInstanceOf(NotFoundException.class);
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).isZero();
        assertThat(fx.p2.contacts().get(fx.other.id())).isEqualTo(fx.other);
    }

    @Test
    void upsertByEmailCreatesUpdatesOrLeavesUnchanged() {
        Upsert created = fx.p1.contacts().upsertByEmail("new@example.com", set("name", "New"));
        assertThat(created.outcome()).isEqualTo(Upsert.Outcome.CREATED);
        assertThat(created.contact().primaryEmail()).isEqualTo("new@example.com");
        Upsert updated = fx.p1.contacts().upsertByEmail("NEW@example.com", set("name", "Newer"));
        assertThat(updated.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
        assertThat(updated.contact().id()).isEqualTo(created.contact().id());
        Upsert unchanged = fx.p1.contacts().upsertByEmail("new@example.com", set("name", "Newer"));
        assertThat(unchanged.outcome()).isEqualTo(Upsert.Outcome.UNCHANGED);
        assertThat(unchanged.contact().version()).isEqualTo(updated.contact().version());
        assertThat(fx.p2.contacts().count(Filter.attr("emails").is("new@example.com"))).isZero();
    }

    @Test
    void organizationLinksCountAndDeletingAnOrganizationUnlinksIt() {
        Organization beta = fx.p1.organizations().create("Beta");
        fx.p1.contacts().linkOrganization(fx.bob.id(), beta.id());
        fx.p1.contacts().linkOrganization(fx.ada.id(), beta.id());
        fx.p1.contacts().linkOrganization(fx.ada.id(), beta.id()); // already linked: no change
        assertThat(fx.p1.organizations().get(beta.id()).contacts()).isEqualTo(2);
        assertThat(fx.p1.organizations().findByName("BETA")).map(Organization::id).contains(beta.id());
        assertThat(fx.p1.contacts().count(Filter.attr("organization.name").is("beta"))).isEqualTo(2);
        fx.p1.contacts().unlinkOrganization(fx.bob.id(), beta.id());
        assertThat(fx.p1.organizations().get(beta.id()).contacts()).isEqualTo(1);
        fx.p1.organizations().delete(beta.id());
        assertThat(fx.p1.contacts().get(fx.ada.id()).organizations()).containsExactly(fx.acme.id());
        assertThat(fx.p1.contacts().count(Filter.attr("organization").is(beta.id().toString()))).isZero();
        assertThatThrownBy(() -> fx.p1.organizations().get(beta.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingACustomAttributeDeletesItsValues() {
        assertThat(fx.p1.contacts().count(Filter.attr("custom.plan").hasAnyValue())).isEqualTo(1);
        fx.p1.attributes().relabel(Target.CONTACT, "custom.plan", "Subscription");
        assertThat(fx.p1.attributes().catalog(Target.CONTACT).require("custom.plan").label()).isEqualTo("Subscription");
        fx.p1.attributes().delete(Target.CONTACT, "custom.plan");
        assertThat(fx.p1.contacts().get(fx.ada.id()).custom()).doesNotContainKey("plan");
        assertThatThrownBy(() -> fx.p1.contacts().count(Filter.attr("custom.plan").hasAnyValue()))
                .isInstanceOf(UnknownAttributeException.class);
        fx.p1.attributes().define(Target.CONTACT, "plan", "Plan", dev.contacts.model.AttributeType.NUMBER);
        assertThat(fx.p1.contacts().count(Filter.attr("custom.plan").hasAnyValue())).isZero();
        assertThat(fx.p2.contacts().count(Filter.attr("custom.plan").is("gold"))).isZero(); // p2's definition untouched
        assertThat(fx.p2.attributes().catalog(Target.CONTACT).require("custom.plan").type())
                .isEqualTo(dev.contacts.model.AttributeType.TEXT);
    }

    @Test
    void bulkTaggingCoversTheWholeResultAndSkipsContactsOverTheLimit() {
        List<ContactId> many = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            many.add(fx.p1.contacts().create(AttributeChanges.of(Map.of("name", "bulk " + i, "tags", List.of("bulk")))).id());
        }
        List<String> ninetyNine = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            ninetyNine.add("t" + i);
        }
        Contact full = fx.p1.contacts().create(AttributeChanges.of(Map.of("name", "full", "tags", withBulk(ninetyNine))));
        BulkResult result = fx.p1.contacts().addTags(Filter.attr("tags").is("bulk"), List.of("new-a", "new-b"));
        assertThat(result.changed()).isEqualTo(1_200);
        assertThat(result.skipped()).containsExactly(full.id());
        assertThat(fx.p1.contacts().count(Filter.attr("tags").isAllOf("new-a", "new-b"))).isEqualTo(1_200);
        assertThat(fx.p1.contacts().get(full.id())).isEqualTo(full);
        Contact tagged = fx.p1.contacts().get(many.get(0));
        assertThat(tagged.version()).isEqualTo(2);
        assertThat(tagged.tags()).containsExactly("bulk", "new-a", "new-b");
        BulkResult again = fx.p1.contacts().addTags(Filter.attr("tags").is("bulk"), List.of("NEW-A"));
        assertThat(again.changed()).isZero();
        BulkResult removed = fx.p1.contacts().removeTags(Filter.attr("tags").is("bulk"), List.of("New-B"));
        assertThat(removed.changed()).isEqualTo(1_200);
        assertThat(fx.p1.contacts().count(Filter.attr("tags").is("new-b"))).isZero();
        assertThat(fx.p1.contacts().deleteAll(Filter.attr("tags").is("new-a")).changed()).isEqualTo(1_200);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(3);
        assertThat(fx.p2.contacts().count(Filter.all())).isEqualTo(1);
    }

    private static List<String> withBulk(List<String> tags) {
        List<String> all = new ArrayList<>(tags);
        all.add("bulk");
        return all;
    }

    @Test
    void negativeFiltersIncludeUnknownValues() {
        assertThat(ids(Filter.attr("tags").isNot("vip"))).containsExactly(fx.bob.id());
        assertThat(ids(Filter.attr("custom.plan").doesNotContain("gol"))).containsExactly(fx.bob.id());
        assertThat(ids(Filter.attr("custom.score").ne(1))).containsExactlyInAnyOrder(fx.ada.id(), fx.bob.id());
        assertThat(ids(Filter.not(Filter.attr("custom.score").gt(100)))).containsExactlyInAnyOrder(fx.ada.id(), fx.bob.id());
        assertThat(ids(Filter.attr("custom.vip").isNotTrue())).containsExactlyInAnyOrder(fx.ada.id(), fx.bob.id());
        assertThat(ids(Filter.attr("organization.name").doesNotContain("acm"))).containsExactly(fx.bob.id());
    }

    private List<ContactId> ids(Filter f) {
        List<ContactId> ids = new ArrayList<>();
        fx.p1.contacts().find(Query.of(f).withPageSize(1000)).items().forEach(c -> ids.add(c.id()));
        return ids;
    }

    @Test
    void propertiesAreIsolated() {
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(2);
        assertThat(fx.p2.contacts().count(Filter.all())).isEqualTo(1);
        assertThat(fx.p2.contacts().find(Query.all()).items()).containsExactly(fx.other);
        fx.p1.contacts().deleteAll(Filter.all());
        assertThat(fx.p2.contacts().get(fx.other.id())).isEqualTo(fx.other);
        assertThat(fx.sdk.deleteProperty(fx.p1.property().id())).isTrue();
        assertThatThrownBy(() -> fx.sdk.property("p1")).isInstanceOf(NotFoundException.class);
        assertThat(fx.p2.contacts().count(Filter.all())).isEqualTo(1);
    }
}
