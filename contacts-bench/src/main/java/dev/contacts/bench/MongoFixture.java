package dev.contacts.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.contacts.mongo.MongoStore;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreCapability;
import java.util.Set;

/**
 * The MongoDB store, in two forms. {@code mongo}: mongo-java-server (memory backend) started
 * in this JVM, database {@value #IN_PROCESS_DATABASE}, loaded afresh in each JVM like the
 * in-memory store. {@code mongo-server}: the real server of {@code CONTACTS_MONGO_URI}, in a
 * database of its own per workload ({@code contacts_bench_<size>_<seed>}) that stays between
 * runs like PostgreSQL's schema. Its baseline is {@link MongoBaseline}.
 */
final class MongoFixture extends Fixture {
    /** The environment variable naming a real MongoDB server. */
    static final String URI_VARIABLE = "CONTACTS_MONGO_URI";
    /** The most timeline items mongo-java-server writes in a reasonable time (the suite's own check uses a timeline this short). */
    static final int SMALL_TIMELINE = 600;
    /** The database of the in-process server. */
    static final String IN_PROCESS_DATABASE = "contacts_bench";

    private final MongoServer server;
    private final MongoClient client;
    private final String database;
    private final MongoStore store;

    private MongoFixture(Workload workload, boolean verifying, MongoServer server, MongoClient client, String database,
                         Set<StoreCapability> capabilities) {
        super(workload, verifying);
        this.server = server;
        this.client = client;
        this.database = database;
        try {
            this.store = MongoStore.create(client, database, capabilities);
        } catch (RuntimeException e) {
            client.close();
            if (server != null) {
                server.shutdownNow();
            }
            throw e;
        }
    }

    /**
     * @param workload  the data
     * @param verifying whether it serves the equality check
     * @return the store on mongo-java-server in this JVM (which orders text by UTF-16 units, declared)
     */
    static MongoFixture inProcess(Workload workload, boolean verifying) {
        MongoServer server = new MongoServer(new MemoryBackend());
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        return new MongoFixture(workload, verifying, server, client, IN_PROCESS_DATABASE, Set.of(StoreCapability.UTF16_TEXT_ORDER));
    }

    /**
     * @param workload  the data
     * @param verifying whether it serves the equality check
     * @return the store on the server of {@code CONTACTS_MONGO_URI}
     * @throws IllegalArgumentException if the variable is not set
     */
    static MongoFixture onServer(Workload workload, boolean verifying) {
        MongoClient client = MongoClients.create(serverUri());
        return new MongoFixture(workload, verifying, null, client, "contacts_bench_" + workload.size() + "_" + workload.seed(), Set.of());
    }

    /**
     * @return the real server's connection string
     * @throws IllegalArgumentException if {@code CONTACTS_MONGO_URI} is not set
     */
    static String serverUri() {
        String uri = System.getenv(URI_VARIABLE);
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("the store mongo-server needs a MongoDB server: set " + URI_VARIABLE
                    + " (e.g. mongodb://127.0.0.1:27017), or use the in-process store mongo.");
        }
        return uri;
    }

    @Override
    protected ContactStore store() {
        return store;
    }

    @Override
    protected Side baseline() {
        return new MongoBaseline(workload, this, client.getDatabase(database));
    }

    /**
     * {@inheritDoc} On mongo-java-server the timeline's ticket (one document holding its 3,333
     * messages) is deep-copied by every reply, so writing it takes well over 15 minutes — in
     * every fork, as the in-process data lives in the JVM; a timeline of at most
     * {@value #SMALL_TIMELINE} items (the suite's own check) is written.
     */
    @Override
    protected String timelineUnavailable() {
        return server == null || workload.timelineItems() <= SMALL_TIMELINE ? null : "mongo-java-server copies the whole ticket document on every reply, so the timeline contact's "
                + "3,333-message ticket takes well over 15 minutes to write in each JVM; leave timelinePage out (--scenarios) or use mongo-server.";
    }

    @Override
    public String name() {
        return server != null ? "mongo" : "mongo-server";
    }

    @Override
    public void close() {
        super.close();
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
