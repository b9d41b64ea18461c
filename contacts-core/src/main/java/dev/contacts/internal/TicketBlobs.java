package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.StoreException;
import dev.contacts.host.BlobStore;
import dev.contacts.model.Attachment;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.PropertyId;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.spi.TicketRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachments of ticket messages in the host's {@link BlobStore}: limits, keys, the
 * put that comes before the store write, and the clean-up of blobs whose message was never
 * stored.
 *
 * <p>Blobs are written before the message that refers to them, so a message never points
 * to missing bytes. If the store write then fails, the blobs are deleted at once when a
 * read shows the message absent; if the process dies in between, {@link #sweep} deletes
 * them later. Keys are {@code tickets/<property>/<ticket>/<message>/<created millis>-<n>}:
 * the property and message let the sweep find the owner, the time lets it spare the blobs
 * of a creation still in progress.
 */
public final class TicketBlobs {
    private static final Logger LOG = LoggerFactory.getLogger(TicketBlobs.class);
    /** The start of every key: each is {@code tickets/<property>/…}. */
    public static final String ROOT = "tickets/";

    private TicketBlobs() {
    }

    /**
     * @param property a property
     * @return the prefix of every blob key of its tickets
     */
    public static String prefix(PropertyId property) {
        return ROOT + property + "/";
    }

    /**
     * @param key a blob key
     * @return the property whose attachment it is ({@code tickets/<property>/…}), or empty when the key is not of that form
     */
    public static Optional<PropertyId> propertyOf(String key) {
        int end = key.startsWith(ROOT) ? key.indexOf('/', ROOT.length()) : -1;
        if (end < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(PropertyId.of(key.substring(ROOT.length(), end)));
        } catch (InvalidValueException notAPropertyId) {
            return Optional.empty();
        }
    }

    /**
     * Refuses files over the limits, before anything is written.
     *
     * @param settings the limits
     * @param uploads  the files of one message
     * @throws InvalidValueException naming {@code attachments}, the file and the limit
     */
    public static void checkLimits(TicketSettings settings, List<AttachmentUpload> uploads) {
        long total = 0;
        for (AttachmentUpload file : uploads) {
            if (file.size() > settings.maxFileBytes()) {
                throw new InvalidValueException("attachments", "'" + file.name() + "' is " + file.size()
                        + " bytes, over the limit of " + settings.maxFileBytes() + " bytes per file "
                        + "(see Contacts.builder().attachmentLimits(...))");
            }
            total += file.size();
            if (total > settings.maxEmailBytes()) {
                throw new InvalidValueException("attachments", "with '" + file.name() + "' the files of this message are " + total
                        + " bytes, over the limit of " + settings.maxEmailBytes() + " bytes per email "
                        + "(see Contacts.builder().attachmentLimits(...))");
            }
        }
    }

    /**
     * Puts the files of a new message; on a failure deletes those already put.
     *
     * @param blobs    the blob store
     * @param property the property
     * @param ticket   the ticket
     * @param message  the message
     * @param created  the message's creation time
     * @param uploads  the files
     * @return the stored attachments, in order
     * @throws StoreException if the blob store fails
     */
    public static List<Attachment> put(BlobStore blobs, PropertyId property, TicketId ticket, TicketMessageId message,
                                       Instant created, List<AttachmentUpload> uploads) {
        List<Attachment> stored = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            AttachmentUpload file = uploads.get(i);
            String key = prefix(property) + ticket + "/" + message + "/" + created.toEpochMilli() + "-" + i;
            try {
                blobs.put(key, file.bytes());
            } catch (RuntimeException e) {
                delete(blobs, stored);
                throw new StoreException("blobStore.put", e);
            }
            stored.add(new Attachment(file.name(), file.contentType(), file.size(), key));
        }
        return List.copyOf(stored);
    }

    /**
     * After a failed store write: deletes the files if a read shows that the write did not
     * happen; leaves them to {@link #sweep} when that cannot be known.
     *
     * @param blobs   the blob store
     * @param files   the files of the message
     * @param written reads whether the message is stored
     */
    public static void discardUnlessWritten(BlobStore blobs, List<Attachment> files, BooleanSupplier written) {
        if (files.isEmpty()) {
            return;
        }
        boolean present;
        try {
            present = written.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("could not tell whether a failed ticket write happened; its {} attachment(s) are left to Contacts.recover()",
                    files.size(), e);
            return;
        }
        if (!present) {
            delete(blobs, files);
        }
    }

    /**
     * @param blobs the blob store
     * @param files attachments whose bytes to delete; failures are logged, and left to {@link #sweep}
     */
    public static void delete(BlobStore blobs, List<Attachment> files) {
        List<String> keys = new ArrayList<>();
        for (Attachment a : files) {
            keys.add(a.blobKey());
        }
        deleteKeys(blobs, keys);
    }

    /**
     * @param blobs the blob store
     * @param keys  keys to delete; failures are logged, and left to {@link #sweep}
     */
    public static void deleteKeys(BlobStore blobs, List<String> keys) {
        for (String key : keys) {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                LOG.warn("could not delete blob {}; Contacts.recover() will retry", key, e);
            }
        }
    }

    /**
     * Deletes the blobs of ticket messages that do not exist (never stored, deleted, or of a
     * deleted property), if they were created before {@code cutoff}: younger ones may
     * belong to a creation still in progress.
     *
     * @param blobs   the blob store
     * @param tickets the store's tickets
     * @param cutoff  blobs created before it may be deleted
     * @return how many were deleted
     */
    public static long sweep(BlobStore blobs, TicketRepository tickets, Instant cutoff) {
        Map<String, Set<String>> referencedByTicket = new HashMap<>();
        long deleted = 0;
        for (String key : blobs.list(ROOT)) {
            String[] parts = key.split("/");
            if (parts.length != 5) {
                continue;
            }
            long millis;
            PropertyId property;
            TicketId ticket;
            try {
                millis = Long.parseLong(parts[4].substring(0, parts[4].indexOf('-')));
                property = PropertyId.of(parts[1]);
                ticket = TicketId.parse(parts[2]);
            } catch (RuntimeException notOurs) {
                continue;
            }
            if (millis >= cutoff.toEpochMilli()) {
                continue;
            }
            Set<String> referenced = referencedByTicket.computeIfAbsent(parts[1] + "/" + parts[2], k -> {
                Set<String> keys = new HashSet<>();
                for (TicketMessage m : tickets.listMessages(property, ticket)) {
                    m.attachments().forEach(a -> keys.add(a.blobKey()));
                }
                return keys;
            });
            if (!referenced.contains(key)) {
                try {
                    if (blobs.delete(key)) {
                        deleted++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("could not delete orphan blob {}", key, e);
                }
            }
        }
        if (deleted > 0) {
            LOG.info("deleted {} attachment blob(s) whose ticket message does not exist", deleted);
        }
        return deleted;
    }
}
