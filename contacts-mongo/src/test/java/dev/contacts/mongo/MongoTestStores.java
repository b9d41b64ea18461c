package dev.contacts.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreCapability;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the tests' stores live. With the environment variable {@code CONTACTS_MONGO_URI}
 * set, on that real MongoDB server, with no declared limitation; otherwise on
 * mongo-java-server (memory backend) started in this JVM on first use and stopped when the
 * whole test run ends, declaring {@link StoreCapability#UTF16_TEXT_ORDER}. Every store gets
 * a database of its own, dropped when the store is closed, so runs never see each other's
 * data. Register it on a test class with {@code @ExtendWith(MongoTestStores.class)}.
 */
public final class MongoTestStores implements BeforeAllCallback {
    /** The environment variable naming a real server, e.g. {@code mongodb://127.0.0.1:27017}. */
    public static final String URI_VARIABLE = "CONTACTS_MONGO_URI";
    private static final Logger LOG = LoggerFactory.getLogger(MongoTestStores.class);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    /** The running server and a client connected to it; closed when the root test context closes. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {
        final MongoServer inProcess;
        final String uri;
        final MongoClient client;
        final boolean real;

        Server(MongoServer inProcess, String uri, boolean real) {
            this.inProcess = inProcess;
            this.uri = uri;
            this.client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                    .addCommandListener(ShardRouting.LISTENER).build()); // the sharding check sees every command
            this.real = real;
        }

        @Override
        public void close() {
            client.close();
            if (inProcess != null) {
                inProcess.shutdownNow();
            }
            server = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Server.class, k -> start(), Server.class);
    }

    private static synchronized Server start() {
        if (server != null) {
            return server;
        }
        String uri = System.getenv(URI_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            LOG.info("{} is set: the MongoDB store tests run against the real server {} (one database per store, dropped after)",
                    URI_VARIABLE, uri.replaceAll("//[^@/]*@", "//***@"));
            server = new Server(null, uri, true);
        } else {
            MongoServer s = new MongoServer(new MemoryBackend());
            String address = s.bindAndGetConnectionString();
            LOG.warn("{} is not set: the MongoDB store tests run in-process on mongo-java-server ({}); they were NOT run against a real "
                    + "MongoDB server", URI_VARIABLE, address);
            server = new Server(s, address, false);
        }
        return server;
    }

    private static Server server() {
        Server s = server;
        return s != null ? s : start();
    }

    /** @return whether the tests run against a real server */
    public static boolean real() {
        return server().real;
    }

    /**
     * @param listener a listener of every command the new client sends
     * @return a new client of the test server (the caller closes it)
     */
    public static MongoClient newClient(CommandListener listener) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(server().uri))
                .addCommandListener(listener).addCommandListener(ShardRouting.LISTENER).build());
    }

    /**
     * @param database a database name
     * @return the test server's connection string naming that database
     */
    public static String uri(String database) {
        ConnectionString c = new ConnectionString(server().uri);
        String hosts = String.join(",", c.getHosts());
        String credentials = c.getUsername() == null ? "" : c.getUsername() + ":" + new String(c.getPassword()) + "@";
        String scheme = server().uri.startsWith("mongodb+srv://") ? "mongodb+srv://" : "mongodb://";
        String options = server().uri.contains("?") ? server().uri.substring(server().uri.indexOf('?')) : "";
        return scheme + credentials + hosts + "/" + database + options;
    }

    /** @return the client of the test server */
    public static MongoClient client() {
        return server().client;
    }

    /** @return the limitations a store on the test server declares */
    public static Set<StoreCapability> capabilities() {
        return real() ? Set.of() : Set.of(StoreCapability.UTF16_TEXT_ORDER);
    }

    /** @return a fresh database name of this run */
    public static String newDatabaseName() {
        return "contacts_test_" + RUN + "_" + DATABASES.incrementAndGet();
    }

    /**
     * @return a new, empty store in a database of its own, which {@code close()} drops
     */
    public static ContactStore newStore() {
        String name = newDatabaseName();
        MongoStore store = MongoStore.create(client(), name, capabilities());
        return droppingOnClose(store, client().getDatabase(name));
    }

    /** Wraps a store so that closing it also drops its database; every other call goes to the store. */
    static ContactStore droppingOnClose(ContactStore store, MongoDatabase db) {
        return (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(store, args);
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            db.drop();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
