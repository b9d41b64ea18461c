package dev.contacts.spring.boot;

import dev.contacts.jpa.TransactionBinding;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the {@link EntityManager} of the Spring-managed transaction open on the calling thread
 * ({@code @Transactional} or a {@code TransactionTemplate} over a {@code JpaTransactionManager}),
 * so that SDK calls made inside it commit or roll back with the application's own writes.
 * Outside such a transaction the store runs each call in a transaction of its own.
 *
 * <p>Stateless and thread-safe: it answers about the calling thread only.
 */
public final class SpringTransactionBinding implements TransactionBinding {

    @Override
    public Optional<EntityManager> currentEntityManager(EntityManagerFactory factory) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(EntityManagerFactoryUtils.getTransactionalEntityManager(factory));
    }
}
