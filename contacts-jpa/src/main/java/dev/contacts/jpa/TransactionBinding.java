package dev.contacts.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;

/**
 * How the JPA store finds a transaction the host application has open on the calling
 * thread, so that SDK calls made inside it take part in it: their writes commit or roll back
 * with the host's own, they use the host's connection (never a second one from the pool),
 * and they see the host's uncommitted writes. A framework integration implements it (the
 * Spring Boot starter hands over Spring's transaction-bound {@code EntityManager});
 * {@link JpaStore#join(EntityManager)} covers plain JPA code; a JTA persistence unit is
 * joined by the store itself.
 *
 * <p>Inside a host transaction the store neither commits nor rolls back: each SDK call
 * runs under a savepoint, so a call that fails is undone alone and the host's transaction
 * stays usable; the host decides the outcome. Outside one, each SDK call runs in a
 * transaction of the store's own.
 *
 * <p>Implementations are called from many threads at once and must be thread-safe; they
 * answer about the calling thread only.
 */
@FunctionalInterface
public interface TransactionBinding {
    /**
     * @param factory the store's entity manager factory
     * @return the entity manager of the transaction the host has open on the calling thread
     *         on this factory's database, or empty when there is none (the store then runs
     *         its own transaction)
     */
    Optional<EntityManager> currentEntityManager(EntityManagerFactory factory);

    /** @return the binding that never finds a host transaction (the default) */
    static TransactionBinding none() {
        return factory -> Optional.empty();
    }
}
