package dev.contacts.web;

import dev.contacts.Contacts;
import dev.contacts.jpa.JpaStore;
import dev.contacts.jpa.SchemaMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** INTERIM until the starter lands: one Contacts bean over the datasource URL. */
@Configuration
class InterimContactsConfig {
    @Bean(destroyMethod = "close")
    Contacts contacts(@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String user,
                      @Value("${spring.datasource.password:}") String password) {
        return Contacts.builder().store(JpaStore.create(url, user, password, SchemaMode.CREATE)).build();
    }
}
