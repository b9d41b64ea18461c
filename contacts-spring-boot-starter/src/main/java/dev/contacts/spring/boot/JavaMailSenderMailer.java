package dev.contacts.spring.boot;

import dev.contacts.host.Mailer;
import dev.contacts.model.OutboundEmail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The SDK's {@link Mailer} over Spring's {@link JavaMailSender} (the application's SMTP
 * settings, {@code spring.mail.*}). Each ticket email goes out as a UTF-8 plain-text message
 * carrying the SDK's headers unchanged — {@code Message-ID} (the same on every attempt, so a
 * resend can be recognised), {@code In-Reply-To}, {@code References} — with its attachments
 * under their stored names and media types, in base64 so that their bytes arrive unchanged. A failure of the mail server is thrown as a
 * {@link org.springframework.mail.MailException} (a {@code RuntimeException}), which the SDK's
 * dispatcher retries with backoff.
 *
 * <p>Thread-safe when the {@link JavaMailSender} is (Spring Boot's is).
 */
public final class JavaMailSenderMailer implements Mailer {
    private final JavaMailSender sender;
    private final String from;

    /**
     * @param sender the application's mail sender
     * @param from   the From address, or null or blank for the mail session's default
     */
    public JavaMailSenderMailer(JavaMailSender sender, String from) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.from = from == null || from.isBlank() ? null : from.strip();
    }

    @Override
    public void send(OutboundEmail email) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, !email.attachments().isEmpty(),
                    StandardCharsets.UTF_8.name());
            if (from != null) {
                helper.setFrom(from);
            }
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            for (OutboundEmail.AttachedFile file : email.attachments()) {
                helper.addAttachment(file.name(), new ByteArrayResource(file.bytes()), file.contentType());
            }
            if (helper.isMultipart()) {
                keepAttachmentBytes(helper.getRootMimeMultipart());
            }
            // JavaMailSenderImpl keeps a Message-ID set before sending instead of making its own
            message.setHeader("Message-ID", email.messageId());
            if (email.inReplyTo() != null) {
                message.setHeader("In-Reply-To", email.inReplyTo());
            }
            if (!email.references().isEmpty()) {
                message.setHeader("References", String.join(" ", email.references()));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build email " + email.messageId() + " of ticket #"
                    + email.ticketNumber() + ": " + e.getMessage(), e);
        }
        sender.send(message);
    }

    /**
     * Sends every attachment in base64, so that its bytes arrive unchanged: in 7bit or
     * quoted-printable, the line breaks of a text file would become CRLF on the way.
     */
    private static void keepAttachmentBytes(MimeMultipart root) throws MessagingException {
        for (int i = 0; i < root.getCount(); i++) {
            BodyPart part = root.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                part.setHeader("Content-Transfer-Encoding", "base64");
            }
        }
    }

    @Override
    public String toString() {
        return "JavaMailSenderMailer[" + sender + "]";
    }
}
