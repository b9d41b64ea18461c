package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.EmailRetryPolicy;
import dev.contacts.Recovery;
import dev.contacts.StoreException;
import dev.contacts.model.InboundEmail;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.spi.ContactStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults along ticket creation, replies, inbound replies, dispatch and contact merges: for every N, the
 * N-th store write (and every later one) fails — before reaching the store, or after
 * taking effect with its reply lost — then the store heals, {@code Contacts.recover()}
 * runs, the dispatcher runs with a recording mailer, and {@link TicketInvariants} must
 * hold: no email lost, every resend with the same Message-ID and content, no orphan
 * message, outbox entry or blob, unique ticket numbers, and each contact's
 * {@code totalTickets} equal to its tickets. A user's retry of the failed operation then
 * succeeds and the invariants still hold. Crashes (no clean-up code runs) leave only
 * blobs, which {@code recover()} deletes once they are older than
 * {@link Contacts#RECOVERY_GRACE}. A store runs it by extending this class.
 */
public abstract class TicketFaultTck {
    private static final Logger LOG = LoggerFactory.getLogger(TicketFaultTck.class);
    private static final List<FaultInjectingStore.Mode> MODES =
            List.of(FaultInjectingStore.Mode.FAIL_BEFORE, FaultInjectingStore.Mode.FAIL_AFTER);
    private static final Duration PAST_CLAIMS = EmailRetryPolicy.DEFAULT.claimTimeout().plusMillis(1);

    /** @return a new, empty store */
    protected abstract ContactStore createStore();

    /** Healthy work before the faulty operation; returns what the operation needs. */
    @FunctionalInterface
    private interface Setup {
        Object prepare(TicketFixture fx);
    }

    /** The operation under test, through the given SDK. */
    @FunctionalInterface
    private interface Operation {
        void run(Contacts sdk, TicketFixture fx, Object prepared);
    }

    /** What must hold after the operation (and its retry), beyond the invariants. */
    @FunctionalInterface
    private interface Expectation {
        void check(TicketFixture fx, Object prepared, boolean succeeded, String label);
    }

    private int writesOf(Setup setup, Operation operation) {
        ContactStore store = createStore();
        try {
            TicketFixture fx = new TicketFixture(store);
            Object prepared = setup.prepare(fx);
            FaultInjectingStore counting = new FaultInjectingStore(store);
            operation.run(fx.sdkOver(counting.store(), b -> { }), fx, prepared);
            assertThat(counting.writes()).as("the operation writes").isPositive();
            LOG.info("fault points: {} write(s) {}", counting.writes(), counting.writeLog());
            return counting.writes();
        } finally {
            store.close();
        }
    }

    private void underEveryFault(String name, Setup setup, Operation operation, Operation retry, Expectation expectation) {
        int writes = writesOf(setup, operation);
        int runs = 0;
        for (FaultInjectingStore.Mode mode : MODES) {
            for (int n = 1; n <= writes + 1; n++) {
                ContactStore store = createStore();
                try {
                    TicketFixture fx = new TicketFixture(store);
                    Object prepared = setup.prepare(fx);
                    FaultInjectingStore faulty = new FaultInjectingStore(store).failAt(n, mode);
                    Contacts sdk = fx.sdkOver(faulty.store(), b -> { });
                    boolean succeeded;
                    try {
                        operation.run(sdk, fx, prepared);
                        succeeded = true;
                    } catch (StoreException e) {
                        succeeded = false;
                    }
                    String label = name + ", " + mode + " at write " + n + " of " + writes + " " + faulty.writeLog();
                    assertThat(succeeded).as(label + ": fails exactly when the fault fires").isEqualTo(!faulty.fired());
                    faulty.heal();
                    recoverAndDispatch(fx, label);
                    expectation.check(fx, prepared, succeeded, label);
                    if (!succeeded) {
                        retry.run(fx.sdk, fx, prepared);
                        recoverAndDispatch(fx, label + ", then retried");
                        expectation.check(fx, prepared, true, label + ", then retried");
                    }
                    runs++;
                } finally {
                    store.close();
                }
            }
        }
        LOG.info("{}: {} faulty runs, each recovered with the invariants holding", name, runs);
    }

    private static void recoverAndDispatch(TicketFixture fx, String label) {
        fx.sdk.recover();
        fx.clock.advance(PAST_CLAIMS);
        fx.sdk.emailDispatcher().runOnce();
        assertThat(TicketInvariants.violations(fx.store, fx.blobs, fx.mailer, true)).as(label).isEmpty();
    }

    private static Object nothing(TicketFixture fx) {
        return null;
    }

    private static Ticket createdAndSent(TicketFixture fx) {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        fx.sdk.emailDispatcher().runOnce();
        return t;
    }

    private static List<Ticket> adasTickets(TicketFixture fx) {
        return fx.p1.tickets().ofContact(fx.base.ada.id());
    }

    @Test
    void creatingATicketToANewAddress() {
        Operation create = (sdk, fx, prepared) -> sdk.property("p1").tickets().create(NewTicket.builder(fx.base.ada.id(),
                "ada.new@example.com").subject("New address").body("Hello").attach(TicketFixture.file("a.txt", "a")).build());
        underEveryFault("create to a new address", TicketFaultTck::nothing, create, create, (fx, prepared, succeeded, label) -> {
            if (succeeded) {
                assertThat(adasTickets(fx)).as(label + ": a reported creation is stored").isNotEmpty();
                assertThat(fx.p1.contacts().get(fx.base.ada.id()).emails()).as(label).contains("ada.new@example.com");
            }
        });
    }

    @Test
    void creatingATicketToAKnownAddress() {
        Operation create = (sdk, fx, prepared) -> sdk.property("p1").tickets().create(fx.forAda().build());
        underEveryFault("create to a known address", TicketFaultTck::nothing, create, create, (fx, prepared, succeeded, label) -> {
            if (succeeded) {
                assertThat(adasTickets(fx)).as(label).isNotEmpty();
            }
        });
    }

    @Test
    void replyingAsAnAgent() {
        Operation reply = (sdk, fx, prepared) -> sdk.property("p1").tickets().reply(((Ticket) prepared).id(),
                NewMessage.fromAgent("carol", "More", TicketFixture.file("more.txt", "m")));
        underEveryFault("agent reply", TicketFaultTck::createdAndSent, reply, reply, (fx, prepared, succeeded, label) -> {
            List<TicketMessage> thread = fx.p1.tickets().messages(((Ticket) prepared).id());
            if (succeeded) {
                assertThat(thread.size()).as(label).isGreaterThanOrEqualTo(2);
                assertThat(thread.get(1).inReplyTo()).isEqualTo(thread.get(0).messageId());
            }
        });
    }

    @Test
    void receivingTheContactsReplyByEmail() {
        Setup ticketAndThread = fx -> {
            Ticket t = createdAndSent(fx);
            return fx.p1.tickets().messages(t.id()).get(0);
        };
        Operation receive = (sdk, fx, prepared) -> sdk.property("p1").tickets().receiveReply(new InboundEmail("<in-1@mail.example.org>",
                ((TicketMessage) prepared).messageId(), List.of(), "ada@example.com", null, "Thanks",
                List.of(TicketFixture.file("scan.txt", "s"))));
        underEveryFault("inbound reply", ticketAndThread, receive, receive, (fx, prepared, succeeded, label) -> {
            long copies = fx.p1.tickets().messages(((TicketMessage) prepared).ticket()).stream()
                    .filter(m -> m.messageId().equals("<in-1@mail.example.org>")).count();
            if (succeeded) {
                assertThat(copies).as(label + ": the email is stored once, however often it arrives").isEqualTo(1);
                assertThat(fx.p1.contacts().get(fx.base.ada.id()).lastSeen()).as(label).isNotNull();
            } else {
                assertThat(copies).as(label).isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void mergingContactsWithTickets() {
        Setup ticketsOnBoth = fx -> {
            createdAndSent(fx);
            return fx.p1.tickets().create(NewTicket.builder(fx.base.bob.id(), "bob@example.com").subject("Hi").body("Hello Bob")
                    .author("alice").build());
        };
        Operation merge = (sdk, fx, prepared) -> sdk.property("p1").contacts().merge(fx.base.ada.id(), fx.base.bob.id());
        Operation mergeIfNotDone = (sdk, fx, prepared) -> {
            if (fx.p1.contacts().find(fx.base.bob.id()).isPresent()) {
                merge.run(sdk, fx, prepared);
            }
        };
        underEveryFault("merge", ticketsOnBoth, merge, mergeIfNotDone, (fx, prepared, succeeded, label) -> {
            boolean bobGone = fx.p1.contacts().find(fx.base.bob.id()).isEmpty();
            if (succeeded) {
                assertThat(bobGone).as(label + ": a reported merge removed bob").isTrue();
            }
            assertThat(fx.p1.tickets().get(((Ticket) prepared).id()).contact()).as(label + ": bob's ticket follows the merge state")
                    .isEqualTo(bobGone ? fx.base.ada.id() : fx.base.bob.id());
            assertThat(fx.p1.contacts().get(fx.base.ada.id()).emails().contains("bob@example.com")).as(label).isEqualTo(bobGone);
        });
    }

    @Test
    void anInterruptedMergeWhoseKeptContactIsThenDeletedLeavesNoOrphan() {
        ContactStore store = createStore();
        try {
            TicketFixture fx = new TicketFixture(store);
            Ticket bobs = fx.p1.tickets().create(NewTicket.builder(fx.base.bob.id(), "bob@example.com").subject("Hi").body("Hello")
                    .author("alice").build());
            FaultInjectingStore faulty = new FaultInjectingStore(store).failAt(2, FaultInjectingStore.Mode.CRASH_BEFORE);
            Contacts dying = fx.sdkOver(faulty.store(), b -> { });
            assertThatThrownBy(() -> dying.property("p1").contacts().merge(fx.base.ada.id(), fx.base.bob.id()))
                    .isInstanceOf(FaultInjectingStore.SimulatedCrash.class);
            faulty.heal();
            assertThat(fx.p1.tickets().get(bobs.id()).contact()).as("the crash came before the tickets moved")
                    .isEqualTo(fx.base.bob.id());

            fx.p1.contacts().delete(fx.base.ada.id());
            assertThat(fx.sdk.recover().completedWrites()).isEqualTo(1);

            assertThat(fx.p1.tickets().find(bobs.id())).as("bob's ticket went with the contact it was merged into").isEmpty();
            fx.clock.advance(Contacts.RECOVERY_GRACE.plusMillis(1));
            fx.sdk.recover();
            fx.sdk.emailDispatcher().runOnce();
            assertThat(TicketInvariants.violations(store, fx.blobs, fx.mailer, false)).isEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void dispatching() {
        Setup twoTickets = fx -> {
            Ticket a = fx.p1.tickets().create(fx.forAda().build());
            fx.p1.tickets().reply(a.id(), NewMessage.fromAgent("alice", "second email"));
            return a;
        };
        Operation dispatch = (sdk, fx, prepared) -> sdk.emailDispatcher().runOnce();
        underEveryFault("dispatch", twoTickets, dispatch, dispatch, (fx, prepared, succeeded, label) ->
                assertThat(fx.mailer.byMessageId()).as(label + ": both emails sent, each Message-ID at least once").hasSize(2));
    }

    @Test
    void aCrashBeforeTheTicketIsStoredLeavesOnlyBlobsWhichRecoverDeletesAfterTheGrace() {
        ContactStore store = createStore();
        try {
            TicketFixture fx = new TicketFixture(store);
            FaultInjectingStore faulty = new FaultInjectingStore(store).failAt(1, FaultInjectingStore.Mode.CRASH_BEFORE);
            Contacts dying = fx.sdkOver(faulty.store(), b -> { });
            assertThatThrownBy(() -> dying.property("p1").tickets().create(fx.forAda().build()))
                    .isInstanceOf(FaultInjectingStore.SimulatedCrash.class);
            faulty.heal();
            assertThat(fx.blobs.list("tickets/")).as("the crash left the attachment behind").hasSize(1);

            assertThat(fx.sdk.recover()).as("a blob younger than the grace may be a creation in progress")
                    .isEqualTo(new Recovery(0, 0));
            assertThat(fx.blobs.list("tickets/")).hasSize(1);
            fx.clock.advance(Contacts.RECOVERY_GRACE.plusMillis(1));
            assertThat(fx.sdk.recover().deletedBlobs()).isEqualTo(1);
            assertThat(TicketInvariants.violations(store, fx.blobs, fx.mailer, true)).isEmpty();
            assertThat(adasTickets(fx)).isEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void aCrashAfterTheTicketIsStoredLosesNothing() {
        ContactStore store = createStore();
        try {
            TicketFixture fx = new TicketFixture(store);
            FaultInjectingStore faulty = new FaultInjectingStore(store).failAt(1, FaultInjectingStore.Mode.CRASH_AFTER);
            Contacts dying = fx.sdkOver(faulty.store(), b -> { });
            assertThatThrownBy(() -> dying.property("p1").tickets().create(fx.forAda().build()))
                    .isInstanceOf(FaultInjectingStore.SimulatedCrash.class);
            faulty.heal();
            // a store with transactions ran the write in the call's unit of work, which the crash ended before its
            // commit (as a real crash would): nothing of the ticket is stored; a store without them kept the write
            boolean stored = !fx.p1.tickets().list(0, 10).isEmpty();
            fx.clock.advance(Contacts.RECOVERY_GRACE.plusMillis(1));
            long deleted = fx.sdk.recover().deletedBlobs();
            if (stored) {
                assertThat(deleted).as("the attachment belongs to a stored message").isZero();
                assertThat(fx.sdk.emailDispatcher().runOnce().sent()).isEqualTo(1);
            } else {
                assertThat(fx.blobs.list("tickets/")).as("the attachment of the rolled-back ticket is gone").isEmpty();
                assertThat(fx.sdk.emailDispatcher().runOnce().sent()).isZero();
            }
            assertThat(TicketInvariants.violations(store, fx.blobs, fx.mailer, true)).isEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void recoverDeletesTheBlobsOfTicketsDeletedWithTheirContact() {
        ContactStore store = createStore();
        try {
            TicketFixture fx = new TicketFixture(store);
            Ticket t = createdAndSent(fx);
            store.tickets().deleteAllFor(fx.p1.property().id(), t.contact()); // the caller died before deleting the blobs
            fx.clock.advance(Contacts.RECOVERY_GRACE.plusMillis(1));
            assertThat(fx.sdk.recover().deletedBlobs()).isEqualTo(1);
            assertThat(fx.blobs.list("tickets/")).isEmpty();
        } finally {
            store.close();
        }
    }
}
