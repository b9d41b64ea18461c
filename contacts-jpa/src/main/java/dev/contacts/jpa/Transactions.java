package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.ContactsException;
import dev.contacts.NotFoundException;
import dev.contacts.StoreException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.SQLException;
import java.util.Collection;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each SPI call in one JPA resource-local transaction on its own {@link EntityManager},
 * with the JDBC connection of that transaction for native SQL. A transaction that lost a
 * race the database detected (deadlock, serialization failure, lock timeout) is rolled back
 * and run again, a few times; a broken unique key becomes {@link ConflictException}, a
 * missing parent row {@link NotFoundException}, any other database error
 * {@link StoreException} naming the operation.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 5;

    /** The work of one transaction. */
    @FunctionalInterface
    interface Work<R> {
        R run(Db db) throws SQLException;
    }

    private final EntityManagerFactory emf;
    private final Dialect dialect;

    Transactions(EntityManagerFactory emf, Dialect dialect) {
        this.emf = emf;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
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
     * @param operation what is done, for error messages (e.g. "insert contact")
     * @param work      the work
     * @param <R>       its result
     * @return the result, once committed
     */
    <R> R run(String operation, Work<R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (ContactsException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                SQLException sql = sqlCause(e);
                if ((e instanceof LostRace || sql != null && dialect.isRetryable(sql)) && attempt < ATTEMPTS) {
                    LOG.debug("{}: attempt {} lost a race ({}), running it again", operation, attempt, sql.getMessage());
                    sleepBeforeRetry(attempt);
                    continue;
                }
                if (sql != null && dialect.isUniqueViolation(sql)) {
                    throw new ConflictException(operation + ": a unique key is taken (" + firstLine(sql.getMessage()) + ")");
                }
                if (sql != null && dialect.isForeignKeyViolation(sql)) {
                    throw new NotFoundException(operation + ": a row it refers to does not exist (" + firstLine(sql.getMessage()) + ")");
                }
                throw new StoreException(operation, e);
            }
        }
    }

    private <R> R once(Work<R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                R result = em.unwrap(Session.class).doReturningWork(connection -> {
                    try {
                        return work.run(new Db(connection, dialect, em));
                    } catch (SQLException e) {
                        // handled here (translated or retried), not logged by Hibernate as an error
                        throw new SqlFailure(e);
                    }
                });
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        } finally {
            em.close();
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

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
