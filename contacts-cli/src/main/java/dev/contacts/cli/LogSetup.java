package dev.contacts.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The tool's logging, set up in code (found by logback through {@code META-INF/services}) rather
 * than from a {@code logback.xml}: parsing XML cost about a tenth of a short command's start-up.
 * The command's output is stdout; logs never mix into it. Only the SDK's own warnings are shown:
 * a failure of the store or its driver is the one sentence of the error (the SDK wraps it), so
 * their own logging (Hibernate's HHH... warnings with stack traces, the drivers') stays off;
 * {@code --debug} turns it on at WARN and lowers {@code dev.contacts} to DEBUG (see
 * {@link ContactsCli}). The tool opens embedded H2 with Hibernate's built-in pool on purpose; its
 * warning is for servers.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Made by logback's service loader. */
    public LogSetup() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("org.hibernate.orm.connections.pooling").setLevel(Level.ERROR);
        context.getLogger("dev.contacts").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.OFF);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
