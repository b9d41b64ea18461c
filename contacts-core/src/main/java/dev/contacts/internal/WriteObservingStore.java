package dev.contacts.internal;

import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.RepositoryMethods;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a store so that every write through any of its repositories tells a
 * {@link PropertyWrites} which property changed. It is built once, in
 * {@code Contacts.build()}, around the host's store, and every service uses the wrapped
 * store: there is no write path that can forget to invalidate a cache.
 *
 * <p>It wraps with dynamic proxies, so repositories and methods added to the SPI later are
 * covered without touching this class. A repository is any interface of
 * {@code dev.contacts.spi} a store method returns; a write is any repository method that
 * {@link RepositoryMethods#isWrite} says may write. The property is the call's first
 * argument ({@link PropertyId}, or the {@link Property} being created); a write without one
 * reports {@link PropertyWrites#changedEverywhere()}. The listener is called after the
 * write returns or throws (a write that failed may still have happened, e.g. when the
 * reply was lost), and once more when the unit of work the write is part of has ended
 * ({@link ContactStore#whenUnitOfWorkEnds}), when other connections can see it.
 */
public final class WriteObservingStore {
    private static final String SPI_PACKAGE = ContactStore.class.getPackageName();

    private WriteObservingStore() {
    }

    /**
     * @param store    the host's store
     * @param listener told after every write
     * @param guard    run before every call of the store or a repository (it throws when the SDK is closed)
     * @return the observed store
     */
    public static ContactStore wrap(ContactStore store, PropertyWrites listener, Runnable guard) {
        Map<Method, Object> repositories = new ConcurrentHashMap<>();
        InvocationHandler handler = (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(store, self, method, args);
            }
            guard.run();
            Object result = invoke(store, method, args);
            Class<?> type = method.getReturnType();
            if (result == null || !type.isInterface() || !type.getPackageName().equals(SPI_PACKAGE)) {
                return result;
            }
            return repositories.computeIfAbsent(method, m -> repository(type, result, store, listener, guard));
        };
        return (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class}, handler);
    }

    private static Object repository(Class<?> type, Object target, ContactStore store, PropertyWrites listener, Runnable guard) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(target, self, method, args);
            }
            guard.run();
            if (RepositoryMethods.isRead(method)) {
                return invoke(target, method, args);
            }
            try {
                return invoke(target, method, args);
            } finally {
                notify(listener, args);
                // and again once the write is visible to other connections: a count read
                // between the write and its commit must not outlive the commit
                store.whenUnitOfWorkEnds(() -> notify(listener, args));
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static void notify(PropertyWrites listener, Object[] args) {
        Object first = args == null || args.length == 0 ? null : args[0];
        if (first instanceof PropertyId) {
            listener.changed((PropertyId) first);
        } else if (first instanceof Property) {
            listener.changed(((Property) first).id());
        } else {
            listener.changedEverywhere();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object objectMethod(Object target, Object self, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            default:
                return target.toString();
        }
    }
}
