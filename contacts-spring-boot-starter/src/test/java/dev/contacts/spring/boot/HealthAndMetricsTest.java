package dev.contacts.spring.boot;

import dev.contacts.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.Contacts;
import dev.contacts.filter.Filter;
import dev.contacts.host.Mailer;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import dev.contacts.query.Query;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code contacts} health indicator (store reachable, outbox backlog, oldest pending email)
 * and the Micrometer meters (operations timed, emails counted), tagged by operation and store
 * only.
 */
class HealthAndMetricsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-02T03:04:05Z"));
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ContactsAutoConfiguration.class, ContactsEmailAutoConfiguration.class))
            .withBean(MutableClock.class, () -> clock)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("contacts.email.dispatch-interval=1h");

    private static dev.contacts.PropertyContacts acme(Contacts contacts) {
        contacts.createPropertyIfAbsent(Property.of("acme", "ACME", ZoneId.of("UTC")));
        return contacts.property("acme");
    }

    @Test
    void healthShowsTheStoreTheOutboxBacklogAndTheOldestPendingEmailAge() {
        runner.run(context -> {
            HealthIndicator health = context.getBean("contactsHealthIndicator", HealthIndicator.class);
            Health empty = health.health();
            assertThat(empty.getStatus()).isEqualTo(Status.UP);
            assertThat(empty.getDetails()).containsEntry("store", "InMemoryStore").containsEntry("outboxBacklog", 0L)
                    .doesNotContainKey("oldestPendingEmailAge");

            var acme = acme(context.getBean(Contacts.class));
            var ada = acme.contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().build()).contact();
            for (int i = 0; i < 2; i++) {
                acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("S" + i).body("B").build());
            }
            clock.advance(Duration.ofMinutes(5));

            Health waiting = health.health();
            assertThat(waiting.getStatus()).isEqualTo(Status.UP);
            assertThat(waiting.getDetails()).containsEntry("properties", 1).containsEntry("outboxBacklog", 2L)
                    .containsEntry("outboxBacklogCapped", false).containsEntry("oldestPendingEmailAge", "PT5M");
            assertThat(waiting.getDetails().toString()).doesNotContain("ada@example.com", "acme");

            context.getBean(Contacts.class).close();
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("error");
        });
    }

    @Test
    void operationsAreTimedAndEmailsCountedTaggedByOperationAndStoreOnly() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        Mailer mailer = email -> {
            if (refuse.get()) {
                throw new IllegalStateException("SMTP down");
            }
        };
        runner.withBean(Mailer.class, () -> mailer).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            var acme = acme(context.getBean(Contacts.class));
            var ada = acme.contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().build()).contact();
            acme.contacts().upsertByEmail("bob@example.com", AttributeChanges.builder().build());
            acme.contacts().find(Query.all());
            acme.contacts().count(Filter.all());
            acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("S").body("B").build());

            assertThat(timer(registry, "upsert", "success")).isEqualTo(2);
            assertThat(timer(registry, "find", "success")).isEqualTo(1);
            assertThat(timer(registry, "count", "success")).isEqualTo(1);

            EmailDispatchScheduler scheduler = context.getBean(EmailDispatchScheduler.class);
            scheduler.dispatchOnce(); // refused: a retry is scheduled
            refuse.set(false);
            clock.advance(Duration.ofDays(1));
            scheduler.dispatchOnce();
            assertThat(registry.get(ContactsMetrics.EMAILS).tags("outcome", "retried", "store", "InMemoryStore").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get(ContactsMetrics.EMAILS).tags("outcome", "sent").counter().count()).isEqualTo(1.0);
            assertThat(registry.get(ContactsMetrics.EMAILS).tags("outcome", "failed").counter().count()).isZero();

            for (Meter meter : registry.getMeters()) {
                if (meter.getId().getName().startsWith("contacts.")) {
                    assertThat(meter.getId().getTags()).extracting(Tag::getKey)
                            .isSubsetOf("operation", "store", "outcome");
                    assertThat(meter.getId().getTags().toString()).doesNotContain("ada@", "bob@", "acme");
                }
            }
        });
    }

    private static long timer(MeterRegistry registry, String operation, String outcome) {
        return registry.get(ContactsMetrics.OPERATIONS).tags("operation", operation, "outcome", outcome, "store", "InMemoryStore")
                .timer().count();
    }
}
