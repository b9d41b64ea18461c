package dev.contacts.tck;

import dev.contacts.spi.ContactStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ContactStore} wrapper that records every repository call with its arguments,
 * for tests of how the core uses the SPI — for instance that the timeline seeks a bounded
 * number of items per kind instead of loading everything. Like {@link FaultInjectingStore}
 * it wraps every repository a store method returns, including those added later.
 */
public final class CallRecordingStore {
    /**
     * One repository call.
     *
     * @param repository the repository interface's simple name, e.g. {@code NoteRepository}
     * @param method     the method name
     * @param args       the arguments
     */
    public record Call(String repository, String method, List<Object> args) {
    }

    private final ContactStore proxy;
    private final Map<Class<?>, Object> repositories = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();

    /** @param delegate the store to wrap */
    public CallRecordingStore(ContactStore delegate) {
        this.proxy = (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(), new Class<?>[] {ContactStore.class},
                handler(delegate, null));
    }

    /** @return the wrapping store, to give to {@code Contacts.builder().store(...)} */
    public ContactStore store() {
        return proxy;
    }

    /** @return the calls made since the last {@link #clear()}, in order */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the calls recorded so far. */
    public synchronized void clear() {
        calls.clear();
    }

    private Object recorded(Class<?> type, Object repository) {
        return repositories.computeIfAbsent(type, t -> Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t},
                handler(repository, t)));
    }

    private InvocationHandler handler(Object target, Class<?> repository) {
        return (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? self == args[0]
                        : method.getName().equals("hashCode") ? System.identityHashCode(self) : "CallRecording(" + target + ")";
            }
            if (repository != null) {
                synchronized (this) {
                    calls.add(new Call(repository.getSimpleName(), method.getName(),
                            args == null ? List.of() : Arrays.asList(args.clone())));
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> type = method.getReturnType();
            if (repository == null && result != null && type.isInterface() && type.getPackageName().equals("dev.contacts.spi")) {
                return recorded(type, result);
            }
            if (repository == null && result instanceof Optional<?> optional && optional.isPresent()
                    && method.getGenericReturnType() instanceof ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> inner
                    && inner.isInterface() && inner.getPackageName().equals("dev.contacts.spi")) {
                // an optional repository (the store's own timeline): its calls are recorded too
                return Optional.of(recorded(inner, optional.get()));
            }
            return result;
        };
    }
}
