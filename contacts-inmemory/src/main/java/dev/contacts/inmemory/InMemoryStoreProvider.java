package dev.contacts.inmemory;

import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;

/**
 * Opens an {@link InMemoryStore} for URLs starting with {@code mem:} (for example
 * {@code mem:} or {@code mem:demo}); registered with {@link java.util.ServiceLoader}.
 * Each {@link #open} returns a new, empty store: the text after {@code mem:} is a label,
 * not a shared name.
 */
public final class InMemoryStoreProvider implements StoreProvider {
    /** URL prefix this provider handles. */
    public static final String SCHEME = "mem:";

    /** Used by {@link java.util.ServiceLoader}. */
    public InMemoryStoreProvider() {
    }

    /** @return {@code contacts-inmemory} */
    @Override
    public String module() {
        return "contacts-inmemory";
    }

    /**
     * @param url a store URL
     * @return whether it starts with {@code mem:}
     */
    @Override
    public boolean supports(String url) {
        return url != null && url.startsWith(SCHEME);
    }

    /**
     * @param url a {@code mem:} URL
     * @return a new, empty in-memory store
     * @throws IllegalArgumentException if the URL does not start with {@code mem:}
     */
    @Override
    public ContactStore open(String url) {
        if (!supports(url)) {
            throw new IllegalArgumentException("'" + url + "' is not an in-memory store URL (use mem:)");
        }
        return new InMemoryStore();
    }
}
