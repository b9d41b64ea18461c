package dev.contacts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The root README's Spring Boot example is {@link HelpdeskService}, the service the transaction tests run, line for line. */
class ReadmeQuotesServiceTest {
    private static final Pattern REGION = Pattern.compile("// tag::service\\[]\\n(.*?)\\n// end::service\\[]", Pattern.DOTALL);

    @Test
    void theReadmeQuotesTheTestedService() throws IOException {
        Matcher region = REGION.matcher(Files.readString(Path.of("src/test/java/dev/contacts/spring/boot/HelpdeskService.java")));
        assertThat(region.find()).as("HelpdeskService has a tag::service region").isTrue();
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + region.group(1) + "\n```");
    }
}
