package dev.contacts.cli;

import dev.contacts.inmemory.InMemoryStore;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test store provider: {@code shared:NAME} opens the same in-memory store on every
 * command of a test, so commands run in-process can build on each other the way they do on
 * a persistent store. {@code mem:} keeps its real meaning (a new store per command).
 */
public final class SharedMemoryStores implements StoreProvider {
    private static final Map<String, ContactStore> STORES = new ConcurrentHashMap<>();

    /** Used by ServiceLoader. */
    public SharedMemoryStores() {
    }

    /** Forgets every shared store. */
    static void reset() {
        STORES.clear();
    }

    static Set<String> names() {
        return STORES.keySet();
    }

    @Override
    public String module() {
        return "contacts-cli tests";
    }

    @Override
    public boolean supports(String url) {
        return url.startsWith("shared:");
    }

    @Override
    public ContactStore open(String url) {
        return STORES.computeIfAbsent(url, u -> new InMemoryStore());
    }
}
