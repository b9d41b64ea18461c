package dev.contacts.inmemory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The plans {@link Table} chose while some work ran, read from its debug log (one line per query). */
final class TablePlans {
    private TablePlans() {
    }

    /**
     * @param work queries on tables
     * @return the plan line of each query, in order
     */
    static List<String> during(Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger(Table.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            work.run();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
