package dev.contacts.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link MongoClient} that lets the process "die" between the single-document steps of
 * the store's multi-document writes: it counts every write the store sends to a
 * collection and, once armed, makes the N-th one throw {@link Crash} — before it reaches
 * the server, or after it took effect — and every later one too, so no clean-up runs.
 * That is finer than the TCK's {@code FaultInjectingStore}, whose faults fall between SPI
 * calls: these fall inside one.
 */
final class CrashingClient {
    private static final Set<String> WRITES = Set.of("insertOne", "insertMany", "updateOne", "updateMany", "deleteOne", "deleteMany",
            "findOneAndUpdate", "findOneAndDelete", "findOneAndReplace", "replaceOne", "bulkWrite");

    /** The simulated death of the process: an {@link Error}, so the store's exception handling does not run. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String message) {
            super(message);
        }
    }

    private final MongoClient proxy;
    private final List<String> log = new ArrayList<>();
    private int writes;
    private int crashAt;
    private boolean after;
    private boolean crashed;

    CrashingClient(MongoClient delegate) {
        this.proxy = wrap(MongoClient.class, delegate);
    }

    /** @return the client to give the store */
    MongoClient client() {
        return proxy;
    }

    /**
     * Arms the crash: counting restarts, and the n-th write from now crashes.
     *
     * @param n     which write
     * @param after whether it takes effect before the crash
     * @return this
     */
    synchronized CrashingClient crashAt(int n, boolean after) {
        this.writes = 0;
        this.crashAt = n;
        this.after = after;
        this.crashed = false;
        this.log.clear();
        return this;
    }

    /** Counts writes from now on without crashing. */
    synchronized void count() {
        crashAt(0, false);
    }

    synchronized int writes() {
        return writes;
    }

    synchronized boolean crashed() {
        return crashed;
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, Object target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            boolean write = target instanceof MongoCollection && WRITES.contains(method.getName());
            String name = write ? ((MongoCollection<?>) target).getNamespace().getCollectionName() + "." + method.getName() : null;
            boolean crashNow = false;
            if (write) {
                synchronized (this) {
                    if (crashed) {
                        throw new Crash("the process is down: " + name);
                    }
                    writes++;
                    log.add(name);
                    crashNow = crashAt > 0 && writes == crashAt;
                    if (crashNow && !after) {
                        crashed = true;
                        throw new Crash("crash before write " + writes + " (" + name + ")");
                    }
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (crashNow) {
                synchronized (this) {
                    crashed = true;
                }
                throw new Crash("crash after write " + writes + " (" + name + ")");
            }
            if (result instanceof MongoDatabase) {
                return wrap(MongoDatabase.class, result);
            }
            if (result instanceof MongoCollection) {
                return wrap(MongoCollection.class, result);
            }
            return result;
        });
    }
}
