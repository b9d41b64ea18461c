package dev.contacts.spring.boot;

import dev.contacts.DispatchReport;
import dev.contacts.host.OperationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Micrometer meters of the SDK, registered in the application's {@link MeterRegistry}:
 * <ul>
 *   <li>{@value #OPERATIONS} (timer): every contact search, count and upsert, tagged
 *       {@code operation} ({@code find}, {@code count}, {@code upsert}), {@code store} (the store's
 *       type, e.g. {@code JpaStore}) and {@code outcome} ({@code success} or {@code error});</li>
 *   <li>{@value #EMAILS} (counter): ticket emails handed to the mailer by the scheduled dispatcher,
 *       tagged {@code store} and {@code outcome}: {@code sent}, {@code retried} (the attempt failed,
 *       another is scheduled) or {@code failed} (the last attempt failed).</li>
 * </ul>
 * Never tagged by property, contact, email address or filter: the number of series stays fixed.
 *
 * <p>Thread-safe.
 */
public final class ContactsMetrics implements OperationListener {
    /** The name of the timer of contact operations. */
    public static final String OPERATIONS = "contacts.operations";
    /** The name of the counter of ticket emails. */
    public static final String EMAILS = "contacts.emails";

    private final Map<Operation, Timer> succeeded = new EnumMap<>(Operation.class);
    private final Map<Operation, Timer> failed = new EnumMap<>(Operation.class);
    private final Counter sent;
    private final Counter retried;
    private final Counter given;

    /**
     * Registers the meters.
     *
     * @param registry the application's registry
     * @param store    the store's type name, the {@code store} tag
     */
    public ContactsMetrics(MeterRegistry registry, String store) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(store, "store");
        for (Operation operation : Operation.values()) {
            succeeded.put(operation, timer(registry, store, operation, "success"));
            failed.put(operation, timer(registry, store, operation, "error"));
        }
        sent = counter(registry, store, "sent");
        retried = counter(registry, store, "retried");
        given = counter(registry, store, "failed");
    }

    private static Timer timer(MeterRegistry registry, String store, Operation operation, String outcome) {
        return Timer.builder(OPERATIONS).description("Contact searches, counts and upserts of the contacts SDK")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT)).tag("store", store).tag("outcome", outcome)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String store, String outcome) {
        return Counter.builder(EMAILS).description("Ticket emails handed to the mailer by the contacts SDK's dispatcher")
                .tag("store", store).tag("outcome", outcome).register(registry);
    }

    @Override
    public void completed(Operation operation, Duration elapsed, Throwable failure) {
        (failure == null ? succeeded : failed).get(operation).record(elapsed);
    }

    /**
     * Counts the emails of one dispatch.
     *
     * @param report what the dispatch did
     */
    public void dispatched(DispatchReport report) {
        sent.increment(report.sent());
        retried.increment(report.retried());
        given.increment(report.failed());
    }
}
