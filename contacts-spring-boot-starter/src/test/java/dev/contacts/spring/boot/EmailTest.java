package dev.contacts.spring.boot;

import dev.contacts.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.contacts.Contacts;
import dev.contacts.DispatchReport;
import dev.contacts.host.Mailer;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Property;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Ticket emails through Spring's {@code JavaMailSender} to a real SMTP server (GreenMail, in
 * this JVM): the SDK's Message-ID kept, the same on the attempt after a failure, the
 * attachments' names and bytes intact; the dispatcher scheduled by the starter, and stopped
 * with the application context.
 */
class EmailTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-02T03:04:05Z"));
    /** @return a runner whose SMTP server is GreenMail, started by its extension before each test */
    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, ContactsAutoConfiguration.class,
                    ContactsEmailAutoConfiguration.class))
            .withBean(MutableClock.class, () -> clock)
            .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort(),
                    "contacts.email.from=help@acme.example", "contacts.email.message-id-domain=help.acme.example",
                    "contacts.email.dispatch-interval=1h");
    }

    private static dev.contacts.model.Ticket ticketWithTwoFiles(Contacts contacts) {
        contacts.createPropertyIfAbsent(Property.of("acme", "ACME", ZoneId.of("UTC")));
        var acme = contacts.property("acme");
        var ada = acme.contacts().upsertByEmail("ada@example.com", AttributeChanges.builder().build()).contact();
        return acme.tickets().create(NewTicket.builder(ada.id(), "ada@example.com").subject("Your invoice é").body("See attached.")
                .attach(AttachmentUpload.of("invoice.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xFF}))
                .attach(AttachmentUpload.of("notes été.txt", "text/plain", "ligne 1\nligne 2".getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    @Test
    void theSdksMessageIdAndAttachmentsReachTheSmtpServerAndARetryKeepsTheMessageId() {
        runner().run(context -> {
            assertThat(context.getBean(Mailer.class)).isInstanceOf(JavaMailSenderMailer.class);
            Contacts contacts = context.getBean(Contacts.class);
            var ticket = ticketWithTwoFiles(contacts);
            String messageId = contacts.property("acme").tickets().messages(ticket.id()).get(0).messageId();
            assertThat(messageId).endsWith("@help.acme.example>");

            // first attempt: the SMTP server is unreachable
            JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
            sender.setPort(closedPort());
            EmailDispatchScheduler scheduler = context.getBean(EmailDispatchScheduler.class);
            DispatchReport first = scheduler.dispatchOnce();
            assertThat(first.retried()).isEqualTo(1);
            assertThat(first.attempts().get(0).messageId()).isEqualTo(messageId);
            assertThat(SMTP.getReceivedMessages()).isEmpty();

            // the retry, once due, reaches the server with the same Message-ID
            sender.setPort(SMTP.getSmtp().getPort());
            clock.advance(Duration.ofDays(1));
            assertThat(scheduler.dispatchOnce().sent()).isEqualTo(1);

            MimeMessage received = SMTP.getReceivedMessages()[0];
            assertThat(received.getMessageID()).isEqualTo(messageId);
            assertThat(received.getSubject()).isEqualTo("Your invoice é");
            assertThat(received.getFrom()[0].toString()).isEqualTo("help@acme.example");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
            Map<String, byte[]> files = attachments(received);
            assertThat(files).containsOnlyKeys("invoice.pdf", "notes été.txt");
            assertThat(files.get("invoice.pdf")).containsExactly('%', 'P', 'D', 'F', 0, (byte) 0xFF);
            assertThat(new String(files.get("notes été.txt"), StandardCharsets.UTF_8)).isEqualTo("ligne 1\nligne 2");
        });
    }

    @Test
    void theDispatcherRunsOnItsScheduleAndNoMoreOnceTheContextIsClosed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
        runner().withPropertyValues("contacts.email.dispatch-interval=50ms")
                .withBean("countingObserver", ContactsAutoConfiguration.DispatchObserver.class,
                        () -> report -> runs.incrementAndGet())
                .run(context -> {
                    ticketWithTwoFiles(context.getBean(Contacts.class));
                    assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("the scheduled dispatch sent the email").isTrue();
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (runs.get() < 3 && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(runs.get()).as("dispatch runs").isGreaterThanOrEqualTo(3);
                    closed[0] = context.getSourceApplicationContext();
                });
        assertThat(closed[0].isActive()).isFalse();
        int atClose = runs.get();
        Thread.sleep(300);
        assertThat(runs.get()).as("dispatch runs after the context closed").isEqualTo(atClose);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("contacts-email-"));
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    files.put(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()), out.toByteArray());
                }
            }
        }
        return files;
    }
}
