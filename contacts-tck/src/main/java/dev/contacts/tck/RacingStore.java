package dev.contacts.tck;

import dev.contacts.spi.ContactStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ContactStore} wrapper that lets a "concurrent writer" act at a chosen moment: the
 * first time a repository method of a given name is called, a race action runs first
 * (typically a write through another SDK on the unwrapped store), then the call goes on. It
 * makes races deterministic, e.g. an address taken between the batch upsert's lookup and its
 * batched insert. Like {@link CallRecordingStore} it wraps every repository a store method
 * returns.
 */
public final class RacingStore {
    private final ContactStore proxy;
    private final Map<Class<?>, Object> repositories = new ConcurrentHashMap<>();
    private final Map<String, Runnable> races = new ConcurrentHashMap<>();

    /** @param delegate the store to wrap */
    public RacingStore(ContactStore delegate) {
        this.proxy = (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                handler(delegate, false));
    }

    /** @return the wrapping store, to give to {@code Contacts.builder().store(...)} */
    public ContactStore store() {
        return proxy;
    }

    /**
     * Runs {@code race} once, just before the next call of a repository method named {@code method}.
     *
     * @param method a repository method name, e.g. {@code insertAll}
     * @param race   what the concurrent writer does
     */
    public void before(String method, Runnable race) {
        races.put(method, race);
    }

    private InvocationHandler handler(Object target, boolean repository) {
        return (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? self == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(self) : "Racing(" + target + ")";
            }
            if (repository) {
                Runnable race = races.remove(method.getName());
                if (race != null) {
                    race.run();
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> type = method.getReturnType();
            if (!repository && result != null && type.isInterface() && type.getPackageName().equals("dev.contacts.spi")) {
                return repositories.computeIfAbsent(type, t -> Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t},
                        handler(result, true)));
            }
            return result;
        };
    }
}
