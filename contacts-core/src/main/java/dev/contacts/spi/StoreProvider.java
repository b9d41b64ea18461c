package dev.contacts.spi;

/**
 * Opens a store from a URL; each store module registers one with
 * {@link java.util.ServiceLoader} (e.g. {@code mem:}, {@code h2:}, {@code jdbc:postgresql:},
 * {@code mongodb:}). Tools such as the CLI find stores this way.
 */
public interface StoreProvider {
    /** @return the module that provides it, named in errors, e.g. {@code contacts-inmemory} */
    String module();

    /**
     * @param url a store URL
     * @return whether this provider opens it
     */
    boolean supports(String url);

    /**
     * @param url a URL this provider supports
     * @return the open store
     * @throws dev.contacts.StoreException if it cannot be opened
     */
    ContactStore open(String url);
}
