package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help, exit codes, one-sentence errors and the caret under a filter's syntax error. */
class CliBasicsTest {
    private final Cli cli = new Cli("--store", "shared:basics", "--now", "2026-01-01T00:00:00Z");

    @AfterEach
    void forget() {
        SharedMemoryStores.reset();
    }

    @Test
    void helpListsEveryCommandWithAnExample() {
        Cli.Result r = new Cli().run("--help");
        assertThat(r.code()).isZero();
        CommandLine cmd = ContactsCli.commandLine(new ContactsCli());
        for (String name : cmd.getSubcommands().keySet()) {
            assertThat(r.out()).as("command " + name).contains("\n  " + name + " ").contains("  contacts " + name + " ");
        }
        assertThat(r.out()).contains("--store=URL", "forgotten when the command ends", "--property=ID", "--zone=ZONE", "--now=INSTANT", "--debug");
    }

    @Test
    void onlyTheCommandBeingRunGetsAModel() {
        assertThat(commands("count", "--filter", "tags is \"vip\"")).containsExactly("count");
        assertThat(commands("--store", "count", "--property=find", "--debug", "find")).containsExactly("find"); // option values are skipped
        assertThat(commands("--store=mem:", "--zone", "UTC", "tickets", "list")).containsExactly("tickets");
        int all = ContactsCli.commandLine(new ContactsCli()).getSubcommands().size();
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "count"}, {"cuont"}, {"--", "count"}}) {
            assertThat(commands(args)).as(String.join(" ", args)).hasSize(all);
        }
    }

    private static java.util.Set<String> commands(String... args) {
        return ContactsCli.commandLine(new ContactsCli(), args).getSubcommands().keySet();
    }

    @Test
    void aFilterSyntaxErrorShowsTheTextWithACaretUnderThePositionAndWhatWasExpected() {
        Cli.Result r = cli.run("find", "--filter", "tags is \"vip\" and contry contians \"FR\"");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String[] lines = r.err().split("\n");
        assertThat(lines[0]).startsWith("contacts: invalid filter: ").contains("line 1, column 26").doesNotContain("expected");
        assertThat(lines[1]).isEqualTo("  tags is \"vip\" and contry contians \"FR\"");
        assertThat(lines[2]).isEqualTo("  " + " ".repeat(25) + "^ expected an operator such as 'is', 'contains' or '='");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theCaretCountsCodePointsAndLines() {
        Cli.Result r = cli.run("count", "--filter", "name is \"😀\" and\n  city is");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 2, column 10").contains("\n    city is\n" + "  " + " ".repeat(9) + "^ expected");
    }

    @Test
    void anUnknownAttributeIsBadInputInOneSentence() {
        Cli.Result r = cli.run("count", "--filter", "custom.plan is \"gold\"");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("contacts: 'custom.plan' is not a contact attribute").doesNotContain("\n");
    }

    @Test
    void stackTracesOnlyWithDebug() {
        Cli.Result plain = cli.run("show", "0190b0c4-7f3a-7cde-8a12-3456789abcde");
        assertThat(plain.code()).isEqualTo(2);
        assertThat(plain.err()).contains("does not exist").doesNotContain("\tat ");
        Cli.Result debug = cli.run("--debug", "show", "0190b0c4-7f3a-7cde-8a12-3456789abcde");
        assertThat(debug.err()).contains("NotFoundException").contains("\tat ");
    }

    @Test
    void aStoreSchemeNoModuleHandlesNamesTheModuleToAdd() {
        Map<String, String> modules = Map.of("mongodb://localhost/contacts", "contacts-mongo",
                "jdbc:postgresql://localhost/contacts", "contacts-jpa", "h2:./never-created", "contacts-jpa");
        modules.forEach((url, module) -> {
            if (StoreUrls.defaultUrl(url, "absent").equals("absent")) { // the module is not in this build
                Cli.Result r = new Cli("--store", url).run("count");
                assertThat(r.code()).isEqualTo(2);
                assertThat(r.err().strip()).contains("add " + module).doesNotContain("\n");
            } else {
                assertThat(StoreUrls.missing(url)).contains("add " + module); // what it would say without the module
            }
        });
        Cli.Result nonsense = new Cli("--store", "ftp://x").run("count");
        assertThat(nonsense.code()).isEqualTo(2);
        assertThat(nonsense.err()).contains("is not a store URL");
        Cli.Result malformed = new Cli("--store", "mongodb://localhost").run("count"); // no database: bad usage, no connection
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("database");
    }

    @Test
    void theDefaultStoreIsTheH2FileWhenAModuleOpensItElseMem() {
        assertThat(StoreUrls.defaultUrl("shared:default", "mem:")).isEqualTo("shared:default"); // a provider opens it
        assertThat(StoreUrls.defaultUrl("nosuchscheme:x", "mem:")).isEqualTo("mem:");
        // contacts-jpa and the H2 driver are dependencies of the tool, so its default is the H2 file
        assertThat(new ContactsCli().storeUrl()).isEqualTo("h2:./contacts-data");
    }

    @Test
    void aPropertyMayBeNamedLikeACommand() {
        assertThat(cli.run("--property", "demo", "count").out().strip()).isEqualTo("0");
        assertThat(cli.run("count", "--property", "find").out().strip()).isEqualTo("0");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(cli.run("find", "--limit", "many").code()).isEqualTo(2);
        assertThat(cli.run("--now", "yesterday", "count").code()).isEqualTo(2);
        assertThat(cli.run("--property", "Not A Valid Id!", "count").code()).isEqualTo(2);
        assertThat(cli.run("nonsense").code()).isEqualTo(2);
        assertThat(cli.run("find", "--sort", "lastSeen:sideways").code()).isEqualTo(2);
        assertThat(cli.run("find", "--sort", "tags:asc").code()).isEqualTo(2);
    }

    @Test
    void anIoFailureExitsWithOne(@TempDir Path dir) {
        Cli.Result r = cli.run("export", "--output", dir.resolve("missing-dir/out.jsonl").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("contacts: I/O failure").doesNotContain("\tat ");
    }
}
