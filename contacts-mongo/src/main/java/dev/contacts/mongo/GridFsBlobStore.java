package dev.contacts.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import dev.contacts.host.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket attachments in MongoDB: the blob store of {@link MongoStore#blobStore()}, which
 * {@code Contacts.builder().build()} uses unless the host gives another; contents up
 * to a threshold (256 KiB by default) are one document of the {@code blobs} collection
 * ({@code _id} = the key), larger ones go to the GridFS bucket {@code attachments} (chunks
 * of 255 KiB, so no document approaches the 16 MiB limit), named by their key.
 *
 * <pre>{@code
 * Contacts contacts = Contacts.builder().store(MongoStore.create(client, "helpdesk")).build();  // attachments in GridFS of "helpdesk"
 * Contacts contacts = Contacts.builder().store(MongoStore.create(client, "helpdesk"))
 *         .blobStore(GridFsBlobStore.create(client.getDatabase("files"))).build();               // or in another database
 * }</pre>
 *
 * <p>Keys are matched by range, never by a pattern: {@link #list} finds keys {@code >=
 * prefix} and below the prefix followed by the highest character. The SDK writes a key
 * once; a second put of a key that exists changes nothing, as {@link BlobStore} allows.
 * Thread-safe (the driver's collections are).
 */
public final class GridFsBlobStore implements BlobStore {
    /** Contents up to this many bytes are stored inline by default. */
    public static final int DEFAULT_INLINE_LIMIT = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(GridFsBlobStore.class);
    private static final String DATA = "data";

    private final MongoCollection<Document> inline;
    private final GridFSBucket bucket;
    private final int inlineLimit;

    private GridFsBlobStore(MongoDatabase db, int inlineLimit) {
        this.inline = db.getCollection("blobs");
        this.bucket = GridFSBuckets.create(db, "attachments");
        this.inlineLimit = inlineLimit;
    }

    /**
     * @param db the database (the same as the store's, or another)
     * @return a blob store with the default inline limit
     */
    public static GridFsBlobStore create(MongoDatabase db) {
        return create(db, DEFAULT_INLINE_LIMIT);
    }

    /**
     * @param db          the database
     * @param inlineLimit contents up to this many bytes are stored inline, larger ones in GridFS (0 .. 8 MiB)
     * @return a blob store
     */
    public static GridFsBlobStore create(MongoDatabase db, int inlineLimit) {
        Objects.requireNonNull(db, "db");
        if (inlineLimit < 0 || inlineLimit > 8 * 1024 * 1024) {
            throw new IllegalArgumentException("inlineLimit must be between 0 and 8 MiB (a document holds at most 16 MiB), not "
                    + inlineLimit);
        }
        return new GridFsBlobStore(db, inlineLimit);
    }

    @Override
    public void put(String key, byte[] bytes) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length <= inlineLimit) {
            inline.replaceOne(Filters.eq("_id", key), new Document("_id", key).append(DATA, new Binary(bytes)),
                    new ReplaceOptions().upsert(true));
        } else if (file(key) == null) {
            bucket.uploadFromStream(key, new ByteArrayInputStream(bytes));
            LOG.debug("stored {} ({} bytes) in GridFS", key, bytes.length);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Objects.requireNonNull(key, "key");
        Document small = inline.find(Filters.eq("_id", key)).first();
        if (small != null) {
            return Optional.of(small.get(DATA, Binary.class).getData());
        }
        GridFSFile file = file(key);
        if (file == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(file.getLength(), Integer.MAX_VALUE));
        bucket.downloadToStream(file.getObjectId(), out);
        return Optional.of(out.toByteArray());
    }

    @Override
    public boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        boolean deleted = inline.deleteOne(Filters.eq("_id", key)).getDeletedCount() > 0;
        List<ObjectId> files = new ArrayList<>();
        bucket.find(Filters.eq("filename", key)).forEach(f -> files.add(f.getObjectId()));
        for (ObjectId id : files) {
            bucket.delete(id);
            deleted = true;
        }
        return deleted;
    }

    @Override
    public List<String> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<String> keys = new ArrayList<>();
        inline.find(range("_id", prefix)).projection(Projections.include("_id")).forEach(d -> keys.add(d.getString("_id")));
        bucket.find(range("filename", prefix)).forEach(f -> {
            if (!keys.contains(f.getFilename())) {
                keys.add(f.getFilename());
            }
        });
        return keys;
    }

    private GridFSFile file(String key) {
        return bucket.find(Filters.eq("filename", key)).first();
    }

    /** Keys starting with the prefix, as a range (index-friendly, and no pattern syntax to escape). */
    private static Bson range(String field, String prefix) {
        return Filters.and(Filters.gte(field, prefix), Filters.lt(field, prefix + Character.MAX_VALUE));
    }
}
