package dev.contacts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.StoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Hibernate's schema tool ({@code spring.jpa.hibernate.ddl-auto}) creates the host's tables
 * and leaves the SDK's to the SDK ({@code contacts.schema}); with {@code contacts.schema=validate}
 * on a database without them, start-up fails with the SDK's message.
 */
class JpaSchemaTest {

    /** No component scan: the starter's configuration classes live in this test's package. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StarterDatabase.class)
    static class App {
    }

    private static ConfigurableApplicationContext start(String schema) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("contacts.schema=" + schema, "spring.jpa.hibernate.ddl-auto=create").run();
    }

    @Test
    void hibernatesDdlAutoCreatesTheHostsTablesButNotTheSdks() throws Exception {
        try (ConfigurableApplicationContext context = start("none")) {
            List<String> tables = tables(context.getBean(DataSource.class));
            assertThat(tables).contains("host_order").doesNotContain("contact", "ticket", "property");
        }
    }

    @Test
    void validateRefusesToStartWithTheSdksMessageWhenItsTablesAreMissing() {
        assertThatThrownBy(() -> start("validate").close())
                .rootCause().isInstanceOf(StoreException.class)
                .hasMessageContaining("validate the schema")
                .hasMessageContaining("SQL files");
    }

    private static List<String> tables(DataSource dataSource) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
