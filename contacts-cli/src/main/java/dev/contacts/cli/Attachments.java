package dev.contacts.cli;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.contacts.host.BlobStore;
import dev.contacts.mongo.GridFsBlobStore;
import java.nio.file.Path;

/**
 * Where the tool keeps ticket attachments for a store URL: with MongoDB in GridFS beside the
 * data, with an H2 file in a directory beside it, with a database server in
 * {@code ./contacts-blobs}, and in memory for stores that forget everything after the command.
 * {@code --blobs DIR} chooses a directory instead.
 *
 * @param store  the blob store, or null for the SDK's in-memory default
 * @param closer releases what was opened for it
 */
record Attachments(BlobStore store, AutoCloseable closer) implements AutoCloseable {
    static Attachments forStore(String storeUrl, Path directory) {
        if (directory != null) {
            return new Attachments(new DirectoryBlobStore(directory), () -> { });
        }
        if (storeUrl.startsWith("mongodb:") || storeUrl.startsWith("mongodb+srv:")) {
            ConnectionString connection = new ConnectionString(storeUrl); // the store opened it already: it is valid
            MongoClient client = MongoClients.create(connection);
            return new Attachments(GridFsBlobStore.create(client.getDatabase(connection.getDatabase())), client::close);
        }
        Path defaultDirectory = defaultDirectory(storeUrl);
        return new Attachments(defaultDirectory == null ? null : new DirectoryBlobStore(defaultDirectory), () -> { });
    }

    /**
     * @param storeUrl a store URL
     * @return the directory of attachments of a store outside MongoDB: beside an H2 file ({@code PATH.blobs});
     *         {@code ./contacts-blobs} for a database server; null (in memory) for stores that keep nothing after the
     *         command, such as {@code mem:}
     */
    static Path defaultDirectory(String storeUrl) {
        if (storeUrl.startsWith("h2:mem:")) {
            return null;
        }
        if (storeUrl.startsWith("h2:")) {
            String path = storeUrl.substring(3);
            int params = path.indexOf(';');
            return Path.of((params < 0 ? path : path.substring(0, params)) + ".blobs");
        }
        if (storeUrl.startsWith("jdbc:")) {
            return Path.of("contacts-blobs");
        }
        return null;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the attachment store: " + e.getMessage(), e);
        }
    }
}
