package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.Arrays;

/**
 * A file to attach to a new ticket or a reply: name, content type and bytes. The SDK
 * stores the bytes in the host's {@link dev.contacts.host.BlobStore} and refuses files
 * over the limits set on {@code Contacts.builder().attachmentLimits(...)}. The array is
 * copied in and out, so the value is immutable.
 *
 * @param name        the file name, without a directory, at most 255 characters
 * @param contentType the media type (e.g. {@code application/pdf}); null or blank means {@code application/octet-stream}
 * @param bytes       the content (may be empty)
 */
public record AttachmentUpload(String name, String contentType, byte[] bytes) {
    /**
     * Validates and copies.
     *
     * @param name        the file name, without a directory, at most 255 characters
     * @param contentType the media type (e.g. {@code application/pdf}); null or blank means {@code application/octet-stream}
     * @param bytes       the content (may be empty)
     * @throws InvalidValueException naming {@code attachments} when the name, type or content is missing or invalid
     */
    public AttachmentUpload {
        name = Attachment.fileName(name);
        contentType = Attachment.contentType(name, contentType);
        if (bytes == null) {
            throw new InvalidValueException("attachments", "'" + name + "' has no content (give an empty array for an empty file)");
        }
        bytes = bytes.clone();
    }

    /**
     * @param name        the file name
     * @param contentType the media type, or null for {@code application/octet-stream}
     * @param bytes       the content
     * @return the upload
     */
    public static AttachmentUpload of(String name, String contentType, byte[] bytes) {
        return new AttachmentUpload(name, contentType, bytes);
    }

    /** @return a copy of the content */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size in bytes */
    public long size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachmentUpload && ((AttachmentUpload) o).name.equals(name)
                && ((AttachmentUpload) o).contentType.equals(contentType) && Arrays.equals(((AttachmentUpload) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + contentType.hashCode()) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AttachmentUpload[" + name + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
