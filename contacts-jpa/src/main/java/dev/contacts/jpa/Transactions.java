package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.ContactsException;
import dev.contacts.NotFoundException;
import dev.contacts.StoreException;
import dev.contacts.internal.Backoff;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store's SQL runs. A statement group ({@link #run}) joins, in this order: the
 * unit of work open on the calling thread ({@link #unit}); else the host's transaction
 * (found through the {@link TransactionBinding}, {@link JpaStore#join}, or a JTA unit),
 * under a savepoint so that a failure is undone alone and the host decides the outcome;
 * else a resource-local transaction of the store's own on its own {@link EntityManager},
 * committed at the end.
 *
 * <p>Only a transaction of the store's own is run again when it lost a race the database
 * detected (deadlock, serialization failure, lock timeout: {@link Dialect#isRetryable}),
 * with jittered exponential backoff; inside a unit of work the failure ends the unit, whose
 * boundary runs it again. A rollback that fails is added to the original failure as
 * suppressed, never replaces it. A broken unique key becomes {@link ConflictException}, a
 * missing parent row {@link NotFoundException}, any other database error
 * {@link StoreException} naming the operation.
 *
 * <p>Thread-safe: what a thread has open lives in a thread-local and ends when its call returns.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 10;
    private static final Backoff BACKOFF = new Backoff(1_000, 200_000);

    /** The work of one statement group. */
    @FunctionalInterface
    interface Work<R> {
        R run(Db db) throws SQLException;
    }

    private final EntityManagerFactory emf;
    private final Dialect dialect;
    private final TransactionBinding binding;
    private final boolean jta;
    /** The unit of work open on each thread: the innermost last. */
    private final ThreadLocal<Unit> units = new ThreadLocal<>();
    /** Entity managers handed over with {@link JpaStore#join}, innermost first. */
    private final ThreadLocal<Deque<EntityManager>> joined = new ThreadLocal<>();
    private volatile boolean closed;
    /** The bounded walks of filters with an {@code or}: {@link BoundedWalks#DEFAULT} but in the filter TCK's JPA run. */
    private volatile BoundedWalks boundedWalks = BoundedWalks.DEFAULT;

    Transactions(EntityManagerFactory emf, Dialect dialect, TransactionBinding binding) {
        this.emf = emf;
        this.dialect = dialect;
        this.binding = binding;
        this.jta = transactionType(emf) == PersistenceUnitTransactionType.JTA;
    }

    private static PersistenceUnitTransactionType transactionType(EntityManagerFactory emf) {
        try {
            return emf.getTransactionType();
        } catch (RuntimeException e) {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    BoundedWalks boundedWalks() {
        return boundedWalks;
    }

    void boundedWalks(BoundedWalks walks) {
        this.boundedWalks = Objects.requireNonNull(walks, "walks");
    }

    /** Refuses every later call with a clear error (the store was closed). */
    void close() {
        closed = true;
    }

    /**
     * Refreshes the planner statistics of tables, in one transaction.
     *
     * @param tables tables of the schema
     */
    void analyze(Collection<String> tables) {
        run("update statistics", db -> {
            for (String table : tables) {
                db.execute(db.sql(dialect.analyze(table)));
            }
            return null;
        });
    }

    /**
     * Hands the host's entity manager, with its open transaction, to the SDK calls the
     * calling thread makes until the returned scope closes.
     */
    JpaStore.Joined join(EntityManager em) {
        Deque<EntityManager> stack = joined.get();
        if (stack == null) {
            stack = new ArrayDeque<>();
            joined.set(stack);
        }
        stack.push(em);
        return () -> {
            Deque<EntityManager> s = joined.get();
            if (s == null || s.peek() != em) {
                throw new IllegalStateException("JpaStore.join scopes must be closed in the reverse order of opening, on the thread that opened them");
            }
            s.pop();
            if (s.isEmpty()) {
                joined.remove();
            }
        };
    }

    /**
     * Runs a group of statement groups as one unit of work: one transaction (the store's own,
     * or the host's under a savepoint) that every {@link #run} on this thread joins until
     * {@code work} returns. A unit of the store's own that lost a race is rolled back and run
     * again, whole.
     *
     * @param operation what is done, for messages
     * @param work      the work
     * @param <R>       its result
     * @return the result, once committed (or, in the host's transaction, once done)
     */
    <R> R unit(String operation, Supplier<R> work) {
        Unit outer = units.get();
        if (outer != null) {
            return work.get(); // nested: part of the outer unit
        }
        boolean host = inHostTransaction();
        List<Runnable> afterOwnCommit = new ArrayList<>();
        try {
            return withRetries(operation, () -> inTransaction(operation, db -> {
                Unit unit = new Unit(db, host ? null : afterOwnCommit);
                units.set(unit);
                try {
                    R result = work.get();
                    if (unit.failure != null) {
                        throw new StoreException(operation, "a statement of this unit of work failed and the work went on ("
                                + unit.failure.getMessage() + "); it was rolled back", unit.failure);
                    }
                    return result;
                } finally {
                    units.remove();
                }
            }));
        } finally {
            // the store's own transaction has ended here, committed or rolled back
            afterOwnCommit.forEach(Transactions::runQuietly);
        }
    }

    /**
     * Runs {@code action} once the transaction of the unit of work open on this thread has
     * ended: the store's own at the end of {@link #unit}, the host's through a Hibernate
     * {@link Synchronization} on its session. Outside a unit, now.
     */
    void whenUnitEnds(Runnable action) {
        Unit unit = units.get();
        if (unit != null && unit.afterOwnCommit != null) {
            unit.afterOwnCommit.add(action);
            return;
        }
        Optional<EntityManager> host = unit != null ? Optional.of(unit.db.em()) : hostEntityManager();
        if (host.isEmpty()) {
            // a call outside a unit ran in a transaction of its own that committed before returning
            // (in a JTA unit without a unit of work, the SDK's services open one for every write)
            runQuietly(action);
            return;
        }
        try {
            host.get().unwrap(Session.class).getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    runQuietly(action);
                }
            });
        } catch (RuntimeException e) {
            // a transaction that takes no synchronization: run it now rather than never
            LOG.debug("no synchronization on the host's transaction ({}); running the action now", e.toString());
            runQuietly(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action run at the end of a unit of work failed; the transaction's outcome stands", e);
        }
    }

    /**
     * @param operation what is done, for error messages (e.g. "insert contact")
     * @param work      the work
     * @param <R>       its result
     * @return the result, once committed (inside a unit of work: once run)
     */
    <R> R run(String operation, Work<R> work) {
        Unit unit = units.get();
        if (unit != null) {
            try {
                return work.run(unit.db);
            } catch (SQLException e) {
                // the unit's boundary rolls back, and runs it again when the race is retryable
                unit.failure = e;
                if (dialect.isRetryable(e)) {
                    throw new SqlFailure(e);
                }
                throw translate(operation, e, e);
            } catch (LostRace e) {
                unit.failure = (SQLException) e.getCause();
                throw e;
            }
        }
        return withRetries(operation, () -> inTransaction(operation, work));
    }

    private <R> R withRetries(String operation, Supplier<R> attempt) {
        if (closed) {
            throw new StoreException(operation, "the store is closed; open a new one");
        }
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ContactsException | IllegalArgumentException | IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                SQLException sql = sqlCause(e);
                boolean retryable = e instanceof LostRace || sql != null && dialect.isRetryable(sql);
                if (retryable && i < ATTEMPTS && !inHostTransaction()) {
                    LOG.debug("{}: attempt {} lost a race ({}), running it again", operation, i, sql == null ? e : sql.getMessage());
                    if (BACKOFF.pause(i)) {
                        continue;
                    }
                }
                throw translate(operation, sql, e);
            }
        }
    }

    private RuntimeException translate(String operation, SQLException sql, Exception e) {
        if (sql != null && dialect.isUniqueViolation(sql)) {
            return new ConflictException(operation + ": a unique key is taken (" + firstLine(sql.getMessage()) + ")");
        }
        if (sql != null && dialect.isForeignKeyViolation(sql)) {
            return new NotFoundException(operation + ": a row it refers to does not exist (" + firstLine(sql.getMessage()) + ")");
        }
        if (sql != null && dialect.isRetryable(sql)) {
            return new ConflictException(operation + ": the database kept refusing it for concurrent writes ("
                    + firstLine(sql.getMessage()) + "); try again later");
        }
        return new StoreException(operation, e);
    }

    /** @return whether a call on this thread runs in a transaction of the host's (never rerun by the store) */
    private boolean inHostTransaction() {
        return jta || hostEntityManager().isPresent();
    }

    /** @return the entity manager of the host's transaction on this thread, if any */
    private Optional<EntityManager> hostEntityManager() {
        Deque<EntityManager> stack = joined.get();
        if (stack != null && !stack.isEmpty()) {
            return Optional.of(stack.peek());
        }
        return binding.currentEntityManager(emf);
    }

    private <R> R inTransaction(String operation, Work<R> work) {
        Optional<EntityManager> host = hostEntityManager();
        if (host.isPresent()) {
            return inHostTransaction(host.get(), work, true);
        }
        if (jta) {
            return inJtaTransaction(operation, work);
        }
        return inOwnTransaction(work);
    }

    private <R> R inOwnTransaction(Work<R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                R result = doWork(em, work);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(e, () -> {
                    if (tx.isActive()) {
                        tx.rollback();
                    }
                });
                throw e;
            }
        } finally {
            closeQuietly(em);
        }
    }

    /**
     * Inside the host's transaction: a savepoint, released on success and rolled back to on
     * failure (not in a JTA transaction, whose connections may refuse savepoints: there a
     * failure is the host's to roll back).
     */
    private <R> R inHostTransaction(EntityManager em, Work<R> work, boolean withSavepoint) {
        if (!withSavepoint) {
            return doWork(em, work);
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                R result = runWork(connection, em, work);
                releaseQuietly(connection, savepoint);
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(e, () -> {
                    try {
                        connection.rollback(savepoint);
                    } catch (SQLException r) {
                        throw new SqlFailure(r);
                    }
                });
                throw e;
            }
        });
    }

    /** A JTA unit: the entity manager joins the JTA transaction the host has open. */
    private <R> R inJtaTransaction(String operation, Work<R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            try {
                em.joinTransaction();
            } catch (RuntimeException e) {
                throw new StoreException(operation, "the persistence unit uses JTA and no JTA transaction is active on this thread; "
                        + "call the SDK inside a transaction (UserTransaction, @Transactional) or give it a RESOURCE_LOCAL unit", e);
            }
            return inHostTransaction(em, work, false);
        } finally {
            closeQuietly(em);
        }
    }

    private <R> R doWork(EntityManager em, Work<R> work) {
        return em.unwrap(Session.class).doReturningWork(connection -> runWork(connection, em, work));
    }

    private <R> R runWork(Connection connection, EntityManager em, Work<R> work) {
        try {
            return work.run(new Db(connection, dialect, em));
        } catch (SQLException e) {
            // handled by the caller (translated or retried), not logged by Hibernate as an error
            throw new SqlFailure(e);
        }
    }

    /** Runs a rollback; its own failure is added to the original one, never thrown instead of it. */
    private static void rollbackQuietly(Throwable original, Runnable rollback) {
        try {
            rollback.run();
        } catch (RuntimeException r) {
            original.addSuppressed(r);
            LOG.debug("the rollback after a failure failed too", r);
        }
    }

    private static void releaseQuietly(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException | RuntimeException e) {
            // some drivers release savepoints at commit only; the savepoint is harmless
            LOG.trace("savepoint not released: {}", e.toString());
        }
    }

    private static void closeQuietly(EntityManager em) {
        try {
            em.close();
        } catch (RuntimeException e) {
            LOG.debug("closing an entity manager failed", e);
        }
    }

    /**
     * Notes the catalog version of a property that a query of the calling thread's unit of
     * work read with its rows (nothing outside a unit).
     */
    void sawCatalogVersion(String property, long version) {
        Unit unit = units.get();
        if (unit != null) {
            unit.catalogVersions.put(property, version);
        }
    }

    /** @return the catalog version a query of the calling thread's unit of work read, if any */
    java.util.OptionalLong seenCatalogVersion(String property) {
        Unit unit = units.get();
        Long v = unit == null ? null : unit.catalogVersions.get(property);
        return v == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(v);
    }

    /** Forgets what {@link #sawCatalogVersion} noted (the unit changed the catalog). */
    void forgetCatalogVersion(String property) {
        Unit unit = units.get();
        if (unit != null) {
            unit.catalogVersions.remove(property);
        }
    }

    /**
     * The unit of work open on a thread: its connection, the first statement that failed in
     * it, the catalog versions its queries read, and what to run once the store's own
     * transaction has ended (null in a host's transaction, which takes synchronizations).
     */
    private static final class Unit {
        final Db db;
        final java.util.Map<String, Long> catalogVersions = new java.util.HashMap<>();
        final List<Runnable> afterOwnCommit;
        SQLException failure;

        Unit(Db db, List<Runnable> afterOwnCommit) {
            this.db = db;
            this.afterOwnCommit = afterOwnCommit;
        }
    }

    /**
     * Thrown by a transaction's work when a statement failed because a concurrent transaction
     * committed first what this one was about to check for (a unique key taken between the
     * check and the insert): the transaction is rolled back and run again, and the new run's
     * check sees the committed row.
     *
     * @param cause the database error
     * @return the exception to throw
     */
    static RuntimeException lostRace(SQLException cause) {
        return new LostRace(cause);
    }

    /** See {@link #lostRace}. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace(SQLException cause) {
            super(cause);
        }
    }

    /** A database error on its way out of Hibernate's work callback, unwrapped by {@link #sqlCause}. */
    private static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException cause) {
            super(cause);
        }
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
