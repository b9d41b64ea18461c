package dev.contacts.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference helpdesk web app: the Contacts screen of the product on the SDK, through the
 * Spring Boot starter. Started by {@code ./mvnw -B -ntp -pl contacts-web -am spring-boot:run};
 * see docs/web-app.md.
 */
@SpringBootApplication
public class WebApplication {
    /**
     * Starts the application.
     *
     * @param args Spring Boot's command-line arguments, e.g. {@code --spring.datasource.url=jdbc:postgresql://…}
     */
    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
