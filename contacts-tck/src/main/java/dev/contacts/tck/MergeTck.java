package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import dev.contacts.MergeConflict;
import dev.contacts.MergeRefusedException;
import dev.contacts.MergeResult;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Organization;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merging two contacts: the union of their sets, the kept contact's values winning with
 * every conflict reported, statistics recombined, tickets re-pointed, limits refused with
 * nothing changed, and the removed id not found afterwards. A store runs it by extending
 * this class; {@link TicketFaultTck} covers faults along the merge.
 */
public abstract class MergeTck extends FixtureTck {

    private Contact bobWith(AttributeChanges changes) {
        return fx.p1.contacts().update(fx.bob.id(), changes);
    }

    @Test
    void theKeptContactGetsTheUnionAndWinsConflictsWhichAreReported() {
        Organization globex = fx.p1.organizations().create("Globex");
        Contact bob = bobWith(AttributeChanges.builder().set("emails", List.of("bob@example.com", "ADA@example.com.au"))
                .set("tags", List.of("LEAD", "new")).set("jobTitle", "Engineer").set("custom.plan", "silver")
                .set("custom.interests", List.of("chess")).set("organization", List.of(globex.id(), fx.acme.id())).build());
        Contact ada = fx.p1.contacts().get(fx.ada.id());

        MergeResult result = fx.p1.contacts().merge(ada.id(), bob.id());

        Contact merged = result.kept();
        assertThat(merged).isEqualTo(fx.p1.contacts().get(ada.id()));
        assertThat(merged.version()).isEqualTo(ada.version() + 1);
        assertThat(merged.emails()).containsExactly("ada@example.com", "bob@example.com", "ADA@example.com.au");
        assertThat(merged.tags()).as("tags by fold: LEAD is lead").containsExactly("vip", "lead", "new");
        assertThat(merged.organizations()).containsExactly(fx.acme.id(), globex.id());
        assertThat(merged.name()).isEqualTo("Ada Lovelace");
        assertThat(merged.jobTitle()).as("unknown on the kept contact: taken from the removed one").isEqualTo("Engineer");
        assertThat(merged.custom()).containsEntry("plan", "gold").containsEntry("interests", List.of("chess"));
        assertThat(merged.created()).isEqualTo(ada.created().isBefore(bob.created()) ? ada.created() : bob.created());
        assertThat(result.conflicts()).containsExactlyInAnyOrder(
                new MergeConflict("name", "Ada Lovelace", "Bob"),
                new MergeConflict("custom.plan", "gold", "silver"));
        assertThat(result.removed()).isEqualTo(bob.id());

        assertThat(fx.p1.contacts().find(bob.id())).as("the removed id answers not found").isEmpty();
        assertThatThrownBy(() -> fx.p1.contacts().get(bob.id())).isInstanceOf(NotFoundException.class);
        assertThat(fx.p1.contacts().count(Filter.all())).isEqualTo(1);
        assertThat(fx.p1.contacts().upsertByEmail("BOB@example.com", AttributeChanges.builder().build()).contact().id())
                .as("the removed contact's address now identifies the kept one").isEqualTo(ada.id());
        assertThat(fx.p1.organizations().get(fx.acme.id()).contacts()).as("acme was linked to both: now one contact").isEqualTo(1);
        assertThat(fx.p1.organizations().get(globex.id()).contacts()).isEqualTo(1);
    }

