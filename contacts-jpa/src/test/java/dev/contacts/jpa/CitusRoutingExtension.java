package dev.contacts.jpa;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Citus routing check of every test class of this module (registered for all of them
 * through {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}
 * in {@code junit-platform.properties}): before a class, the JDBC drivers are wrapped by
 * {@link RoutingRecorder}; after it, the class fails if the store sent any statement during it
 * that is not a Citus router query nor listed in {@link CitusRouting#EXEMPTIONS}, and the
 * totals so far are logged (the last line of a run is the summary of the whole run).
 */
public final class CitusRoutingExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(CitusRoutingExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CitusRoutingExtension.class);

    /** Creates the extension (JUnit does). */
    public CitusRoutingExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RoutingRecorder.install();
        context.getStore(NAMESPACE).put("violations", RoutingRecorder.totals().violations());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Integer from = context.getStore(NAMESPACE).get("violations", Integer.class);
        List<String> found = RoutingRecorder.violationsSince(from == null ? 0 : from);
        RoutingRecorder.Totals totals = RoutingRecorder.totals();
        LOG.info("Citus routing check on {} after {}: {}", TestDatabase.NAME, context.getDisplayName(), totals);
        if (!found.isEmpty()) {
            Set<String> distinct = new LinkedHashSet<>(found);
            StringBuilder message = new StringBuilder().append(found.size()).append(" statement(s) of the store during ")
                    .append(context.getDisplayName()).append(" are not Citus router queries (")
                    .append(distinct.size()).append(" distinct); scope each by property_id or justify it in CitusRouting.EXEMPTIONS:");
            distinct.stream().limit(20).forEach(v -> message.append("\n  ").append(v));
            throw new AssertionError(message.toString());
        }
    }
}
