package dev.contacts.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the core has Javadoc, and every public package has a
 * package-info.java with its contract. Reads the sources, so it runs in the module's
 * own build.
 */
class PublicApiDocumentationTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyPublicTypeHasJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                String text = Files.readString(file);
                Matcher m = PUBLIC_TYPE.matcher(text);
                if (m.find()) {
                    String before = text.substring(0, m.start()).stripTrailing();
                    while (before.endsWith(")") || before.matches("(?s).*@\\w+$")) { // annotations between doc and type
                        int at = before.lastIndexOf('@');
                        before = before.substring(0, at).stripTrailing();
                    }
                    if (!before.endsWith("*/")) {
                        missing.add(file.toString());
                    }
                }
            }
        }
        assertThat(missing).as("public types without Javadoc").isEmpty();
    }

    @Test
    void everyPackageHasPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> children = Files.list(dir)) {
                    hasJava = children.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
                    missing.add(SOURCES.relativize(dir).toString());
                }
            }
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }
}
