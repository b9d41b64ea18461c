package dev.contacts.spi;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The naming convention of repository methods, which the SDK relies on: a method whose
 * name starts with one of {@link #READ_PREFIXES} only reads; every other method may
 * write. The SDK wraps the store and, after every call of a writing method, drops what it
 * caches for the property named by the call's first argument (cached segment counts), so
 * a store method that writes must not be named like a read. A read named like a write is
 * harmless (it only costs a cache refresh). Test tools (the TCK's fault injection) count
 * writes the same way.
 */
public final class RepositoryMethods {
    /** Name prefixes of the methods that only read. */
    public static final List<String> READ_PREFIXES =
            List.of("get", "find", "list", "count", "exists", "read", "load", "search", "stream");

    private RepositoryMethods() {
    }

    /**
     * @param method a repository method
     * @return whether it only reads, by its name
     */
    public static boolean isRead(Method method) {
        for (String prefix : READ_PREFIXES) {
            if (method.getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param method a repository method
     * @return whether it may write, by its name
     */
    public static boolean isWrite(Method method) {
        return !isRead(method);
    }
}
