package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool on a mongodb: URL (an in-process mongo-java-server): data outlives each command,
 * attachments go to GridFS, and the demo runs to its end.
 */
class MongoStoreCliTest {
    private static MongoServer server;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        url = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/clitest";
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Test
    void commandsBuildOnEachOtherAndAttachmentsGoToGridFs() throws IOException {
        Cli cli = new Cli("--store", url, "--property", "mongo-cli", "--now", "2026-01-01T00:00:00Z");
        assertThat(cli.run("attributes", "define", "plan", "--type", "TEXT", "--label", "Plan").code()).isZero();
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "name,emails,tags,custom.plan,organizations\nAda,ada@example.com,vip,pro,Engines\nGrace,grace@example.com,,,\n",
                StandardCharsets.UTF_8);
        Cli.Result imported = cli.run("import", people.toString());
        assertThat(imported.out()).as(imported.toString()).containsPattern("created +2\n").contains("organizations created: 1");
        assertThat(cli.run("count", "--filter", "tags is not \"vip\"").out().strip()).isEqualTo("1");
        assertThat(cli.run("import", people.toString()).out()).containsPattern("unchanged +2\n");

        Path invoice = dir.resolve("invoice.txt");
        Files.writeString(invoice, "Total: 49 EUR\n");
        Cli.Result ticket = cli.run("tickets", "create", "ada@example.com", "--subject", "Invoice", "--message", "Attached.",
                "--attach", invoice.toString());
        assertThat(ticket.out()).as(ticket.toString()).contains("[attachment] invoice.txt (text/plain, 14 bytes)");
        assertThat(cli.run("timeline", "ada@example.com").out()).contains("TICKET  agent cli to ada@example.com: Invoice");
        Cli.Result export = cli.run("export", "--columns", "name,emails,custom.plan,organizations", "--format", "csv");
        assertThat(export.out()).isEqualTo("name,emails,custom.plan,organizations\nAda,ada@example.com,pro,Engines\nGrace,grace@example.com,,\n");
    }

    @Test
    void theDemoRunsToItsEnd() {
        Cli.Result demo = new Cli("--store", url, "--now", "2026-01-01T00:00:00Z").run("demo", "--size", "300");
        assertThat(demo.code()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("== Done").contains("The data stays in " + url);
        Cli.Result again = new Cli("--store", url, "--property", "demo").run("segments", "list");
        assertThat(again.out()).as(again.toString()).contains("FR VIPs and chatty Germans").contains("Paying plans");
    }
}
