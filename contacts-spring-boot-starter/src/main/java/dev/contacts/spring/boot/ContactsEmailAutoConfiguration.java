package dev.contacts.spring.boot;

import dev.contacts.Contacts;
import dev.contacts.DispatchReport;
import dev.contacts.host.Mailer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Runs the SDK's outbox dispatcher on a schedule of its own ({@link EmailDispatchScheduler},
 * every {@code contacts.email.dispatch-interval}) when the application has a {@link Mailer}
 * — its own bean, or the starter's over {@code JavaMailSender} — and
 * {@code contacts.email.enabled} is not false. Without a mailer, ticket emails wait in the
 * outbox. A separate auto-configuration, after {@link ContactsAutoConfiguration}, so that the
 * starter's own mailer is known when the condition is checked.
 */
@AutoConfiguration(after = ContactsAutoConfiguration.class)
@ConditionalOnBean({Contacts.class, Mailer.class})
@ConditionalOnBooleanProperty(name = "contacts.email.enabled", matchIfMissing = true)
public class ContactsEmailAutoConfiguration {

    /** Creates the auto-configuration (Spring calls it). */
    public ContactsEmailAutoConfiguration() {
    }

    /**
     * @param contacts   the SDK whose outbox is dispatched
     * @param properties the {@code contacts.*} properties
     * @param observers  told of every dispatch (the starter's email counters among them)
     * @return the scheduler, started and stopped with the application context
     */
    @Bean
    @ConditionalOnMissingBean
    public EmailDispatchScheduler contactsEmailDispatchScheduler(Contacts contacts, ContactsProperties properties,
            ObjectProvider<ContactsAutoConfiguration.DispatchObserver> observers) {
        List<Consumer<DispatchReport>> each = observers.orderedStream()
                .map(observer -> (Consumer<DispatchReport>) observer::dispatched).toList();
        return new EmailDispatchScheduler(contacts, properties.email().dispatchInterval(), each);
    }
}
