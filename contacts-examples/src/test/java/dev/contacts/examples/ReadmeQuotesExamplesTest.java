package dev.contacts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The root README quotes each tagged region of the examples line for line (indentation removed). */
class ReadmeQuotesExamplesTest {
    private static final Path README = Path.of("../README.md");
    private static final Path SOURCES = Path.of("src/main/java/dev/contacts/examples");
    private static final Pattern REGION = Pattern.compile("// tag::([a-z-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);

    @Test
    void everyTaggedRegionIsQuotedInTheReadme() throws IOException {
        String readme = Files.readString(README);
        int regions = 0;
        for (String file : List.of("EmbeddedInMemory.java", "HelpdeskTickets.java", "ActivityAndTimeline.java", "SeveralProperties.java",
                "OnYourMongoClient.java", "OnYourEntityManagerFactory.java")) {
            Matcher m = REGION.matcher(Files.readString(SOURCES.resolve(file)));
            while (m.find()) {
                regions++;
                String quoted = m.group(2).lines().map(l -> l.startsWith("        ") ? l.substring(8) : l).collect(Collectors.joining("\n"));
                assertThat(readme).as("README quotes region " + m.group(1) + " of " + file).contains("```java\n" + quoted + "\n```");
            }
        }
        assertThat(regions).isEqualTo(6);
    }
}
