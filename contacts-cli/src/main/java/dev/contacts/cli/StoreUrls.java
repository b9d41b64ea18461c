package dev.contacts.cli;

import dev.contacts.spi.ContactStore;
import dev.contacts.spi.StoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a store from a URL through the {@link StoreProvider}s on the class path, and names
 * the module to add when none handles the URL.
 */
final class StoreUrls {
    /** URL prefixes of the store modules of this project, and the module that handles each. */
    private static final String[][] KNOWN = {
        {"mem:", "contacts-inmemory"},
        {"h2:", "contacts-jpa"},
        {"jdbc:h2:", "contacts-jpa"},
        {"jdbc:postgresql:", "contacts-jpa"},
        {"jdbc:mariadb:", "contacts-jpa"},
        {"mongodb:", "contacts-mongo"},
        {"mongodb+srv:", "contacts-mongo"},
    };

    private StoreUrls() {
    }

    /**
     * @param url a store URL such as {@code mem:} or {@code h2:./contacts-data}
     * @return the open store
     * @throws CliUsageException if no provider on the class path handles the URL
     */
    static ContactStore open(String url) {
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
            if (provider.supports(url)) {
                try {
                    return provider.open(url);
                } catch (IllegalArgumentException e) { // a malformed URL of a known scheme: bad usage, not a store failure
                    throw new CliUsageException(e.getMessage());
                }
            }
        }
        throw new CliUsageException(missing(url));
    }

    /**
     * @param preferred the default store URL
     * @param fallback  the URL to use when no module opens the preferred one
     * @return the preferred URL if a provider on the class path opens it, else the fallback
     */
    static String defaultUrl(String preferred, String fallback) {
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
            if (provider.supports(preferred)) {
                return preferred;
            }
        }
        return fallback;
    }

    /** @return the prefixes the providers on the class path handle, for help texts */
    static List<String> available() {
        List<String> modules = new ArrayList<>();
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
            modules.add(provider.module());
        }
        return modules;
    }

    static String missing(String url) {
        for (String[] known : KNOWN) {
            if (url.startsWith(known[0])) {
                return "no store module on the class path opens '" + url + "': add " + known[1]
                        + " to the dependencies of contacts-cli (modules present: " + String.join(", ", available()) + ")";
            }
        }
        return "'" + url + "' is not a store URL: use mem:, h2:PATH, jdbc:postgresql://HOST/DB, jdbc:mariadb://HOST/DB or mongodb://HOST/DB";
    }
}
