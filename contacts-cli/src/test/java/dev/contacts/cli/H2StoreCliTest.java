package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.host.BlobStore;
import dev.contacts.spi.ContactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool on an embedded H2 file (the default kind of store): data and attachments outlive each command, the
 * attachments in the database's {@code attachment_blob} table.
 */
class H2StoreCliTest {
    @TempDir
    Path dir;

    @Test
    void commandsBuildOnEachOtherAndAttachmentsLiveInTheDatabase() throws IOException {
        String url = "h2:" + dir.resolve("contacts-data");
        Cli cli = new Cli("--store", url, "--now", "2026-01-01T00:00:00Z");
        assertThat(cli.run("attributes", "define", "plan", "--type", "TEXT", "--label", "Plan").code()).isZero();
        Path people = dir.resolve("people.jsonl");
        Files.writeString(people, "{\"name\": \"Ada\", \"emails\": [\"ada@example.com\"], \"custom.plan\": \"pro\", \"organizations\": [\"Engines\"]}\n"
                + "{\"name\": \"Grace\", \"emails\": [\"grace@example.com\"]}\n", StandardCharsets.UTF_8);
        Cli.Result imported = cli.run("import", people.toString());
        assertThat(imported.out()).as(imported.toString()).containsPattern("created +2\n");
        assertThat(cli.run("import", people.toString()).out()).containsPattern("unchanged +2\n");
        assertThat(cli.run("segments", "save", "Pro", "--filter", "custom.plan is \"pro\"").out()).contains("(1 matches)");

        Path invoice = dir.resolve("invoice.txt");
        Files.writeString(invoice, "Total: 49 EUR\n");
        Cli.Result ticket = cli.run("tickets", "create", "ada@example.com", "--subject", "Invoice", "--message", "Attached.",
                "--attach", invoice.toString());
        assertThat(ticket.out()).as(ticket.toString()).contains("[attachment] invoice.txt (text/plain, 14 bytes)");
        try (ContactStore store = StoreUrls.open(url)) {
            BlobStore blobs = store.blobStore().orElseThrow();
            List<String> keys = blobs.list("tickets/");
            assertThat(keys).hasSize(1);
            assertThat(blobs.get(keys.get(0))).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                    .isEqualTo("Total: 49 EUR\n"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no directory of attachments beside the database")
                    .noneMatch(name -> name.endsWith(".blobs"));
        }
        assertThat(cli.run("segments", "show", "Pro", "--format", "csv").out())
                .isEqualTo("segment 'Pro': custom.plan is \"pro\"\nprimaryEmail,primaryPhone,organization,tags,lastSeen\nada@example.com,,Engines,,\n");
        assertThat(cli.run("timeline", "ada@example.com", "--kind", "TICKET").out()).contains("TICKET  agent cli to ada@example.com: Invoice");
    }
}
