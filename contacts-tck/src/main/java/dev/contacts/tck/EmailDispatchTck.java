package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.DispatchReport;
import dev.contacts.EmailDispatcher;
import dev.contacts.EmailRetryPolicy;
import dev.contacts.NotConfiguredException;
import dev.contacts.host.Mailer;
import dev.contacts.model.Delivery;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.OutboundEmail;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketMessage;
import dev.contacts.spi.ContactStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Delivery of ticket emails through the outbox: the dispatcher sends due emails through
 * the host's mailer with the headers fixed at creation, marks them sent, retries refused
 * sends with exponential backoff, gives up after the last attempt, resends an email whose
 * send was interrupted with the same Message-ID once its claim expires, and never lets two
 * concurrent dispatchers send the same attempt. A store runs it by extending this class.
 */
public abstract class EmailDispatchTck extends TicketFixtureTck {
    private static final EmailRetryPolicy POLICY =
            new EmailRetryPolicy(4, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(5));

    @Override
    TicketFixture createFixture(ContactStore store) {
        return new TicketFixture(store, b -> b.emailRetry(POLICY));
    }

    private PropertyId p1() {
        return fx.p1.property().id();
    }

    private TicketMessage stored(Ticket t, int index) {
        return fx.p1.tickets().messages(t.id()).get(index);
    }

    @Test
    void withoutAMailerEmailsWaitInTheOutboxAndRunOnceIsRefused() {
        Contacts noMail = Contacts.builder().store(store).clock(fx.clock).blobStore(fx.blobs).build();
        Ticket t = noMail.property("p1").tickets().create(fx.forAda().author(null).assignee(null).build());
        assertThat(store.tickets().listDueEmails(p1(), fx.clock.instant(), 10)).hasSize(1);
        assertThatThrownBy(() -> noMail.emailDispatcher().runOnce()).isInstanceOf(NotConfiguredException.class)
                .hasMessageContaining("Contacts.builder().mailer(");
        assertThat(stored(t, 0).delivery()).isEqualTo(Delivery.pending(TckFixture.NOW));
        assertThat(fx.sdk.emailDispatcher().runOnce().sent()).as("a configured dispatcher sends what waited").isEqualTo(1);
    }

    @Test
    void dueEmailsAreSentWithTheHeadersFixedAtCreationAndMarkedSent() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        TicketMessage first = stored(t, 0);
        fx.clock.advance(Duration.ofSeconds(30));
        TicketMessage reply = fx.p1.tickets().reply(t.id(), NewMessage.fromAgent("carol", "Follow-up"));
        fx.p1.tickets().reply(t.id(), NewMessage.fromContact("not emailed"));
        fx.clock.advance(Duration.ofSeconds(30));

