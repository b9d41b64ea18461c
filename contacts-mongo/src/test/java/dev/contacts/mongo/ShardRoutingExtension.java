package dev.contacts.mongo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharded-MongoDB routing check of every test class of this module (registered for all of
 * them through {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}
 * in {@code junit-platform.properties}): after a class, it fails if the store sent any command
 * during it that {@link ShardRouting} finds would reach every shard, and logs the totals so
 * far (the last line of a run is the summary of the whole run). The commands are seen by
 * {@link ShardRouting#LISTENER} on the clients of {@link MongoTestStores}.
 */
public final class ShardRoutingExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(ShardRoutingExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ShardRoutingExtension.class);

    /** Creates the extension (JUnit does). */
    public ShardRoutingExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("violations", ShardRouting.totals().violations());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Integer from = context.getStore(NAMESPACE).get("violations", Integer.class);
        List<String> found = ShardRouting.violationsSince(from == null ? 0 : from);
        LOG.info("Sharded MongoDB routing check after {}: {}", context.getDisplayName(), ShardRouting.totals());
        if (!found.isEmpty()) {
            Set<String> distinct = new LinkedHashSet<>(found);
            StringBuilder message = new StringBuilder().append(found.size()).append(" command(s) of the store during ")
                    .append(context.getDisplayName()).append(" would reach every shard (").append(distinct.size())
                    .append(" distinct); pin each to its property (propertyId) or justify it in ShardRouting:");
            distinct.stream().limit(20).forEach(v -> message.append("\n  ").append(v));
            throw new AssertionError(message.toString());
        }
    }
}
