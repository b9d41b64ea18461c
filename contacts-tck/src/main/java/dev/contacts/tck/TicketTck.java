package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.ConflictException;
import dev.contacts.Contacts;
import dev.contacts.DeletionPolicy;
import dev.contacts.HistoryExistsException;
import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.model.Assignee;
import dev.contacts.model.Attachment;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.InboundEmail;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Priority;
import dev.contacts.model.Property;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketStatus;
import dev.contacts.model.TicketUpdate;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.TicketRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tickets through the public facade: creation (number, first message, queued email,
 * attachments in the blob store, the contact's statistics, a new address added to the
 * contact), updates with optimistic locking, replies of either side, inbound replies
 * threaded by Message-ID, the timeline source, the contact-deletion cascade, unique
 * increasing numbers under concurrency, and tenancy; every refused call raises its typed
 * exception and changes nothing (store, tickets, messages, blobs, mail). A store runs it
 * by extending this class.
 */
public abstract class TicketTck extends TicketFixtureTck {
    private static final int THREADS = 8;

    private TicketRepository repo() {
        return store.tickets();
    }

    private Contact ada() {
        return fx.p1.contacts().get(fx.base.ada.id());
    }

    @Test
    void creationStoresTheTicketItsFirstMessageAndItsQueuedEmail() {
        Ticket t = fx.p1.tickets().create(fx.forAda().priority(Priority.HIGH).tags(List.of("Billing", "billing", " urgent ")).build());
        assertThat(t.number()).isEqualTo(1);
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.tags()).containsExactly("Billing", "urgent");
        assertThat(t.assignee()).isEqualTo(Assignee.department("billing"));
        assertThat(t.contact()).isEqualTo(fx.base.ada.id());
        assertThat(t.toAddress()).isEqualTo("ada@example.com");
        assertThat(t.created()).isEqualTo(TckFixture.NOW);
        assertThat(t.updated()).isEqualTo(TckFixture.NOW);
        assertThat(fx.p1.tickets().get(t.id())).isEqualTo(t);
        assertThat(fx.p1.tickets().findByNumber(1)).contains(t);

