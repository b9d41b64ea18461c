package dev.contacts.mongo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
 * The module's public surface is {@link MongoStore}, {@link MongoStoreProvider} and {@link GridFsBlobStore}, each
 * documented; the package has its package-info; library code logs through slf4j only and
 * never builds queries from text.
 */
class ModuleRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.contacts.mongo");
    private static final Path SOURCES = Path.of("src/main/java/dev/contacts/mongo");

    @Test
    void onlyTheStoreItsProviderAndTheBlobStoreArePublic() {
        classes().that().arePublic().and().areTopLevelClasses().should().haveSimpleNameStartingWith("MongoStore")
                .orShould().haveSimpleName("GridFsBlobStore").check(MAIN);
    }

    @Test
    void libraryCodeLogsThroughSlf4jOnly() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(MAIN);
    }

    @Test
    void queriesAreNeverParsedFromText() {
        noClasses().should().callMethod(org.bson.Document.class, "parse", String.class)
                .orShould().callMethod(org.bson.BsonDocument.class, "parse", String.class).check(MAIN);
    }

    @Test
    void publicTypesHaveJavadocAndThePackageHasItsInfo() throws IOException {
        Pattern type = Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|enum|record)\\s+(\\w+)", Pattern.MULTILINE);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                String text = Files.readString(file);
                Matcher m = type.matcher(text);
                if (m.find() && !text.substring(0, m.start()).stripTrailing().endsWith("*/")) {
                    missing.add(file.getFileName().toString());
                }
            }
        }
        assertThat(missing).as("public types without Javadoc").isEmpty();
        assertThat(SOURCES.resolve("package-info.java")).exists();
    }
}
