package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file attached to a ticket message, as stored: its name, content type, size and the
 * key of its bytes in the host's {@link dev.contacts.host.BlobStore}. Read the bytes with
 * {@code TicketService.attachment(ticket, attachment)}.
 *
 * @param name        the file name, without a directory, at most 255 characters
 * @param contentType the media type, lower case (e.g. {@code application/pdf})
 * @param size        the size in bytes
 * @param blobKey     the key of the bytes in the blob store
 */
public record Attachment(String name, String contentType, long size, String blobKey) {
    /** Most code points of a file name. */
    public static final int MAX_NAME = 255;
    /** The content type of files given without one. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final Pattern CONTENT_TYPE = Pattern.compile(
            "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\\s*;\\s*[a-z0-9!#$&^_.+-]+=(\"[^\"]*\"|[^;\\s\"]+))*");

    /**
     * Validates every component.
     *
     * @param name        the file name, without a directory, at most 255 characters
     * @param contentType the media type, lower case (e.g. {@code application/pdf})
     * @param size        the size in bytes
     * @param blobKey     the key of the bytes in the blob store
     * @throws InvalidValueException naming {@code attachments} when a component is invalid
     */
    public Attachment {
        name = fileName(name);
        contentType = contentType(name, contentType);
        if (size < 0) {
            throw new InvalidValueException("attachments", "'" + name + "' has a negative size");
        }
        if (blobKey == null || blobKey.isBlank()) {
            throw new InvalidValueException("attachments", "'" + name + "' has no blob key");
        }
    }

    /** The normal form of a file name: TEXT, at most 255 characters, no directory. */
    static String fileName(String name) {
        String normal = Values.text("attachments", name);
        if (normal == null) {
            throw new InvalidValueException("attachments", "an attachment needs a file name");
        }
        if (normal.codePointCount(0, normal.length()) > MAX_NAME) {
            throw new InvalidValueException("attachments", "the file name '" + normal.substring(0, normal.offsetByCodePoints(0, 40)) + "…' is longer than "
                    + MAX_NAME + " characters");
        }
        if (normal.indexOf('/') >= 0 || normal.indexOf('\\') >= 0 || normal.indexOf('\n') >= 0 || normal.indexOf('\r') >= 0) {
            throw new InvalidValueException("attachments", "the file name '" + normal + "' must not contain a directory or a line break");
        }
        return normal;
    }

    /** The normal form of a media type: lower case {@code type/subtype}, parameters allowed; blank means octet-stream. */
    static String contentType(String fileName, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return DEFAULT_CONTENT_TYPE;
        }
        String normal = contentType.strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPE.matcher(normal).matches()) {
            throw new InvalidValueException("attachments", "'" + contentType + "' of file '" + fileName
                    + "' is not a media type such as application/pdf");
        }
        return normal;
    }
}
