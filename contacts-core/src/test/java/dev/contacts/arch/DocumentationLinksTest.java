package dev.contacts.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in the repository's documentation leads outside the repository: every Markdown
 * link resolves to a file (and heading) of the repository, and no Markdown file or Java
 * source (Javadoc included) refers to the team's internal folder or to a {@code .md} file
 * the repository does not have. Runs over the whole repository from contacts-core's build,
 * so {@code ./mvnw verify} fails on a broken link in any module.
 */
class DocumentationLinksTest {
    private static final String INTERNAL = DocumentationLinks.INTERNAL_FOLDER;
    /** A page that exists only in the internal folder, spelled so that this file does not mention it. */
    private static final String INTERNAL_PAGE = "SEMANTICS" + ".md";
    /** Pages of the made-up repository below, spelled so that this file does not mention them. */
    private static final String PAGE = "docs/page" + ".md";
    private static final String MISSING = "docs/missing" + ".md";

    @Test
    void theRepositoryHasNoLinkLeadingOutsideIt() {
        Path root = DocumentationLinks.findRoot(Path.of(""));
        assertThat(Files.isRegularFile(root.resolve("docs/filter-semantics.md"))).as("the filter contract page").isTrue();

        assertThat(new DocumentationLinks(root).problems()).as("links and mentions that lead outside the repository").isEmpty();
    }

    @Test
    void theCheckFindsEveryKindOfBrokenReference(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("mvnw"), "");
        Files.createDirectories(root.resolve("contacts-core/src/main/java/x"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve(PAGE), "# Page\n\n## 1. Values and \"unknown\"\n");
        Files.writeString(root.resolve("README.md"), String.join("\n",
                "[fine](" + PAGE + ") [fine](" + PAGE + "#1-values-and-unknown) [fine](#readme) [fine](docs/)",
                "# Readme",
                "[internal](../" + INTERNAL + INTERNAL_PAGE + ")",
                "[missing](" + MISSING + ")",
                "[web](https://example.com/guide)",
                "[anchor](" + PAGE + "#no-such-heading)",
                "The contract is in " + INTERNAL_PAGE + " §3.",
                "`[in code](no-such-dir/)` is not a link, and neither is this:",
                "```",
                "[in a block](no-such-file.txt)",
                "```",
                ""));
        Files.writeString(root.resolve("contacts-core/src/main/java/x/A.java"), String.join("\n",
                "/** See " + PAGE + " §1 and the README.md. */",
                "/** Rules of " + INTERNAL_PAGE + " §2, also in ../" + INTERNAL + INTERNAL_PAGE + ". */",
                "/** {@link " + "https://example.com/api} */", // split, so that this file has no such link
                "class A {}",
                ""));

        List<String> problems = new DocumentationLinks(root).problems();

        // README line 3 breaks three rules (a link leaving the repository, the internal folder, a
        // missing page), line 4 two (a missing file, a missing page), Java line 2 three.
        assertThat(problems).hasSize(12);
        assertThat(problems).noneMatch(p -> p.startsWith("README.md:1:") || p.startsWith("README.md:8:")
                || p.startsWith("README.md:10:") || p.contains("A.java:1:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:3: links to ../" + INTERNAL).contains("leaves the repository"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:4: links to " + MISSING + ", which does not exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:5: links to https://example.com/guide, outside"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:6: links to " + PAGE + "#no-such-heading").contains("no heading"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("README.md:7: mentions " + INTERNAL_PAGE));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("contacts-core/src/main/java/x/A.java:2: mentions '" + INTERNAL + "'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("contacts-core/src/main/java/x/A.java:2: mentions " + INTERNAL_PAGE));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("contacts-core/src/main/java/x/A.java:3: Javadoc links to the web page"));
    }
}