    @Test
    void activityStatisticsAreRecombinedAsIfEveryEventHadHappenedToTheKeptContact() {
        Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
        Instant t2 = Instant.parse("2026-05-01T10:00:00Z");
        Contact ada = fx.p1.contacts().update(fx.ada.id(), AttributeChanges.builder().set("totalWebSessions", 2)
                .set("pagesViewed", 10).set("firstWebSession", t1).set("lastWebSession", t1).set("firstSeen", t1).set("lastSeen", t1)
                .set("country", "FR").set("city", "Paris").set("os", "Linux").build());
        bobWith(AttributeChanges.builder().set("totalWebSessions", 3).set("pagesViewed", 5).set("timeSpent", 60)
                .set("firstWebSession", t2).set("lastWebSession", t2).set("lastSeen", t2).set("country", "DE").set("region", "Berlin")
                .set("totalLiveChats", 1).set("lastLiveChat", t2).build());

        Contact merged = fx.p1.contacts().merge(ada.id(), fx.bob.id()).kept();

        assertThat(merged.totalWebSessions()).isEqualByComparingTo(new BigDecimal(5));
        assertThat(merged.pagesViewed()).isEqualByComparingTo(new BigDecimal(15));
        assertThat(merged.timeSpent()).as("unknown + 60").isEqualByComparingTo(new BigDecimal(60));
        assertThat(merged.totalLiveChats()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(merged.totalTickets()).as("unknown on both stays unknown, never 0").isNull();
        assertThat(merged.firstWebSession()).isEqualTo(t1);
        assertThat(merged.lastWebSession()).isEqualTo(t2);
        assertThat(merged.firstSeen()).isEqualTo(t1);
        assertThat(merged.lastSeen()).isEqualTo(t2);
        assertThat(merged.country()).as("location of the newest activity").isEqualTo("DE");
        assertThat(merged.region()).isEqualTo("Berlin");
        assertThat(merged.city()).as("the newer contact has no city: the other's").isEqualTo("Paris");
        assertThat(merged.os()).isEqualTo("Linux");
    }

    @Test
    void ticketsOfTheRemovedContactMoveToTheKeptOne() {
        Ticket bobs = fx.p1.tickets().create(NewTicket.builder(fx.bob.id(), "bob@example.com").subject("Hi").body("Hello Bob")
                .author("alice").build());
        Ticket adas = fx.p1.tickets().create(NewTicket.builder(fx.ada.id(), "ada@example.com").subject("Hi").body("Hello Ada")
                .author("alice").build());

        Contact merged = fx.p1.contacts().merge(fx.ada.id(), fx.bob.id()).kept();

        assertThat(fx.p1.tickets().ofContact(fx.ada.id())).extracting(Ticket::id).containsExactlyInAnyOrder(bobs.id(), adas.id());
        assertThat(fx.p1.tickets().ofContact(fx.bob.id())).isEmpty();
        assertThat(fx.p1.tickets().get(bobs.id()).contact()).isEqualTo(fx.ada.id());
        for (TicketMessage m : fx.p1.tickets().messages(bobs.id())) {
            assertThat(m.contact()).isEqualTo(fx.ada.id());
        }
        assertThat(merged.totalTickets()).isEqualByComparingTo(new BigDecimal(2));
        assertThat(fx.sdk.recover().completedWrites()).as("nothing was left half done").isZero();
    }

    @Test
    void aMergeThatWouldBreakALimitIsRefusedWithWhatDoesNotFitAndChangesNothing() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            many.add("t" + i);
        }
        Contact ada = fx.p1.contacts().update(fx.ada.id(), AttributeChanges.builder().set("tags", many).build());
        Contact bob = bobWith(AttributeChanges.builder().set("tags", List.of("t1", "x1", "x2", "x3")).build());

        assertThatThrownBy(() -> fx.p1.contacts().merge(ada.id(), bob.id()))
                .isInstanceOfSatisfying(MergeRefusedException.class, e -> assertThat(e.violations())
                        .singleElement().asString().startsWith("tags: 2 ").contains("x2, x3"));
        assertThat(fx.p1.contacts().get(ada.id())).isEqualTo(ada);
        assertThat(fx.p1.contacts().get(bob.id())).isEqualTo(bob);
    }

    @Test
    void countersThatWouldOverflowAreRefused() {
        BigDecimal huge = new BigDecimal("999999999999999999");
        Contact ada = fx.p1.contacts().update(fx.ada.id(), AttributeChanges.builder().set("pagesViewed", huge).build());
        Contact bob = bobWith(AttributeChanges.builder().set("pagesViewed", 1).build());

        assertThatThrownBy(() -> fx.p1.contacts().merge(ada.id(), bob.id()))
                .isInstanceOfSatisfying(MergeRefusedException.class, e -> assertThat(e.violations())
                        .singleElement().asString().startsWith("pagesViewed"));
        assertThat(fx.p1.contacts().get(bob.id())).isEqualTo(bob);
    }

    @Test
    void aContactCannotBeMergedIntoItself() {
        assertThatThrownBy(() -> fx.p1.contacts().merge(fx.ada.id(), fx.ada.id())).isInstanceOf(InvalidValueException.class);
        assertThat(fx.p1.contacts().get(fx.ada.id())).isEqualTo(fx.ada);
    }

    @Test
    void anotherPropertysContactIsNotFoundAndNothingChanges() {
        assertThatThrownBy(() -> fx.p1.contacts().merge(fx.ada.id(), fx.other.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.p1.contacts().merge(fx.other.id(), fx.bob.id())).isInstanceOf(NotFoundException.class);
        assertThat(fx.p1.contacts().get(fx.ada.id())).isEqualTo(fx.ada);
        assertThat(fx.p1.contacts().get(fx.bob.id())).isEqualTo(fx.bob);
        assertThat(fx.p2.contacts().get(fx.other.id())).isEqualTo(fx.other);
    }

    @Test
    void aRemovedContactCannotBeMergedAgain() {
        fx.p1.contacts().merge(fx.ada.id(), fx.bob.id());
        assertThatThrownBy(() -> fx.p1.contacts().merge(fx.ada.id(), fx.bob.id())).isInstanceOf(NotFoundException.class);
    }
}
