package dev.contacts.internal;

import dev.contacts.EmailRetryPolicy;
import dev.contacts.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ticket and email settings given to {@code Contacts.builder()}.
 *
 * @param maxFileBytes    most bytes of one attachment
 * @param maxEmailBytes   most bytes of all attachments of one message (a new ticket's first email, or one reply)
 * @param retry           how failed sends are retried
 * @param messageIdDomain the right-hand part of the Message-IDs the SDK generates
 */
public record TicketSettings(long maxFileBytes, long maxEmailBytes, EmailRetryPolicy retry, String messageIdDomain) {
    // before DEFAULT, which the constructor validates with it
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    /** 10 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** 25 MiB. */
    public static final long DEFAULT_MAX_EMAIL_BYTES = 25L * 1024 * 1024;
    /** The default Message-ID domain (a reserved name: hosts should give their own). */
    public static final String DEFAULT_DOMAIN = "contacts.invalid";
    /** The defaults. */
    public static final TicketSettings DEFAULT =
            new TicketSettings(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_EMAIL_BYTES, EmailRetryPolicy.DEFAULT, DEFAULT_DOMAIN);

    /**
     * Validates the settings.
     *
     * @param maxFileBytes    most bytes of one attachment
     * @param maxEmailBytes   most bytes of all attachments of one message (a new ticket's first email, or one reply)
     * @param retry           how failed sends are retried
     * @param messageIdDomain the right-hand part of the Message-IDs the SDK generates
     * @throws InvalidValueException naming the setting that is out of range
     */
    public TicketSettings {
        if (maxFileBytes < 1) {
            throw new InvalidValueException("maxFileBytes", maxFileBytes + " is not a positive size");
        }
        if (maxEmailBytes < maxFileBytes) {
            throw new InvalidValueException("maxEmailBytes", maxEmailBytes + " is smaller than the limit per file " + maxFileBytes);
        }
        Objects.requireNonNull(retry, "retry");
        if (messageIdDomain == null || messageIdDomain.length() > 253 || !DOMAIN.matcher(messageIdDomain).matches()) {
            throw new InvalidValueException("messageIdDomain", "'" + messageIdDomain + "' is not a domain name such as help.example.com");
        }
    }
}