        List<TicketMessage> thread = fx.p1.tickets().messages(t.id());
        assertThat(thread).hasSize(1);
        TicketMessage first = thread.get(0);
        assertThat(first.sender()).isEqualTo(TicketMessage.Sender.AGENT);
        assertThat(first.agentId()).isEqualTo("alice");
        assertThat(first.subject()).isEqualTo("Your invoice");
        assertThat(first.body()).isEqualTo("Hello Ada,\nhere it is.");
        assertThat(first.contactAddress()).isEqualTo("ada@example.com");
        assertThat(first.messageId()).matches("<[0-9a-f-]{36}@help\\.example\\.com>");
        assertThat(first.inReplyTo()).isNull();
        assertThat(first.references()).isEmpty();
        assertThat(first.delivery()).isEqualTo(Delivery.pending(TckFixture.NOW));
        assertThat(first.attachments()).hasSize(1);
        Attachment file = first.attachments().get(0);
        assertThat(file.name()).isEqualTo("invoice.txt");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(file.size()).isEqualTo(13);
        assertThat(new String(fx.p1.tickets().attachment(t.id(), file), StandardCharsets.UTF_8)).isEqualTo("total: 42 EUR");
        assertThat(fx.blobs.keys()).containsExactly(file.blobKey());
        assertThat(repo().listDueEmails(fx.p1.property().id(), TckFixture.NOW, 10)).containsExactly(first);
        assertThat(fx.mailer.sent()).as("nothing is sent before the dispatcher runs").isEmpty();
    }

    @Test
    void creationUpdatesTheContactsTicketStatisticsAtomically() {
        Contact before = ada();
        assertThat(before.totalTickets()).as("unknown until the first ticket").isNull();
        fx.p1.tickets().create(fx.forAda().build());
        Contact after = ada();
        assertThat(after.totalTickets()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(after.firstTicket()).isEqualTo(TckFixture.NOW);
        assertThat(after.lastTicket()).isEqualTo(TckFixture.NOW);
        assertThat(after.version()).as("an update based on the older read must conflict").isEqualTo(before.version() + 1);
        assertThat(after.updated()).as("statistics are activity, not an edit").isEqualTo(before.updated());

        fx.clock.advance(Duration.ofHours(5));
        Ticket second = fx.p1.tickets().create(fx.forAda().subject("Second").build());
        assertThat(second.number()).isEqualTo(2);
        Contact later = ada();
        assertThat(later.totalTickets()).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(later.firstTicket()).isEqualTo(TckFixture.NOW);
        assertThat(later.lastTicket()).isEqualTo(TckFixture.NOW.plus(Duration.ofHours(5)));
        assertThat(fx.p1.contacts().count(dev.contacts.filter.Filter.attr("totalTickets").eq(2))).isEqualTo(1);
        assertThat(fx.p1.tickets().ofContact(fx.base.ada.id())).extracting(Ticket::number).containsExactly(2L, 1L);
        assertThat(fx.p1.tickets().list(0, 1)).extracting(Ticket::number).containsExactly(1L);
        assertThat(fx.p1.tickets().list(1, 10)).extracting(Ticket::number).containsExactly(2L);
    }

    @Test
    void aNewToAddressIsAddedToTheContactAndAKnownOneKeepsItsSpelling() {
        fx.clock.advance(Duration.ofMinutes(1));
        Ticket t = fx.p1.tickets().create(NewTicket.builder(fx.base.ada.id(), " Ada.Work@Example.com ").subject("Hi").body("Hello")
                .build());
        assertThat(t.toAddress()).isEqualTo("Ada.Work@Example.com");
        Contact ada = ada();
        assertThat(ada.emails()).containsExactly("ada@example.com", "Ada.Work@Example.com");
        assertThat(ada.updated()).as("adding an address edits the profile").isEqualTo(fx.clock.instant());

        Ticket again = fx.p1.tickets().create(NewTicket.builder(fx.base.ada.id(), "ADA.WORK@EXAMPLE.COM").subject("Hi").body("Hello")
                .build());
        assertThat(again.toAddress()).as("the contact's spelling").isEqualTo("Ada.Work@Example.com");
        assertThat(ada().emails()).hasSize(2);
        assertThat(fx.p1.contacts().upsertByEmail("ada.work@example.com", AttributeChanges.builder().build()).contact().id())
                .isEqualTo(fx.base.ada.id());
    }

    @Test
    void ticketNumbersAreUniqueAndIncreasingUnderConcurrency() throws Exception {
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<Long> numbers = new ArrayList<>();
                    for (int k = 0; k < perThread; k++) {
                        ContactId who = thread % 2 == 0 ? fx.base.ada.id() : fx.base.bob.id();
                        String to = thread % 2 == 0 ? "ada@example.com" : "bob@example.com";
                        numbers.add(fx.p1.tickets().create(NewTicket.builder(who, to).subject("t" + thread + "-" + k).body("b")
                                .build()).number());
                    }
                    return numbers;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                List<Long> numbers = f.get(120, TimeUnit.SECONDS);
                assertThat(numbers).as("one thread's numbers increase").isSorted().doesNotHaveDuplicates();
                all.addAll(numbers);
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(THREADS * perThread);
            assertThat(new HashSet<>(all)).isEqualTo(Stream.iterate(1L, n -> n + 1).limit(THREADS * perThread).collect(Collectors.toSet()));
            assertThat(ada().totalTickets()).isEqualByComparingTo(BigDecimal.valueOf(THREADS / 2 * perThread));
            assertThat(fx.p1.contacts().get(fx.base.bob.id()).totalTickets()).isEqualByComparingTo(BigDecimal.valueOf(THREADS / 2 * perThread));
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(fx.p2.tickets().create(NewTicket.builder(fx.base.other.id(), "ada@example.com").subject("p2").body("b").build())
                .number()).as("numbers are per property").isEqualTo(1);
    }

    @Test
    void statusPriorityAssigneeAndTagsChangeWithOptimisticLocking() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        fx.clock.advance(Duration.ofMinutes(3));
        Ticket pending = fx.p1.tickets().update(t.id(), 1, TicketUpdate.status(TicketStatus.PENDING));
        assertThat(pending.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(pending.version()).isEqualTo(2);
        assertThat(pending.updated()).isEqualTo(fx.clock.instant());
        assertThat(pending.number()).isEqualTo(t.number());
        assertThat(fx.p1.tickets().get(t.id())).isEqualTo(pending);

        assertThatThrownBy(() -> fx.p1.tickets().update(t.id(), 1, TicketUpdate.status(TicketStatus.CLOSED)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2");
        assertThat(fx.p1.tickets().get(t.id())).isEqualTo(pending);

        Ticket changed = fx.p1.tickets().update(t.id(), 2, TicketUpdate.builder().priority(Priority.LOWEST)
                .assignee(Assignee.agent("carol")).tags(List.of("a", "A", "b")).status(TicketStatus.SOLVED).build());
        assertThat(changed.priority()).isEqualTo(Priority.LOWEST);
        assertThat(changed.assignee()).isEqualTo(Assignee.agent("carol"));
        assertThat(changed.tags()).containsExactly("a", "b");
        assertThat(changed.status()).isEqualTo(TicketStatus.SOLVED);
        Ticket unassigned = fx.p1.tickets().update(t.id(), 3, TicketUpdate.builder().unassign().build());
        assertThat(unassigned.assignee()).isNull();
        assertThat(unassigned.tags()).containsExactly("a", "b");
        Ticket reopened = fx.p1.tickets().update(t.id(), 4, TicketUpdate.status(TicketStatus.OPEN));
        assertThat(reopened.status()).as("any status may follow any other").isEqualTo(TicketStatus.OPEN);
        assertThat(fx.p1.tickets().messages(t.id())).as("updates do not touch messages").hasSize(1);
    }

    @Test
    void agentRepliesAreQueuedAsEmailsThreadedUnderThePreviousMessage() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        TicketMessage first = fx.p1.tickets().messages(t.id()).get(0);
        long contactVersion = ada().version();
        fx.clock.advance(Duration.ofMinutes(10));
        TicketMessage reply = fx.p1.tickets().reply(t.id(), NewMessage.fromAgent("carol", "More details",
                TicketFixture.file("details.txt", "d")));
        assertThat(reply.sender()).isEqualTo(TicketMessage.Sender.AGENT);
        assertThat(reply.agentId()).isEqualTo("carol");
        assertThat(reply.subject()).isEqualTo("Re: Your invoice");
        assertThat(reply.inReplyTo()).isEqualTo(first.messageId());
        assertThat(reply.references()).containsExactly(first.messageId());
        assertThat(reply.messageId()).isNotEqualTo(first.messageId());
        assertThat(reply.delivery()).isEqualTo(Delivery.pending(fx.clock.instant()));
        assertThat(reply.created()).isEqualTo(fx.clock.instant());
        assertThat(fx.p1.tickets().messages(t.id())).containsExactly(first, reply);
        assertThat(ada().version()).as("an agent's reply is not the contact's activity").isEqualTo(contactVersion);
        assertThat(fx.p1.tickets().get(t.id())).as("replies do not change the ticket's fields").isEqualTo(t);

        TicketMessage third = fx.p1.tickets().reply(t.id(), NewMessage.fromAgent(null, "And more"));
        assertThat(third.inReplyTo()).isEqualTo(reply.messageId());
        assertThat(third.references()).containsExactly(first.messageId(), reply.messageId());
        assertThat(third.subject()).isEqualTo("Re: Your invoice");
        assertThat(repo().lastMessage(fx.p1.property().id(), t.id())).as("the newest appended message").contains(third);
    }

    @Test
    void longThreadsKeepTheRootAndTheNewestReferences() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        List<TicketMessage> thread = new java.util.ArrayList<>(fx.p1.tickets().messages(t.id()));
        for (int i = 0; i < 60; i++) { // more than a References header keeps
            fx.clock.advance(Duration.ofMinutes(1));
            thread.add(i % 2 == 0 ? fx.p1.tickets().reply(t.id(), NewMessage.fromAgent("carol", "agent " + i))
                    : fx.p1.tickets().reply(t.id(), NewMessage.fromContact("contact " + i)));
        }
        TicketMessage last = thread.get(thread.size() - 1);
        List<String> ids = thread.stream().map(TicketMessage::messageId).toList();
        assertThat(last.inReplyTo()).isEqualTo(ids.get(ids.size() - 2));
        assertThat(last.references()).as("RFC 5322: the root, then the newest ids, oldest first, without the message's own")
                .hasSizeLessThan(ids.size() - 1).startsWith(ids.get(0)).endsWith(ids.get(ids.size() - 2))
                .isSubsetOf(ids.subList(0, ids.size() - 1));
        List<String> tail = last.references().subList(1, last.references().size());
        assertThat(tail).containsExactlyElementsOf(ids.subList(ids.size() - 1 - tail.size(), ids.size() - 1));
        assertThat(repo().lastMessage(fx.p1.property().id(), t.id())).contains(last);
        assertThat(fx.p1.tickets().messages(t.id())).containsExactlyElementsOf(thread);
    }

    @Test
    void contactRepliesCountAsTheContactsActivity() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        fx.clock.advance(Duration.ofHours(1));
        Instant t1 = fx.clock.instant();
        TicketMessage reply = fx.p1.tickets().reply(t.id(), NewMessage.fromContact("Thanks!"));
        assertThat(reply.sender()).isEqualTo(TicketMessage.Sender.CONTACT);
        assertThat(reply.delivery()).as("a contact's message is not emailed").isNull();
        assertThat(ada().firstSeen()).isEqualTo(t1);
        assertThat(ada().lastSeen()).isEqualTo(t1);
        fx.clock.advance(Duration.ofHours(2));
        fx.p1.tickets().reply(t.id(), NewMessage.fromContact("Again"));
        assertThat(ada().firstSeen()).isEqualTo(t1);
        assertThat(ada().lastSeen()).isEqualTo(fx.clock.instant());
        assertThat(repo().listDueEmails(fx.p1.property().id(), fx.clock.instant(), 10)).hasSize(1);
    }

    @Test
    void inboundRepliesAreThreadedByInReplyToOrReferencesAndAreIdempotent() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        TicketMessage first = fx.p1.tickets().messages(t.id()).get(0);
        fx.clock.advance(Duration.ofHours(1));
        TicketMessage in = fx.p1.tickets().receiveReply(new InboundEmail("<r1@mail.example.org>", first.messageId(), List.of(),
                "ada@example.com", "Re: Your invoice", "Thank you", List.of(TicketFixture.file("scan.txt", "scan"))));
        assertThat(in.sender()).isEqualTo(TicketMessage.Sender.CONTACT);
        assertThat(in.ticket()).isEqualTo(t.id());
        assertThat(in.messageId()).isEqualTo("<r1@mail.example.org>");
        assertThat(in.inReplyTo()).isEqualTo(first.messageId());
        assertThat(in.delivery()).isNull();
        assertThat(in.attachments()).extracting(Attachment::name).containsExactly("scan.txt");
        assertThat(ada().lastSeen()).isEqualTo(fx.clock.instant());
        long version = ada().version();

        TicketMessage again = fx.p1.tickets().receiveReply(new InboundEmail("<r1@mail.example.org>", first.messageId(), List.of(),
                "ada@example.com", "Re: Your invoice", "Thank you", List.of(TicketFixture.file("scan.txt", "scan"))));
        assertThat(again).as("the same email twice is stored once").isEqualTo(in);
        assertThat(fx.p1.tickets().messages(t.id())).hasSize(2);
        assertThat(ada().version()).isEqualTo(version);
        assertThat(fx.blobs.keys()).hasSize(2);

        fx.clock.advance(Duration.ofHours(1));
        TicketMessage byReferences = fx.p1.tickets().receiveReply(InboundEmail.builder().messageId("<r2@mail.example.org>")
                .inReplyTo("<unknown@elsewhere>").references(first.messageId() + " <r1@mail.example.org> <also-unknown@elsewhere>")
                .body("Hello again").build());
        assertThat(byReferences.ticket()).isEqualTo(t.id());
        assertThat(byReferences.contactAddress()).isEqualTo("ada@example.com");
        assertThat(byReferences.subject()).isEqualTo("Re: Your invoice");
        assertThat(ada().lastSeen()).isEqualTo(fx.clock.instant());

        TicketMessage answerToOwn = fx.p1.tickets().receiveReply(InboundEmail.builder().inReplyTo("<r2@mail.example.org>").body("PS").build());
        assertThat(answerToOwn.ticket()).as("a reply to the contact's own earlier email is in the thread").isEqualTo(t.id());
        assertThat(answerToOwn.messageId()).matches("<[0-9a-f-]{36}@help\\.example\\.com>");

        assertThatThrownBy(() -> fx.p1.tickets().receiveReply(
                InboundEmail.builder().messageId("<r3@x>").inReplyTo("<nobody@nowhere>").body("?").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("<nobody@nowhere>");
    }

    @Test
    void theTimelineSourceReturnsAContactsMessagesNewestFirstPastAPosition() {
        Ticket a = fx.p1.tickets().create(fx.forAda().build());
        fx.p1.tickets().reply(a.id(), NewMessage.fromAgent("alice", "same instant as the first"));
        fx.clock.advance(Duration.ofMinutes(1));
        Ticket b = fx.p1.tickets().create(fx.forAda().subject("Other").build());
        fx.clock.advance(Duration.ofMinutes(1));
        fx.p1.tickets().reply(a.id(), NewMessage.fromContact("latest"));
        fx.p1.tickets().create(NewTicket.builder(fx.base.bob.id(), "bob@example.com").subject("Bob's").body("b").build());

        List<TicketMessage> all = new ArrayList<>(fx.p1.tickets().messages(a.id()));
        all.addAll(fx.p1.tickets().messages(b.id()));
        all.sort((x, y) -> x.created().equals(y.created()) ? y.id().compareTo(x.id()) : y.created().compareTo(x.created()));
        assertThat(all).hasSize(4);

        var p1 = fx.p1.property().id();
        List<TicketMessage> walked = new ArrayList<>();
        List<TicketMessage> page = repo().listContactMessages(p1, fx.base.ada.id(), null, null, 3);
        assertThat(page).containsExactlyElementsOf(all.subList(0, 3));
        walked.addAll(page);
        TicketMessage last = page.get(2);
        page = repo().listContactMessages(p1, fx.base.ada.id(), last.created(), last.id(), 3);
        walked.addAll(page);
        assertThat(walked).containsExactlyElementsOf(all);
        TicketMessage oldest = all.get(3);
        assertThat(repo().listContactMessages(p1, fx.base.ada.id(), oldest.created(), oldest.id(), 3)).isEmpty();
        assertThat(repo().listContactMessages(fx.p2.property().id(), fx.base.ada.id(), null, null, 10)).isEmpty();
        assertThat(repo().listContactMessages(p1, fx.base.other.id(), null, null, 10)).isEmpty();
    }

    @Test
    void deletingAContactDeletesItsTicketsMessagesEmailsAndAttachmentBytes() {
        Ticket a = fx.p1.tickets().create(fx.forAda().build());
        fx.p1.tickets().reply(a.id(), NewMessage.fromContact("with a file", TicketFixture.file("x.txt", "x")));
        Ticket bob = fx.p1.tickets().create(NewTicket.builder(fx.base.bob.id(), "bob@example.com").subject("Bob's").body("b")
                .attach(TicketFixture.file("y.txt", "y")).build());
        List<String> bobBlobs = fx.p1.tickets().messages(bob.id()).stream().flatMap(m -> m.attachments().stream())
                .map(Attachment::blobKey).toList();
        fx.p1.contacts().delete(fx.base.ada.id());
        var p1 = fx.p1.property().id();
        assertThat(repo().get(p1, a.id())).isEmpty();
        assertThat(repo().listByContact(p1, fx.base.ada.id())).isEmpty();
        assertThat(fx.blobs.keys()).containsExactlyInAnyOrderElementsOf(bobBlobs);
        assertThat(repo().listDueEmails(p1, fx.clock.instant(), 10)).extracting(TicketMessage::ticket).containsExactly(bob.id());
        assertThat(fx.p1.contacts().deleteAll(dev.contacts.filter.Filter.all()).changed()).isEqualTo(1);
        assertThat(repo().get(p1, bob.id())).isEmpty();
        assertThat(fx.blobs.keys()).isEmpty();
        assertThat(fx.p2.tickets().ofContact(fx.base.other.id())).isEmpty(); // p2 never had any; nothing crossed
    }

    @Test
    void underRefuseWhenHistoryAContactWithTicketsIsKept() {
        Contacts strict = fx.sdkOver(store, b -> b.deletionPolicy(DeletionPolicy.REFUSE_WHEN_HISTORY));
        Ticket a = fx.p1.tickets().create(fx.forAda().build());
        Contact before = ada();

        assertThatThrownBy(() -> strict.property("p1").contacts().delete(fx.base.ada.id()))
                .isInstanceOf(HistoryExistsException.class).hasMessageContaining("1 ticket");
        assertThat(ada()).isEqualTo(before);
        assertThat(fx.p1.tickets().get(a.id())).isNotNull();

        BulkResult all = strict.property("p1").contacts().deleteAll(dev.contacts.filter.Filter.all());
        assertThat(all.changed()).as("bob has no history").isEqualTo(1);
        assertThat(all.skipped()).containsExactly(fx.base.ada.id());
        assertThat(fx.p1.contacts().find(fx.base.bob.id())).isEmpty();
        assertThat(fx.p1.tickets().messages(a.id())).hasSize(1);
    }

    @Test
    void deleteAllForRemovesAContactsTicketsMessagesAndPendingEmails() {
        Ticket a = fx.p1.tickets().create(fx.forAda().build());
        fx.p1.tickets().reply(a.id(), NewMessage.fromContact("with a file", TicketFixture.file("x.txt", "x")));
        Ticket bob = fx.p1.tickets().create(NewTicket.builder(fx.base.bob.id(), "bob@example.com").subject("Bob's").body("b")
                .attach(TicketFixture.file("y.txt", "y")).build());
        Ticket other = fx.p2.tickets().create(NewTicket.builder(fx.base.other.id(), "ada@example.com").subject("p2").body("b").build());
        List<String> adaBlobs = fx.p1.tickets().messages(a.id()).stream().flatMap(m -> m.attachments().stream())
                .map(Attachment::blobKey).toList();
        String firstMessageId = fx.p1.tickets().messages(a.id()).get(0).messageId();

        var p1 = fx.p1.property().id();
        assertThat(repo().deleteAllFor(p1, fx.base.ada.id())).containsExactlyInAnyOrderElementsOf(adaBlobs);
        assertThat(repo().get(p1, a.id())).isEmpty();
        assertThat(repo().listMessages(p1, a.id())).isEmpty();
        assertThat(repo().lastMessage(p1, a.id())).isEmpty();
        assertThat(repo().findByMessageId(p1, firstMessageId)).isEmpty();
        assertThat(repo().listContactMessages(p1, fx.base.ada.id(), null, null, 10)).isEmpty();
        assertThat(repo().listDueEmails(p1, fx.clock.instant(), 10)).extracting(TicketMessage::ticket).containsExactly(bob.id());
        assertThat(repo().get(p1, bob.id())).isPresent();
        assertThat(repo().findByNumber(p1, bob.number())).isPresent();
        assertThat(repo().get(fx.p2.property().id(), other.id())).isPresent();
        assertThat(repo().deleteAllFor(fx.p2.property().id(), fx.base.bob.id())).as("bob is not in p2").isEmpty();
        assertThat(repo().get(p1, bob.id())).isPresent();
    }

    @Test
    void nothingCrossesProperties() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        TicketMessage first = fx.p1.tickets().messages(t.id()).get(0);
        PropertyContacts p2 = fx.p2;
        var pid2 = p2.property().id();
        assertThat(p2.tickets().find(t.id())).isEmpty();
        assertThat(p2.tickets().findByNumber(t.number())).isEmpty();
        assertThat(p2.tickets().ofContact(fx.base.ada.id())).isEmpty();
        assertThat(p2.tickets().list(0, 100)).isEmpty();
        assertThatThrownBy(() -> p2.tickets().get(t.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.tickets().messages(t.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p2.tickets().attachment(t.id(), first.attachments().get(0))).isInstanceOf(NotFoundException.class);
        assertThat(repo().listMessages(pid2, t.id())).isEmpty();
        assertThat(repo().lastMessage(pid2, t.id())).isEmpty();
        assertThat(repo().findByMessageId(pid2, first.messageId())).isEmpty();
        assertThat(repo().listDueEmails(pid2, fx.clock.instant(), 10)).isEmpty();
        assertThat(repo().claimEmail(pid2, t.id(), first.id(), fx.clock.instant(), fx.clock.instant().plusSeconds(60))).isEmpty();
        assertThat(repo().markEmailSent(pid2, t.id(), first.id(), fx.clock.instant())).isFalse();
        assertThat(repo().markEmailFailed(pid2, t.id(), first.id(), 0, null, "x")).isFalse();
        assertThat(repo().listMessages(fx.p1.property().id(), t.id())).containsExactly(first);
        Ticket inP2 = p2.tickets().create(NewTicket.builder(fx.base.other.id(), "ada@example.com").subject("p2").body("b").build());
        assertThat(inP2.number()).isEqualTo(1);
        assertThat(fx.p1.tickets().find(inP2.id())).isEmpty();
    }

    @Test
    void deletingAPropertyDeletesItsTicketsAndAttachments() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        Ticket other = fx.p2.tickets().create(NewTicket.builder(fx.base.other.id(), "ada@example.com").subject("p2").body("b")
                .attach(TicketFixture.file("keep.txt", "k")).build());
        List<String> p2Blobs = fx.blobs.list("tickets/p2/");
        assertThat(fx.sdk.deleteProperty(fx.p1.property().id())).isTrue();
        assertThat(fx.blobs.list("tickets/p1/")).isEmpty();
        assertThat(fx.blobs.list("tickets/p2/")).isEqualTo(p2Blobs).hasSize(1);
        fx.sdk.createProperty(Property.of("p1", "Again", ZoneOffset.UTC));
        assertThat(repo().get(fx.p1.property().id(), t.id())).isEmpty();
        assertThat(fx.sdk.property("p1").tickets().list(0, 10)).isEmpty();
        assertThat(fx.p2.tickets().get(other.id())).isEqualTo(other);
    }

    @Test
    void attachmentLimitsAreConfigurableAndNameTheFileAndTheLimit() {
        Contacts small = fx.sdkOver(store, b -> b.attachmentLimits(1024, 2048));
        PropertyContacts p1 = small.property("p1");
        assertThatThrownBy(() -> p1.tickets().create(fx.forAda().attach(AttachmentUpload.of("big.bin", null, new byte[1025])).build()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("big.bin").hasMessageContaining("1024")
                .extracting(e -> ((InvalidValueException) e).attribute()).isEqualTo("attachments");
        NewTicket.Builder three = fx.forAda();
        for (int i = 0; i < 3; i++) {
            three.attach(AttachmentUpload.of("part" + i + ".bin", null, new byte[1000]));
        }
        assertThatThrownBy(() -> p1.tickets().create(three.build()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("part2.bin").hasMessageContaining("2048");
        Ticket ok = p1.tickets().create(fx.forAda().attach(AttachmentUpload.of("fits.bin", null, new byte[1024])).build());
        assertThat(p1.tickets().messages(ok.id()).get(0).attachments()).extracting(Attachment::name)
                .containsExactly("invoice.txt", "fits.bin");
        assertThatThrownBy(() -> Contacts.builder().attachmentLimits(0, 10)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Contacts.builder().attachmentLimits(10, 5)).isInstanceOf(InvalidValueException.class);
    }

    /** A refused call, after a setup whose effects are part of the "before" state. */
    private record Case(String name, Class<? extends RuntimeException> expected, Function<TicketFixture, Object> setup,
                        Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run(TicketFixture fixture, Object prepared) throws Throwable;
    }

    @FunctionalInterface
    private interface SimpleAction {
        void run(TicketFixture fixture) throws Throwable;
    }

    private static Case refused(String name, Class<? extends RuntimeException> expected, SimpleAction action) {
        return new Case(name, expected, f -> null, (f, prepared) -> action.run(f));
    }

    private static Case refusedAfter(String name, Class<? extends RuntimeException> expected, Function<TicketFixture, Object> setup,
                                     Action action) {
        return new Case(name, expected, setup, action);
    }

    private static Ticket existing(TicketFixture f) {
        return f.p1.tickets().findByNumber(1).orElseGet(() -> f.p1.tickets().create(f.forAda().build()));
    }

    private static byte[] bytes(long n) {
        return new byte[(int) n];
    }

    private static Stream<Case> cases() {
        long mib = 1024 * 1024;
        return Stream.of(
                refused("unknown contact", NotFoundException.class,
                        f -> f.p1.tickets().create(NewTicket.builder(ContactId.generate(), "x@example.com").subject("s").body("b").build())),
                refused("contact of another property", NotFoundException.class,
                        f -> f.p1.tickets().create(NewTicket.builder(f.base.other.id(), "ada@example.com").subject("s").body("b").build())),
                refused("to-address of another contact", ConflictException.class,
                        f -> f.p1.tickets().create(NewTicket.builder(f.base.ada.id(), "bob@example.com").subject("s").body("b").build())),
                refused("to-address of another contact by fold", ConflictException.class,
                        f -> f.p1.tickets().create(NewTicket.builder(f.base.ada.id(), "BOB@Example.COM").subject("s").body("b").build())),
                refused("to-address that is not an address", InvalidValueException.class,
                        f -> f.p1.tickets().create(NewTicket.builder(f.base.ada.id(), "ada at example").subject("s").body("b").build())),
                refusedAfter("a 101st address on the contact", InvalidValueException.class, f -> {
                    List<String> emails = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        emails.add("many" + i + "@example.com");
                    }
                    return f.p1.contacts().create(AttributeChanges.of(Map.of("emails", emails))).id();
                }, (f, id) -> f.p1.tickets().create(NewTicket.builder((ContactId) id, "one-more@example.com").subject("s").body("b").build())),
                refused("blank subject", InvalidValueException.class, f -> f.p1.tickets().create(f.forAda().subject("  ").build())),
                refused("subject on two lines", InvalidValueException.class, f -> f.p1.tickets().create(f.forAda().subject("a\nb").build())),
                refused("blank body", InvalidValueException.class, f -> f.p1.tickets().create(f.forAda().body(" \n ").build())),
                refused("control character in the body", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().body("a\u0000b").build())),
                refused("body over 64 KiB", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().body("é".repeat(32 * 1024 + 1)).build())),
                refused("file over the default 10 MiB", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().attach(AttachmentUpload.of("huge.iso", null, bytes(10 * mib + 1))).build())),
                refused("files over the default 25 MiB per email", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().attach(AttachmentUpload.of("a.bin", null, bytes(9 * mib)))
                                .attach(AttachmentUpload.of("b.bin", null, bytes(9 * mib)))
                                .attach(AttachmentUpload.of("c.bin", null, bytes(9 * mib))).build())),
                refused("file name with a directory", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().attach(AttachmentUpload.of("../etc/passwd", null, new byte[1])).build())),
                refused("content type that is not a media type", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().attach(AttachmentUpload.of("a.txt", "text", new byte[1])).build())),
                refused("unknown assignee agent", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().assignee(Assignee.agent("mallory")).build())),
                refused("unknown assignee department", InvalidValueException.class,
                        f -> f.p1.tickets().create(f.forAda().assignee(Assignee.department("sales")).build())),
                refused("unknown author", InvalidValueException.class, f -> f.p1.tickets().create(f.forAda().author("mallory").build())),
                refused("unknown ticket on reply", NotFoundException.class,
                        f -> f.p1.tickets().reply(TicketId.generate(), NewMessage.fromAgent("alice", "hi"))),
                refusedAfter("reply to a ticket of another property", NotFoundException.class, TicketTck::existing,
                        (f, t) -> f.p2.tickets().reply(((Ticket) t).id(), NewMessage.fromAgent("alice", "hi"))),
                refusedAfter("reply by an unknown agent", InvalidValueException.class, TicketTck::existing,
                        (f, t) -> f.p1.tickets().reply(((Ticket) t).id(), NewMessage.fromAgent("mallory", "hi"))),
                refusedAfter("reply with a file over the limit", InvalidValueException.class, TicketTck::existing,
                        (f, t) -> f.p1.tickets().reply(((Ticket) t).id(), NewMessage.fromContact("hi",
                                AttachmentUpload.of("huge.iso", null, bytes(10 * mib + 1))))),
                refusedAfter("stale version", ConflictException.class, TicketTck::existing,
                        (f, t) -> f.p1.tickets().update(((Ticket) t).id(), ((Ticket) t).version() + 1, TicketUpdate.status(TicketStatus.CLOSED))),
                refusedAfter("reassign to an unknown agent", InvalidValueException.class, TicketTck::existing,
                        (f, t) -> f.p1.tickets().update(((Ticket) t).id(), ((Ticket) t).version(),
                                TicketUpdate.builder().assignee(Assignee.agent("mallory")).build())),
                refusedAfter("update a ticket of another property", NotFoundException.class, TicketTck::existing,
                        (f, t) -> f.p2.tickets().update(((Ticket) t).id(), ((Ticket) t).version(), TicketUpdate.status(TicketStatus.CLOSED))),
                refused("inbound email of an unknown thread", NotFoundException.class,
                        f -> f.p1.tickets().receiveReply(InboundEmail.builder().messageId("<a@b>").inReplyTo("<unknown@example.org>").body("hi").build())),
                refused("inbound email without threading headers", NotFoundException.class,
                        f -> f.p1.tickets().receiveReply(InboundEmail.builder().messageId("<a@b>").body("hi").build())),
                refusedAfter("inbound email answering a ticket of another property", NotFoundException.class,
                        f -> f.p1.tickets().messages(existing(f).id()).get(0).messageId(),
                        (f, id) -> f.p2.tickets().receiveReply(InboundEmail.builder().messageId("<a@b>").inReplyTo((String) id).body("hi").build())),
                refusedAfter("inbound email with a file over the limit", InvalidValueException.class,
                        f -> f.p1.tickets().messages(existing(f).id()).get(0).messageId(),
                        (f, id) -> f.p1.tickets().receiveReply(new InboundEmail("<a@b>", (String) id, List.of(), null, null, "hi",
                                List.of(AttachmentUpload.of("huge.iso", null, bytes(10 * mib + 1)))))),
                refused("malformed Message-ID", InvalidValueException.class,
                        f -> f.p1.tickets().receiveReply(InboundEmail.builder().messageId("not an id").body("hi").build())),
                refused("page size 0", InvalidValueException.class, f -> f.p1.tickets().list(0, 0))
        );
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputRaisesItsTypedExceptionAndChangesNothing() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Object prepared = c.setup().apply(fx);
            TicketSnapshot before = TicketSnapshot.of(store, fx.blobs);
            int sent = fx.mailer.sent().size();
            assertThatThrownBy(() -> c.action().run(fx, prepared)).as(c.name()).isInstanceOf(c.expected());
            assertThat(TicketSnapshot.of(store, fx.blobs)).as("the store after a refused '" + c.name() + "'").isEqualTo(before);
            assertThat(fx.mailer.sent()).hasSize(sent);
        }));
    }

    @Test
    void aRefusedCreationUsesNoNumber() {
        assertThatThrownBy(() -> fx.p1.tickets().create(NewTicket.builder(fx.base.ada.id(), "bob@example.com").subject("s").body("b")
                .build())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.p1.tickets().create(NewTicket.builder(ContactId.generate(), "z@example.com").subject("s").body("b")
                .build())).isInstanceOf(NotFoundException.class);
        assertThat(fx.p1.tickets().create(fx.forAda().build()).number()).isEqualTo(1);
        Set<Long> numbers = new HashSet<>();
        numbers.add(fx.p1.tickets().create(fx.forAda().build()).number());
        assertThat(numbers).containsExactly(2L);
    }
}
