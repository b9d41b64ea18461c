package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Import's rules and report, export, and the round trip between them. */
class ImportExportTest extends SharedStoreCliTest {
    ImportExportTest() {
        super("io");
    }

    @Test
    void anInvalidCustomKeyIsCalledInvalidAndNoCommandIsSuggested() throws IOException {
        Path f = file("bad-key.jsonl", "{\"emails\": [\"ada@example.com\"], \"custom.x;rm -rf ~\": \"1\"}\n");
        Cli.Result r = cli.run("import", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("line 1: 'custom.x;rm -rf ~' is not a valid custom attribute name")
                .contains("[a-z][a-z0-9_]{0,39}").doesNotContain("attributes define");
    }

    @Test
    void theReportCountsEveryRowAndNamesRejectedLinesWithTheirReasons() throws IOException {
        assertThat(cli.run("attributes", "define", "plan", "--type", "TEXT", "--label", "Plan").code()).isZero();
        Path f = file("people.jsonl", String.join("\n",
                "{\"name\": \"Ada Lovelace\", \"emails\": [\"ada@example.com\"], \"tags\": [\"vip\"], \"custom.plan\": \"gold\", \"organizations\": [\"Analytical Engines\"]}",
                "{\"name\": \"No Address\"}",
                "",
                "{\"emails\": [\"grace@example.com\"], \"organizations\": [\"Never Created\"], \"custom.colour\": \"blue\"}",
                "{\"emails\": \"alan@example.com\", \"totalTickets\": \"many\"}",
                "not json",
                "{\"emails\": [\"ada@example.com\"], \"city\": \"London\", \"updated\": \"2020-01-01T00:00:00Z\"}",
                "{\"primaryEmail\": \"linus@example.com\", \"country\": \"fi\", \"created\": \"2020-05-01\"}") + "\n");
        Cli.Result r = cli.run("import", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2); // rows were rejected
        assertThat(r.out())
                .containsPattern("created +2\n")
                .containsPattern("updated +1\n")
                .containsPattern("unchanged +0\n")
                .containsPattern("rejected +4\n")
                .contains("organizations created: 1")
                .contains("ignored key 'updated': the store sets it")
                .contains("line 2: a row needs an email (emails or primaryEmail) or the id of a contact")
                .contains("line 4: custom.colour is not defined in property default; define it first: contacts attributes define colour")
                .contains("line 5: totalTickets: 'many' is not a number")
                .contains("--type TEXT|TEXT_SET|NUMBER|DATE|BOOLEAN --label \"Colour\"")
                .contains("line 6: not valid JSON");
        assertThat(cli.run("orgs", "list").out()).doesNotContain("Never Created"); // a rejected row changes nothing
        Cli.Result ada = cli.run("show", "ada@example.com");
        assertThat(ada.out()).contains("Ada Lovelace").contains("London").contains("Analytical Engines").contains("gold");
        assertThat(cli.run("find", "--filter", "country is \"FI\"", "--columns", "primaryEmail,created", "--format", "csv").out())
                .isEqualTo("primaryEmail,created\nlinus@example.com,2020-05-01T00:00:00.000Z\n");

        Cli.Result again = cli.run("import", f.toString());
        assertThat(again.out()).containsPattern("created +0\n").containsPattern("updated +0\n").containsPattern("unchanged +3\n")
                .doesNotContain("organizations created");
    }

    @Test
    void csvReadsMultiValuedCellsWithEscapesABomAndQuotedLineBreaks() throws IOException {
        Path f = file("people.csv", "\uFEFFname,emails,tags,organizations,jobTitle\n"
                + "\"Ada, Countess\",ada@example.com;ada@work.example,a\\;b;c\\\\d,\"Engines;\"\"Babbage & Co\"\"\",\"Line one\nline two\"\n"
                + "Bad Escape,bad@example.com,x\\y,,\n"
                + "Short,short@example.com\n"
                + "Cleared,cleared@example.com,,,\n");
        Cli.Result r = cli.run("import", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).containsPattern("created +2\n").containsPattern("rejected +2\n")
                .contains("line 4: tags: '\\' at position 2 must be followed by ';' or '\\'")
                .contains("line 5: has 2 cells but the header has 5 columns");
        Cli.Result json = cli.run("find", "--filter", "name contains \"countess\"",
                "--columns", "emails,tags,organizations,jobTitle", "--format", "jsonl");
        assertThat(json.out().strip()).isEqualTo("{\"emails\":[\"ada@example.com\",\"ada@work.example\"],\"tags\":[\"a;b\",\"c\\\\d\"],"
                + "\"organizations\":[\"Engines\",\"\\\"Babbage & Co\\\"\"],\"jobTitle\":\"Line one\\nline two\"}");
        Cli.Result csv = cli.run("export", "--filter", "name contains \"countess\"", "--columns", "name,tags,organizations", "--format", "csv");
        assertThat(csv.out()).isEqualTo("name,tags,organizations\n\"Ada, Countess\",a\\;b;c\\\\d,\"Engines;\"\"Babbage & Co\"\"\"\n");
    }

    @Test
    void nullClearsAndAnAbsentKeyKeeps() throws IOException {
        cli.run("import", file("a.jsonl", "{\"emails\": [\"ada@example.com\"], \"city\": \"London\", \"tags\": [\"vip\"]}\n").toString());
        Cli.Result r = cli.run("import", file("b.jsonl", "{\"emails\": [\"ada@example.com\"], \"city\": null}\n").toString());
        assertThat(r.out()).containsPattern("updated +1\n");
        assertThat(cli.run("find", "--columns", "city,tags", "--format", "csv").out()).isEqualTo("city,tags\n\"\",vip\n");
    }

    @Test
    void anIdNamesTheContactToUpdateEvenWhenItsEmailChanges() throws IOException {
        cli.run("import", file("a.jsonl", "{\"emails\": [\"ada@example.com\"], \"name\": \"Ada\"}\n").toString());
        String id = cli.run("find", "--columns", "id", "--format", "csv").out().split("\n")[1];
        Cli.Result r = cli.run("import", file("b.csv", "id,emails\n" + id + ",ada@new.example\n").toString());
        assertThat(r.out()).as(r.toString()).containsPattern("updated +1\n");
        assertThat(cli.run("find", "--columns", "id,name,emails", "--format", "csv").out()).isEqualTo("id,name,emails\n" + id + ",Ada,ada@new.example\n");
        Cli.Result unknown = cli.run("import", file("c.csv", "id,name\n0190b0c4-7f3a-7cde-8a12-3456789abcde,Nobody\n").toString());
        assertThat(unknown.out()).contains("line 2: id 0190b0c4-7f3a-7cde-8a12-3456789abcde is not a contact of property default and the row has no email");
    }

    @Test
    void aDryRunReportsWithoutWriting() throws IOException {
        Path f = file("a.jsonl", "{\"emails\": [\"ada@example.com\"], \"organizations\": [\"New Org\"]}\n{\"name\": \"x\"}\n");
        Cli.Result r = cli.run("import", f.toString(), "--dry-run");
        assertThat(r.out()).contains("(dry run: nothing written)").containsPattern("to create +1\n").containsPattern("rejected +1\n")
                .contains("organizations to create: 1");
        assertThat(cli.run("count").out().strip()).isEqualTo("0");
        assertThat(cli.run("orgs", "list").out()).contains("0 of 0 organizations");
    }

    @Test
    void theReportCountsEveryRejectionButKeepsOnlyTheFirstThousand() throws IOException {
        StringBuilder rows = new StringBuilder("name\n");
        for (int i = 0; i < 5_000; i++) {
            rows.append("Person ").append(i).append('\n');
        }
        Cli.Result r = cli.run("import", file("no-emails.csv", rows.toString()).toString(), "--show-rejected", "2000");
        assertThat(r.out()).containsPattern("rejected +5,000\n").contains("line 2: a row needs an email").contains("line 1001: ")
                .doesNotContain("line 1002: ").contains("... and 4,000 more rejected rows");
    }

    @Test
    void standardInputIsReadAsJsonLinesByDefault() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("{\"emails\": [\"stdin@example.com\"]}\n".getBytes(StandardCharsets.UTF_8)));
            Cli.Result r = cli.run("import", "-");
            assertThat(r.out()).as(r.toString()).startsWith("import - into property default").containsPattern("created +1\n");
        } finally {
            System.setIn(saved);
        }
        assertThat(cli.run("count", "--filter", "emails is \"stdin@example.com\"").out().strip()).isEqualTo("1");
    }

    @Test
    void aBrokenCsvHeaderIsBadInput() throws IOException {
        Cli.Result r = cli.run("import", file("x.csv", "name,name\nA,B\n").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("names column 'name' twice");
        assertThat(cli.run("import", dir.resolve("missing.csv").toString()).err()).contains("does not exist");
        assertThat(cli.run("import", file("x.txt", "").toString()).err()).contains("give --format csv or --format jsonl");
    }
}
