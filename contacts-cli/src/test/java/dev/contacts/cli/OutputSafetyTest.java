package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Output a hostile value cannot abuse: terminal controls escaped, spreadsheet formulas neutralised, export files never half written. */
class OutputSafetyTest extends SharedStoreCliTest {
    OutputSafetyTest() {
        super("output");
    }

    @Test
    void terminalControlsInValuesAreEscapedByFindAndShow() throws IOException {
        Path f = file("spoof.jsonl", "{\"emails\":[\"s@example.com\"],\"name\":\"Evil\\r\\u202Egnp.exe\",\"tags\":[\"a\\u0085b\",\"\\u009B31mred\"],"
                + "\"city\":\"x\\u2066y\"}\n");
        assertThat(cli.run("import", f.toString()).code()).isZero();
        Cli.Result find = cli.run("find", "--columns", "name,tags,city");
        Cli.Result show = cli.run("show", "s@example.com");
        for (Cli.Result r : List.of(find, show)) {
            assertThat(r.out()).as(r.toString()).doesNotContain("\r").doesNotContain("\u202E").doesNotContain("\u0085")
                    .doesNotContain("\u009B").doesNotContain("\u2066")
                    .contains("Evil\\r\\u202Egnp.exe").contains("a\\u0085b").contains("\\u009B31mred").contains("x\\u2066y");
        }
        // data formats keep the values exact
        assertThat(cli.run("find", "--columns", "name", "--format", "jsonl").out()).contains("Evil\\r\u202Egnp.exe");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralisedAndReadBackEqual() throws IOException {
        Path f = file("formulas.jsonl", String.join("\n",
                "{\"emails\":[\"f1@example.com\"],\"name\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\",\"custom.delta\":-3}",
                "{\"emails\":[\"f2@example.com\"],\"name\":\"+cmd|' /C calc'!A0\",\"tags\":[\"@SUM(1)\",\"ok\"]}",
                "{\"emails\":[\"f3@example.com\"],\"name\":\"-2+3\",\"jobTitle\":\"'=already quoted\"}",
                "{\"emails\":[\"f4@example.com\"],\"name\":\"'plain quote\",\"city\":\"Tab\\tbed\"}") + "\n");
        // a negative number is a value, never a formula: a NUMBER attribute that can be negative (counters cannot)
        assertThat(cli.run("attributes", "define", "delta", "--type", "NUMBER", "--label", "Delta").code()).isZero();
        assertThat(cli.run("import", f.toString()).code()).isZero();
        Path csv = dir.resolve("out.csv");
        Cli.Result export = cli.run("export", "--columns", "emails,name,tags,jobTitle,city,custom.delta", "--output", csv.toString());
        assertThat(export.code()).as(export.toString()).isZero();
        String text = Files.readString(csv);
        assertThat(text).contains("f1@example.com,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,,-3\n")
                .contains("f2@example.com,'+cmd|' /C calc'!A0,'@SUM(1);ok,,,\n")
                .contains("f3@example.com,'-2+3,,''=already quoted,,\n")
                .contains("f4@example.com,'plain quote,,,Tab\tbed,\n");

        Cli other = new Cli("--store", "shared:output-copy");
        assertThat(other.run("attributes", "define", "delta", "--type", "NUMBER", "--label", "Delta").code()).isZero();
        assertThat(other.run("import", csv.toString()).code()).isZero();
        String columns = "emails,name,tags,jobTitle,city,custom.delta";
        assertThat(other.run("find", "--columns", columns, "--format", "jsonl", "--sort", "created:asc").out())
                .isEqualTo(cli.run("find", "--columns", columns, "--format", "jsonl", "--sort", "created:asc").out());
    }

    @Test
    void anExportThatFailsLeavesTheFormerFileAndNoTemporaryOne() throws IOException {
        assertThat(cli.run("import", file("one.jsonl", "{\"emails\":[\"a@example.com\"]}\n").toString()).code()).isZero();
        Path out = file("out.jsonl", "the former export\n");
        Cli.Result failed = cli.run("export", "--output", out.toString(), "--cursor", "AAAA");
        assertThat(failed.code()).as(failed.toString()).isNotZero();
        assertThat(Files.readString(out)).isEqualTo("the former export\n");
        Cli.Result ok = cli.run("export", "--output", out.toString());
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(Files.readString(out)).contains("a@example.com");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("one.jsonl", "out.jsonl");
        }
    }

    @Test
    void anOutputNotCommittedNeverReplacesTheTarget() throws IOException {
        Path target = file("t.csv", "old\n");
        try (AtomicOutput o = AtomicOutput.open(target)) {
            o.writer().write("half");
        }
        assertThat(Files.readString(target)).isEqualTo("old\n");
        try (AtomicOutput o = AtomicOutput.open(target)) {
            o.writer().write("new\n");
            assertThat(Files.readString(target)).isEqualTo("old\n");
            o.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
