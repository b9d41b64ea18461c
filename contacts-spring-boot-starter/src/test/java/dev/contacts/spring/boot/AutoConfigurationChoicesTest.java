package dev.contacts.spring.boot;

import dev.contacts.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.contacts.Contacts;
import dev.contacts.InvalidValueException;
import dev.contacts.host.BlobStore;
import dev.contacts.host.Directory;
import dev.contacts.host.Mailer;
import dev.contacts.host.Telephony;
import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.Assignee;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.NewTicket;
import dev.contacts.model.OutboundEmail;
import dev.contacts.model.Property;
import dev.contacts.spi.ContactStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Which beans the starter makes, and that it backs off for the application's own: the
 * in-memory fallback with its warning, the application's store and SDK kept, its host services
 * (directory, telephony, mailer, blob store, clock) handed to the SDK, and the email dispatch
 * only when there is a mailer and it is enabled.
 */
class AutoConfigurationChoicesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ContactsAutoConfiguration.class, ContactsEmailAutoConfiguration.class));

    private static Contacts withProperty(Contacts contacts) {
        contacts.createPropertyIfAbsent(Property.of("acme", "ACME", ZoneId.of("UTC")));
        return contacts;
    }

    @Test
    void withoutJpaOrMongoTheInMemoryStoreWithAWarning() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ContactsAutoConfiguration.class);
        logger.addAppender(log);
        try {
            runner.run(context -> {
                assertThat(context).hasSingleBean(Contacts.class);
                assertThat(context.getBean(ContactStore.class)).isInstanceOf(InMemoryStore.class);
                assertThat(context).doesNotHaveBean(EmailDispatchScheduler.class); // no mailer
            });
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("in-memory store").contains("lost when the application stops");
        });
    }

    @Test
    void theApplicationsOwnStoreWins() {
        InMemoryStore own = new InMemoryStore();
        runner.withBean("myStore", ContactStore.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(ContactStore.class);
            assertThat(context.getBean(ContactStore.class)).isSameAs(own);
            withProperty(context.getBean(Contacts.class));
            assertThat(own.properties().list()).hasSize(1); // the SDK bean writes to it
        });
    }

    @Test
    void theApplicationsOwnContactsWins() {
        Contacts own = Contacts.builder().store(new InMemoryStore()).build();
        runner.withBean("myContacts", Contacts.class, () -> own).run(context ->
                assertThat(context.getBean(Contacts.class)).isSameAs(own));
    }

    @Test
    void theApplicationsClockTelephonyAndDirectoryAreHandedToTheSdk() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-02T03:04:05Z"));
        Telephony telephony = (contact, phone, agent) -> "call-" + agent;
        Directory directory = new Directory() {
            @Override
            public boolean agentExists(String agentId) {
                return agentId.equals("alice");
            }

            @Override
            public boolean departmentExists(String departmentId) {
                return false;
            }
        };
        runner.withBean(MutableClock.class, () -> clock).withBean(Telephony.class, () -> telephony)
                .withBean(Directory.class, () -> directory).run(context -> {
                    Contacts contacts = withProperty(context.getBean(Contacts.class));
                    assertThat(contacts.clock()).isSameAs(clock);
                    var acme = contacts.property("acme");
                    var ada = acme.contacts().upsertByEmail("ada@example.com",
                            AttributeChanges.builder().set("name", "Ada").set("phones", List.of("+33 1 23 45 67 89")).build()).contact();
                    assertThat(ada.created()).isEqualTo(clock.instant());
                    assertThat(acme.calls().call(ada.id(), "+33 1 23 45 67 89", "alice")).isEqualTo("call-alice");
                    assertThatThrownBy(() -> acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com")
                            .subject("Hi").body("Hello").assignee(Assignee.agent("bob")).build()))
                            .isInstanceOf(InvalidValueException.class);
                });
    }

    @Test
    void theApplicationsBlobStoreAndMailerAreHandedToTheSdkAndTheOutboxIsDispatched() {
        Map<String, byte[]> blobs = new ConcurrentHashMap<>();
        BlobStore blobStore = new BlobStore() {
            @Override
            public void put(String key, byte[] bytes) {
                blobs.put(key, bytes);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return Optional.ofNullable(blobs.get(key));
            }

            @Override
            public boolean delete(String key) {
                return blobs.remove(key) != null;
            }

            @Override
            public List<String> list(String prefix) {
                return blobs.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            }
        };
        List<OutboundEmail> sent = new CopyOnWriteArrayList<>();
        Mailer mailer = sent::add;
        runner.withBean(BlobStore.class, () -> blobStore).withBean(Mailer.class, () -> mailer)
                .withPropertyValues("contacts.email.dispatch-interval=1h").run(context -> {
                    var acme = withProperty(context.getBean(Contacts.class)).property("acme");
                    var ada = acme.contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().build()).contact();
                    acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("Invoice").body("Attached")
                            .attach(AttachmentUpload.of("invoice.txt", "text/plain", "42 EUR".getBytes(StandardCharsets.UTF_8)))
                            .build());
                    assertThat(blobs).hasSize(1);

                    EmailDispatchScheduler scheduler = context.getBean(EmailDispatchScheduler.class);
                    assertThat(scheduler.isRunning()).isTrue();
                    assertThat(scheduler.interval()).hasHours(1);
                    assertThat(scheduler.dispatchOnce().sent()).isEqualTo(1);
                    assertThat(sent).singleElement().satisfies(email ->
                            assertThat(email.attachments().get(0).bytes()).asString(StandardCharsets.UTF_8).isEqualTo("42 EUR"));
                });
    }

    @Test
    void noScheduledDispatchWhenDisabled() {
        Mailer mailer = email -> {
        };
        runner.withBean(Mailer.class, () -> mailer).withPropertyValues("contacts.email.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmailDispatchScheduler.class));
    }
}
