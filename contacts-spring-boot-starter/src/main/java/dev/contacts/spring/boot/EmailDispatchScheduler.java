package dev.contacts.spring.boot;

import dev.contacts.Contacts;
import dev.contacts.DispatchReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the SDK's {@link dev.contacts.EmailDispatcher} every {@code contacts.email.dispatch-interval}
 * on a scheduler thread of its own ({@code contacts-email-1}), the first time one interval after
 * start-up; the application's own scheduling
 * is neither needed nor switched on. It starts with the application context and stops with it,
 * before the beans it uses are destroyed: {@link #stop()} lets a dispatch in progress finish
 * (the SDK marks what it sent) and no dispatch starts after it returns.
 *
 * <p>A dispatch that fails (the store unreachable, say) is logged and tried again at the next
 * interval; emails it had claimed are retried by the SDK when their claim expires.
 *
 * <p>Thread-safe: start and stop may be called from any thread.
 */
public final class EmailDispatchScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDispatchScheduler.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Contacts contacts;
    private final Duration interval;
    private final List<Consumer<DispatchReport>> observers;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> task;

    /**
     * @param contacts  the SDK, whose dispatcher is run
     * @param interval  the pause between the end of one dispatch and the start of the next
     * @param observers told of the report of every dispatch (metrics)
     */
    public EmailDispatchScheduler(Contacts contacts, Duration interval, List<Consumer<DispatchReport>> observers) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("contacts.email.dispatch-interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.observers = List.copyOf(observers);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        s.setPoolSize(1);
        s.setThreadNamePrefix("contacts-email-");
        s.setDaemon(true);
        s.setWaitForTasksToCompleteOnShutdown(true);
        s.setAwaitTerminationMillis(STOP_WAIT.toMillis());
        s.initialize();
        scheduler = s;
        task = s.scheduleWithFixedDelay(this::dispatchOnce, java.time.Instant.now().plus(interval), interval);
        LOG.info("contacts: ticket emails dispatched every {}", interval);
    }

    /**
     * Runs one dispatch now, on the calling thread, and tells the observers; never throws.
     *
     * @return what it did, or null when it failed (the failure is logged)
     */
    public DispatchReport dispatchOnce() {
        DispatchReport report;
        try {
            report = contacts.emailDispatcher().runOnce();
        } catch (RuntimeException e) {
            LOG.warn("contacts: dispatching ticket emails failed; tried again in {}: {}", interval, e.getMessage(), e);
            return null;
        }
        for (Consumer<DispatchReport> observer : observers) {
            try {
                observer.accept(report);
            } catch (RuntimeException e) {
                LOG.warn("contacts: an observer of email dispatches failed; ignored", e);
            }
        }
        return report;
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        task.cancel(false);
        scheduler.shutdown(); // waits for a dispatch in progress, up to STOP_WAIT
        scheduler = null;
        task = null;
        LOG.info("contacts: ticket email dispatch stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** @return the pause between two dispatches */
    public Duration interval() {
        return interval;
    }
}
