package dev.contacts.tck;

import dev.contacts.StoreException;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.RepositoryMethods;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A {@link ContactStore} wrapper for fault tests: it counts the write calls made to every
 * repository of the store and, once armed with {@link #failAt}, makes the N-th write
 * (counted from arming) and every later one fail until {@link #heal()} — as a store that
 * goes down would. Reads always pass.
 *
 * <p>It wraps any store and any repository, including those added later, with dynamic
 * proxies: a repository is any interface of {@code dev.contacts.spi} that a store method
 * returns. A call is a write unless its name starts with {@code get}, {@code find},
 * {@code list}, {@code count}, {@code exists}, {@code read}, {@code load},
 * {@code search} or {@code stream} (the SPI's naming convention,
 * {@link RepositoryMethods}); give another
 * classifier to {@link #FaultInjectingStore(ContactStore, Predicate)} if a repository
 * does not follow it.
 *
 * <pre>{@code
 * FaultInjectingStore faulty = new FaultInjectingStore(store);
 * faulty.failAt(2, FaultInjectingStore.Mode.FAIL_AFTER);   // the second write happens, then fails
 * Contacts sdk = Contacts.builder().store(faulty.store()).build();
 * }</pre>
 */
public final class FaultInjectingStore {
    /** How the failing write fails. */
    public enum Mode {
        /** It throws {@link StoreException} without reaching the store: nothing was written. */
        FAIL_BEFORE,
        /** It reaches the store and takes effect, then throws {@link StoreException}: the reply was lost. */
        FAIL_AFTER,
        /** It throws {@link SimulatedCrash} without reaching the store: the process "dies", no clean-up code runs. */
        CRASH_BEFORE,
        /** It takes effect, then throws {@link SimulatedCrash}. */
        CRASH_AFTER
    }

    /** Thrown by a write in a crash mode: an {@link Error}, so the SDK's clean-up for exceptions does not run. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    private final ContactStore delegate;
    private final ContactStore proxy;
    private final Predicate<Method> isWrite;
    private final Map<Class<?>, Object> repositories = new ConcurrentHashMap<>();
    private final List<String> log = new ArrayList<>();
    private int writes;
    private int failAt;
    private Mode mode;
    private boolean fired;

    /** @param delegate the store to wrap */
    public FaultInjectingStore(ContactStore delegate) {
        this(delegate, FaultInjectingStore::isWriteByName);
    }

    /**
     * @param delegate the store to wrap
     * @param isWrite  which repository methods count as writes
     */
    public FaultInjectingStore(ContactStore delegate, Predicate<Method> isWrite) {
        this.delegate = delegate;
        this.isWrite = isWrite;
        this.proxy = (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(),
                new Class<?>[] {ContactStore.class}, handler(ContactStore.class, delegate, false));
    }

    /**
     * @param method a repository method
     * @return whether it is a write by the SPI's naming convention
     */
    public static boolean isWriteByName(Method method) {
        return RepositoryMethods.isWrite(method);
    }

    /** @return the wrapping store, to give to {@code Contacts.builder().store(...)} */
    public ContactStore store() {
        return proxy;
    }

    /**
     * Arms the fault: the {@code n}-th write from now fails as {@code mode} says, and every
     * later write fails the same way until {@link #heal()}.
     *
     * @param n    1 for the next write
     * @param mode how it fails
     * @return this
     */
    public synchronized FaultInjectingStore failAt(int n, Mode mode) {
        if (n < 1) {
            throw new IllegalArgumentException("n counts from 1");
        }
        this.failAt = writes + n;
        this.mode = mode;
        this.fired = false;
        return this;
    }

    /** Disarms the fault: later writes pass. */
    public synchronized void heal() {
        this.mode = null;
    }

    /** @return whether an armed fault has fired since it was armed */
    public synchronized boolean fired() {
        return fired;
    }

    /** @return how many write calls were made through the wrapper */
    public synchronized int writes() {
        return writes;
    }

    /** @return the write calls made, as {@code Repository.method}, in order */
    public synchronized List<String> writeLog() {
        return List.copyOf(log);
    }

    private InvocationHandler handler(Class<?> type, Object target, boolean repository) {
        return (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(self, method, args);
            }
            Mode failure = null;
            if (repository && isWrite.test(method)) {
                synchronized (this) {
                    writes++;
                    log.add(type.getSimpleName() + "." + method.getName());
                    if (mode != null && writes >= failAt) {
                        failure = mode;
                        fired = true;
                    }
                }
            }
            String what = type.getSimpleName() + "." + method.getName();
            if (failure == Mode.FAIL_BEFORE) {
                throw new StoreException(what, "injected fault: the store is unreachable");
            }
            if (failure == Mode.CRASH_BEFORE) {
                throw new SimulatedCrash("injected crash before " + what);
            }
            Object result = invoke(target, method, args);
            if (failure == Mode.FAIL_AFTER) {
                throw new StoreException(what, "injected fault: the write happened but its reply was lost");
            }
            if (failure == Mode.CRASH_AFTER) {
                throw new SimulatedCrash("injected crash after " + what);
            }
            return wrapRepository(method, result);
        };
    }

    private Object wrapRepository(Method method, Object result) {
        Class<?> type = method.getReturnType();
        if (result == null || !type.isInterface() || !type.getPackageName().equals("dev.contacts.spi")) {
            return result;
        }
        return repositories.computeIfAbsent(type, t -> Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t},
                handler(t, result, true)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object objectMethod(Object self, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            default:
                return "FaultInjecting(" + delegate + ")";
        }
    }
}