        DispatchReport report = fx.sdk.emailDispatcher().runOnce();
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.attempts()).extracting(DispatchReport.Attempt::messageId).containsExactly(first.messageId(), reply.messageId());
        assertThat(report.attempts()).extracting(DispatchReport.Attempt::attempt).containsExactly(1, 1);
        List<RecordingMailer.Sent> sent = fx.mailer.sent();
        assertThat(sent).hasSize(2);
        OutboundEmail e1 = sent.get(0).email();
        assertThat(e1.property()).isEqualTo(p1());
        assertThat(e1.ticket()).isEqualTo(t.id());
        assertThat(e1.ticketNumber()).isEqualTo(1);
        assertThat(e1.message()).isEqualTo(first.id());
        assertThat(e1.messageId()).isEqualTo(first.messageId());
        assertThat(e1.inReplyTo()).isNull();
        assertThat(e1.references()).isEmpty();
        assertThat(e1.to()).isEqualTo("ada@example.com");
        assertThat(e1.subject()).isEqualTo("Your invoice");
        assertThat(e1.body()).isEqualTo("Hello Ada,\nhere it is.");
        assertThat(e1.attempt()).isEqualTo(1);
        assertThat(e1.attachments()).extracting(OutboundEmail.AttachedFile::name).containsExactly("invoice.txt");
        assertThat(new String(sent.get(0).attachments().get(0), StandardCharsets.UTF_8)).isEqualTo("total: 42 EUR");
        OutboundEmail e2 = sent.get(1).email();
        assertThat(e2.messageId()).isEqualTo(reply.messageId());
        assertThat(e2.inReplyTo()).isEqualTo(first.messageId());
        assertThat(e2.references()).containsExactly(first.messageId());
        assertThat(e2.subject()).isEqualTo("Re: Your invoice");

        assertThat(stored(t, 0).delivery()).isEqualTo(new Delivery(Delivery.Status.SENT, 1, null, fx.clock.instant(), null));
        assertThat(stored(t, 1).delivery().status()).isEqualTo(Delivery.Status.SENT);
        assertThat(store.tickets().listDueEmails(p1(), fx.clock.instant().plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(fx.sdk.emailDispatcher().runOnce().attempts()).as("nothing left").isEmpty();
        assertThat(fx.mailer.sent()).hasSize(2);
    }

    @Test
    void refusedSendsAreRetriedWithExponentialBackoffThenMarkedFailed() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        String messageId = stored(t, 0).messageId();
        fx.mailer.refuseNext(100);
        EmailDispatcher dispatcher = fx.sdk.emailDispatcher();
        Instant start = fx.clock.instant();
        List<Duration> expectedDelays = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3));
        for (int attempt = 1; attempt <= 3; attempt++) {
            DispatchReport report = dispatcher.runOnce();
            assertThat(report.attempts()).hasSize(1);
            DispatchReport.Attempt a = report.attempts().get(0);
            Instant next = fx.clock.instant().plus(expectedDelays.get(attempt - 1));
            assertThat(a.attempt()).isEqualTo(attempt);
            assertThat(a.outcome()).isEqualTo(DispatchReport.Outcome.RETRY_SCHEDULED);
            assertThat(a.nextAttempt()).as("attempt " + attempt + " is retried after min(3 min, 1 min × 2^(n-1))").isEqualTo(next);
            assertThat(a.error()).contains("SMTP 451");
            Delivery d = stored(t, 0).delivery();
            assertThat(d).isEqualTo(new Delivery(Delivery.Status.PENDING, attempt, next, null, a.error()));

            fx.clock.set(next.minusMillis(1));
            assertThat(dispatcher.runOnce().attempts()).as("not due before its time").isEmpty();
            fx.clock.set(next);
        }
        DispatchReport last = dispatcher.runOnce();
        assertThat(last.failed()).isEqualTo(1);
        assertThat(last.attempts().get(0).attempt()).isEqualTo(4);
        Delivery failed = stored(t, 0).delivery();
        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastError()).contains("SMTP 451");
        fx.clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.runOnce().attempts()).as("a failed email is not retried").isEmpty();
        assertThat(fx.mailer.attempted()).hasSize(4).allSatisfy(e -> assertThat(e.messageId()).isEqualTo(messageId));
        assertThat(fx.mailer.attempted()).extracting(OutboundEmail::attempt).containsExactly(1, 2, 3, 4);
        assertThat(fx.mailer.sent()).isEmpty();
        assertThat(Duration.between(start, fx.clock.instant())).isPositive();
    }

    @Test
    void aRetryAfterARefusalCarriesTheSameMessageId() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        fx.mailer.refuseNext(1);
        assertThat(fx.sdk.emailDispatcher().runOnce().retried()).isEqualTo(1);
        fx.clock.advance(Duration.ofMinutes(1));
        DispatchReport report = fx.sdk.emailDispatcher().runOnce();
        assertThat(report.sent()).isEqualTo(1);
        assertThat(fx.mailer.attempted()).hasSize(2);
        assertThat(fx.mailer.attempted().get(1).messageId()).isEqualTo(fx.mailer.attempted().get(0).messageId())
                .isEqualTo(stored(t, 0).messageId());
        Delivery d = stored(t, 0).delivery();
        assertThat(d.status()).isEqualTo(Delivery.Status.SENT);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.lastError()).isNull();
    }

    @Test
    void aSendInterruptedBeforeItIsMarkedIsResentWithTheSameMessageIdWhenItsClaimExpires() {
        Ticket t = fx.p1.tickets().create(fx.forAda().build());
        Mailer dyingAfterSend = email -> {
            fx.mailer.send(email);
            throw new FaultInjectingStore.SimulatedCrash("the host died after the email left");
        };
        Contacts dying = fx.sdkOver(store, b -> b.emailRetry(POLICY).mailer(dyingAfterSend));
        assertThatThrownBy(() -> dying.emailDispatcher().runOnce()).isInstanceOf(FaultInjectingStore.SimulatedCrash.class);
        assertThat(fx.mailer.sent()).hasSize(1);

        fx.clock.advance(POLICY.claimTimeout().minusMillis(1));
        assertThat(fx.sdk.emailDispatcher().runOnce().attempts()).as("claimed until the claim expires").isEmpty();
        fx.clock.advance(Duration.ofMillis(1));
        DispatchReport report = fx.sdk.emailDispatcher().runOnce();
        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.attempts().get(0).attempt()).isEqualTo(2);
        Map<String, List<OutboundEmail>> byId = fx.mailer.byMessageId();
        assertThat(byId).containsOnlyKeys(stored(t, 0).messageId());
        List<OutboundEmail> copies = byId.get(stored(t, 0).messageId());
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1)).usingRecursiveComparison().ignoringFields("attempt", "attachments").isEqualTo(copies.get(0));
        assertThat(stored(t, 0).delivery().status()).isEqualTo(Delivery.Status.SENT);
    }

    @Test
    void concurrentDispatchersSendEachEmailOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            fx.p1.tickets().create(NewTicket.builder(fx.base.bob.id(), "bob@example.com").subject("s" + i).body("b").build());
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<DispatchReport> reports = new ArrayList<>();
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<DispatchReport>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Contacts instance = fx.sdkOver(store, b -> b.emailRetry(POLICY));
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return instance.emailDispatcher().runOnce();
                }));
            }
            for (Future<DispatchReport> f : futures) {
                reports.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(reports.stream().mapToLong(DispatchReport::sent).sum()).isEqualTo(40);
        assertThat(fx.mailer.sent()).hasSize(40);
        assertThat(fx.mailer.byMessageId()).hasSize(40);
    }

    @Test
    void theEmailsOfEveryPropertyAreSent() {
        fx.p1.tickets().create(fx.forAda().build());
        fx.p2.tickets().create(NewTicket.builder(fx.base.other.id(), "ada@example.com").subject("p2").body("b").build());
        DispatchReport report = fx.sdk.emailDispatcher().runOnce();
        assertThat(report.attempts()).extracting(a -> a.property().value()).containsExactlyInAnyOrder("p1", "p2");
        assertThat(fx.mailer.sent()).extracting(s -> s.email().ticketNumber()).containsExactly(1L, 1L);
    }
}
