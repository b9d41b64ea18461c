package dev.contacts.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.contacts.StoreException;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;

/**
 * Opens a {@link MongoStore} for MongoDB connection strings, {@code mongodb://…/<database>}
 * or {@code mongodb+srv://…/<database>} (the database is required); registered with
 * {@link java.util.ServiceLoader}. The store owns the client it creates and closes it on
 * {@link ContactStore#close()}. Hosts that already have a {@code MongoClient} use
 * {@link MongoStore#create(MongoClient, String)} instead.
 */
public final class MongoStoreProvider implements StoreProvider {
    /** Used by {@link java.util.ServiceLoader}. */
    public MongoStoreProvider() {
    }

    /** @return {@code contacts-mongo} */
    @Override
    public String module() {
        return "contacts-mongo";
    }

    /**
     * @param url a store URL
     * @return whether it is a MongoDB connection string
     */
    @Override
    public boolean supports(String url) {
        return url != null && (url.startsWith("mongodb://") || url.startsWith("mongodb+srv://"));
    }

    /**
     * @param url a MongoDB connection string naming a database
     * @return the store, owning a new client
     * @throws IllegalArgumentException if the URL is not a MongoDB connection string or names no database
     * @throws StoreException           if the server cannot be reached
     */
    @Override
    public ContactStore open(String url) {
        if (!supports(url)) {
            throw new IllegalArgumentException("'" + url + "' is not a MongoDB connection string (use mongodb://host:27017/database)");
        }
        ConnectionString connection;
        try {
            connection = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid MongoDB connection string: " + e.getMessage(), e);
        }
        if (connection.getDatabase() == null || connection.getDatabase().isBlank()) {
            throw new IllegalArgumentException("the MongoDB URL must name the database after the hosts, e.g. mongodb://localhost:27017/helpdesk");
        }
        MongoClient client = MongoClients.create(connection);
        try {
            return MongoStore.createOwning(client, connection.getDatabase());
        } catch (RuntimeException e) {
            client.close();
            throw e instanceof MongoException ? new StoreException("mongodb open", e) : e;
        }
    }
}
