package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code import --create-attributes}: unknown custom keys defined with the type every value of the file agrees on. */
class CreateAttributesTest extends SharedStoreCliTest {
    CreateAttributesTest() {
        super("create");
    }

    @Test
    void generatedContactsImportWithTheFlagAndTheRejectionNamesIt() {
        Path g = dir.resolve("g.jsonl");
        Cli.Result gen = new Cli().run("generate", "2000", "--output", g.toString());
        assertThat(gen.err()).contains("--create-attributes");
        Cli.Result without = cli.run("import", g.toString(), "--dry-run");
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.out()).contains("or import with --create-attributes");

        Cli.Result r = cli.run("import", g.toString(), "--create-attributes");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("created +2,000\n").containsPattern("rejected +0\n")
                .contains("attribute created: custom.interests (TEXT_SET)").contains("attribute created: custom.plan (TEXT)")
                .contains("attribute created: custom.renewal (DATE)").contains("attribute created: custom.score (NUMBER)")
                .contains("attribute created: custom.vip (BOOLEAN)");
        assertThat(cli.run("import", g.toString(), "--create-attributes").out()).containsPattern("unchanged +2,000\n")
                .doesNotContain("attribute created");
    }

    @Test
    void theTypeComesFromEveryRowOfTheFileAndDisagreementDefinesNothing() throws IOException {
        Path f = file("mixed.jsonl", String.join("\n",
                "{\"emails\": [\"a@example.com\"]}",
                "{\"emails\": [\"b@example.com\"], \"custom.seats\": 3, \"custom.topics\": \"billing\", \"custom.mixed\": 1, \"custom.empty\": null}",
                "{\"emails\": [\"c@example.com\"], \"custom.seats\": 4.5, \"custom.topics\": [\"sales\", \"api\"], \"custom.mixed\": \"one\"}",
                "{\"emails\": [\"d@example.com\"], \"custom.since\": \"2024-03-01T10:00:00Z\", \"custom.trial\": false}",
                "{\"emails\": [\"e@example.com\"], \"custom.since\": \"2025-01-01\", \"custom.note\": \"2025-01-01\"}",
                "{\"emails\": [\"f@example.com\"], \"custom.note\": \"call back\"}") + "\n");
        Cli.Result r = cli.run("import", f.toString(), "--create-attributes");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("attribute created: custom.seats (NUMBER)").contains("attribute created: custom.topics (TEXT_SET)")
                .contains("attribute created: custom.since (DATE)").contains("attribute created: custom.trial (BOOLEAN)")
                .contains("attribute created: custom.note (TEXT)")
                .doesNotContain("custom.mixed (").doesNotContain("custom.empty (")
                .containsPattern("created +4\n").containsPattern("rejected +2\n")
                .contains("line 2: custom.mixed: its values disagree on a type (a number on line 2, text on line 3)");
        Cli.Result list = cli.run("attributes", "list");
        assertThat(list.out()).containsPattern("custom.seats .*NUMBER").doesNotContain("custom.mixed");
        assertThat(cli.run("show", "c@example.com").out()).doesNotContain("sales"); // its row was rejected for custom.mixed
        assertThat(cli.run("show", "e@example.com").out()).contains("2025-01-01");
    }

    @Test
    void csvColumnsAreTypedByTheirCells() throws IOException {
        Path f = file("typed.csv", "emails,custom.seats,custom.topics,custom.trial,custom.code\n"
                + "a@example.com,3,billing,true,007\n"
                + "b@example.com,-4.5,sales;api,FALSE,A7\n"
                + "c@example.com,,,,\n");
        Cli.Result r = cli.run("import", f.toString(), "--create-attributes");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("attribute created: custom.seats (NUMBER)").contains("attribute created: custom.topics (TEXT_SET)")
                .contains("attribute created: custom.trial (BOOLEAN)").contains("attribute created: custom.code (TEXT)");
    }

    @Test
    void aDryRunSaysWhatItWouldDefineAndDefinesNothing() throws IOException {
        Path f = file("dry.jsonl", "{\"emails\": [\"a@example.com\"], \"custom.seats\": 3}\n");
        Cli.Result r = cli.run("import", f.toString(), "--create-attributes", "--dry-run");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("attribute to create: custom.seats (NUMBER)").containsPattern("to create +1\n");
        assertThat(cli.run("attributes", "list").out()).doesNotContain("custom.seats");
    }

    @Test
    void standardInputCannotBeScannedTwice() {
        Cli.Result r = cli.run("import", "-", "--create-attributes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--create-attributes needs a file");
    }
}
