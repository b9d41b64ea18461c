package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain commands on a store shared between commands: segments, list views, attributes, organizations, tickets, merge, call. */
class DomainCommandsTest {
    @TempDir
    Path dir;
    private final Cli cli = new Cli("--store", "shared:domain", "--now", "2026-01-01T00:00:00Z", "--zone", "Europe/Paris");

    @BeforeEach
    void data() throws IOException {
        Path f = dir.resolve("people.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"name\": \"Ada Lovelace\", \"emails\": [\"ada@example.com\"], \"phones\": [\"+44 20 7946 0000\"], \"tags\": [\"vip\"], \"country\": \"GB\", \"organizations\": [\"Engines\"], \"lastSeen\": \"2025-12-30T10:00:00Z\"}",
                "{\"name\": \"A. Lovelace\", \"emails\": [\"ada@work.example\"], \"tags\": [\"newsletter\"], \"city\": \"London\"}",
                "{\"name\": \"Grace Hopper\", \"emails\": [\"grace@example.com\"], \"country\": \"US\", \"lastSeen\": \"2025-06-01T10:00:00Z\"}",
                "{\"name\": \"Linus\", \"emails\": [\"linus@example.com\"], \"country\": \"FI\"}") + "\n", StandardCharsets.UTF_8);
        assertThat(cli.run("import", f.toString()).code()).isZero();
    }

    @AfterEach
    void forget() {
        SharedMemoryStores.reset();
    }

    @Test
    void segmentsAreSavedListedReopenedEditedRenamedAndDeleted() {
        Cli.Result saved = cli.run("segments", "save", "Known countries", "--filter", "country has any value", "--columns", "name,country", "--sort", "name:asc");
        assertThat(saved.out()).as(saved.toString()).isEqualTo("saved segment 'Known countries' (3 matches): country has any value\n");
        assertThat(cli.run("segments", "list").out()).containsPattern("Known countries +3 +country has any value");
        Cli.Result shown = cli.run("segments", "show", "known COUNTRIES");
        assertThat(shown.out()).startsWith("segment 'Known countries': country has any value\nname          country\n")
                .contains("Ada Lovelace  GB\nGrace Hopper  US\nLinus         FI\n").contains("3 of 3 contacts matching");
        assertThat(cli.run("segments", "edit", "Known countries", "--filter", "country is not \"FI\"").out())
                .contains("(3 matches): country is not \"FI\""); // negatives include the unknown country
        assertThat(cli.run("segments", "rename", "Known countries", "Not Finland").code()).isZero();
        assertThat(cli.run("segments", "show", "Not Finland", "--format", "csv").out()).isEqualTo("segment 'Not Finland': country is not \"FI\"\nname,country\nA. Lovelace,\nAda Lovelace,GB\nGrace Hopper,US\n");
        assertThat(cli.run("segments", "delete", "Not Finland").code()).isZero();
        Cli.Result gone = cli.run("segments", "show", "Not Finland");
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).contains("there is no contact segment named 'Not Finland'");
        Cli.Result bad = cli.run("segments", "save", "Broken", "--filter", "country is");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("^ expected");
    }

    @Test
    void aCustomAttributeUsedByASegmentIsOnlyDeletedWithForce() {
        cli.run("attributes", "define", "plan", "--type", "text", "--label", "Plan");
        cli.run("segments", "save", "Gold", "--filter", "custom.plan is \"gold\"");
        Cli.Result refused = cli.run("attributes", "delete", "plan");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("custom.plan is used by 1 segment: 'Gold'");
        Cli.Result forced = cli.run("attributes", "delete", "plan", "--force");
        assertThat(forced.out()).contains("deleted custom.plan").contains("segment 'Gold' is broken until its filter is edited");
        assertThat(cli.run("segments", "list").out()).contains("broken");
    }

    @Test
    void theListViewGivesFindItsColumnsAndSort() {
        assertThat(cli.run("views", "show").out()).isEqualTo("property view: columns primaryEmail, primaryPhone, organization, tags, lastSeen; sort lastSeen:desc\n");
        Cli.Result first = cli.run("find", "--limit", "1");
        assertThat(first.out()).containsPattern("ada@example.com +\\+44 20 7946 0000 +Engines +vip +2025-12-30 11:00")
                .contains("1 of 4 contacts matching: all (sorted by lastSeen:desc)").contains("next page: --cursor ");
        assertThat(cli.run("views", "set", "--columns", "+country", "--sort", "name:asc").out()).contains("lastSeen, country; sort name:asc");
        assertThat(cli.run("find", "--limit", "1", "--format", "csv").out())
                .isEqualTo("primaryEmail,primaryPhone,organization,tags,lastSeen,country\nada@work.example,,,newsletter,,\n");
        cli.run("views", "reset");
        assertThat(cli.run("views").out()).contains("sort lastSeen:desc");
    }

    @Test
    void pagingWithTheCursorWalksEveryContactOnce() {
        Cli.Result page1 = cli.run("find", "--limit", "3", "--columns", "name", "--sort", "name:asc");
        String cursor = page1.out().lines().filter(l -> l.startsWith("next page: --cursor ")).findFirst().orElseThrow().substring(20);
        Cli.Result page2 = cli.run("find", "--limit", "3", "--columns", "name", "--sort", "name:asc", "--cursor", cursor);
        assertThat(page1.out()).contains("A. Lovelace\nAda Lovelace\nGrace Hopper\n");
        assertThat(page2.out()).contains("Linus\n").contains("1 of 4").doesNotContain("next page");
        Cli.Result wrong = cli.run("find", "--columns", "name", "--sort", "name:desc", "--cursor", cursor);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("cursor");
    }

    @Test
    void organizationsAreListedCreatedShownAndDeleted() {
        assertThat(cli.run("orgs", "create", "Initech", "--domains", "initech.example", "--country", "us").out()).startsWith("created organization Initech");
        Cli.Result list = cli.run("orgs", "list");
        assertThat(list.out()).containsPattern("Engines +.*\n").containsPattern("Initech +initech.example").contains("2 of 2 organizations");
        assertThat(cli.run("orgs", "show", "Engines").out()).contains("contact  Ada Lovelace <ada@example.com>");
        Cli.Result saved = cli.run("segments", "save", "US orgs", "--target", "organizations", "--filter", "country is \"US\"", "--columns", "domains");
        assertThat(saved.out()).as(saved.toString()).contains("(1 matches)");
        assertThat(cli.run("segments", "show", "US orgs", "--target", "organizations").out())
                .isEqualTo("segment 'US orgs': country is \"US\"\nname     domains\n-------  ---------------\nInitech  initech.example\n");
        assertThat(cli.run("orgs", "delete", "engines").out()).contains("deleted organization Engines");
        assertThat(cli.run("count", "--filter", "organization has any value").out().strip()).isEqualTo("0");
    }

    @Test
    void aTicketWithAnAttachmentIsEmailedThroughTheConsoleMailer() throws IOException {
        Path invoice = dir.resolve("invoice.txt");
        Files.writeString(invoice, "Total: 49 EUR\n");
        Cli.Result created = cli.run("tickets", "create", "ada@example.com", "--to", "ada@billing.example", "--subject", "Invoice",
                "--message", "Hello Ada,\nyour invoice.", "--attach", invoice.toString(), "--priority", "high", "--assignee", "department:billing");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(created.out()).contains("created ticket #1 for ada@billing.example").contains("| To: ada@billing.example")
                .contains("| Subject: Invoice").contains("| Hello Ada,\n  | your invoice.").contains("[attachment] invoice.txt (")
                .contains("14 bytes)");
        Cli.Result reply = cli.run("tickets", "reply", "1", "--message", "Any news?");
        assertThat(reply.out()).contains("| Subject: Re: Invoice").contains("| In-Reply-To: <");
        assertThat(cli.run("tickets", "list").out()).containsPattern("1 +OPEN +HIGH +ada@billing.example +Invoice");
        assertThat(cli.run("tickets", "status", "1", "solved").out()).isEqualTo("ticket #1 is SOLVED\n");
        assertThat(cli.run("tickets", "show", "1").out()).contains("ticket #1  SOLVED  Invoice").contains("(email sent)").contains("Any news?");
        assertThat(cli.run("show", "ada@example.com").out()).contains("ada@billing.example").contains("ticket #1  SOLVED")
                .contains("latest on the timeline").contains("TICKET  agent cli to ada@billing.example: Re: Invoice");
        assertThat(cli.run("tickets", "show", "7").err()).contains("there is no ticket #7");
    }

    @Test
    void withABlobDirectoryAttachmentsOutliveTheCommandThatStoredThem() throws IOException {
        Path invoice = dir.resolve("invoice.txt");
        Files.writeString(invoice, "Total: 49 EUR\n");
        Path blobs = dir.resolve("blobs");
        Cli.Result created = cli.run("--blobs", blobs.toString(), "tickets", "create", "ada@example.com", "--subject", "Invoice",
                "--message", "Attached.", "--attach", invoice.toString());
        assertThat(created.code()).as(created.toString()).isZero();
        try (var files = Files.walk(blobs)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).containsExactly("Total: 49 EUR\n");
        }
    }

    @Test
    void mergeReportsConflictsAndKeepsBothAddresses() {
        Cli.Result merged = cli.run("merge", "ada@example.com", "ada@work.example");
        assertThat(merged.code()).as(merged.toString()).isZero();
        assertThat(merged.out()).contains("kept name = Ada Lovelace (discarded A. Lovelace)").contains("ada@example.com, ada@work.example")
                .contains("vip, newsletter").contains("London");
        assertThat(cli.run("count").out().strip()).isEqualTo("3");
    }

    @Test
    void callingWithoutTelephonyIsRefusedWithTheSpiToProvide() {
        Cli.Result r = cli.run("call", "ada@example.com");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("contacts: calling needs a telephony provider: give one with "
                + "Contacts.builder().telephony(dev.contacts.host.Telephony)");
    }

    @Test
    void notesAndTheTimelineByKind() {
        Cli.Result added = cli.run("notes", "add", "ada@example.com", "--author", "alice", "--text", "Prefers email\nover phone");
        assertThat(added.out()).as(added.toString()).startsWith("added note ");
        String noteId = added.out().strip().substring("added note ".length());
        assertThat(cli.run("notes", "edit", noteId, "--editor", "bob", "--text", "Prefers email").out()).contains("(version 2)");
        assertThat(cli.run("notes", "list", "ada@example.com").out())
                .contains("2026-01-01 01:00  NOTE  alice  (edited 2026-01-01 01:00 by bob)  note " + noteId + " v2\n      Prefers email\n");
        cli.run("tickets", "create", "ada@example.com", "--subject", "Hello", "--message", "First line\nsecond line");
        Cli.Result all = cli.run("timeline", "ada@example.com");
        assertThat(all.out()).contains("TICKET  agent cli to ada@example.com: Hello\n      First line\n").contains("NOTE  alice");
        Cli.Result notes = cli.run("timeline", "ada@example.com", "--kind", "NOTE");
        assertThat(notes.out()).contains("NOTE  alice").doesNotContain("TICKET");
        Cli.Result none = cli.run("timeline", "grace@example.com", "--kind", "CHAT,TICKET");
        assertThat(none.out()).isEmpty();
        assertThat(cli.run("notes", "delete", noteId).code()).isZero();
        assertThat(cli.run("timeline", "ada@example.com", "--kind", "note").out()).isEmpty();
        assertThat(cli.run("notes", "add", "nobody@example.com", "--text", "x").code()).isEqualTo(2);
    }

    @Test
    void setChangesAProfileOrCreatesAContactWithImportsRules() {
        Cli.Result set = cli.run("set", "grace@example.com", "jobTitle=Rear admiral", "tags=navy;cobol\\;fan", "organizations=US Navy", "country=");
        assertThat(set.code()).as(set.toString()).isZero();
        assertThat(set.out()).startsWith("updated grace@example.com\n").contains("Rear admiral").contains("navy, cobol;fan").contains("US Navy")
                .doesNotContain("Country");
        assertThat(cli.run("set", "new@example.com", "name=New Person").out()).startsWith("created new@example.com\n").contains("New Person");
        Cli.Result bad = cli.run("set", "grace@example.com", "totalTickets=lots");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("totalTickets: 'lots' is not a number");
        assertThat(cli.run("orgs", "link", "grace@example.com", "Engines").out()).isEqualTo("linked grace@example.com to Engines\n");
        assertThat(cli.run("count", "--filter", "organization.name is \"Engines\"").out().strip()).isEqualTo("2");
        cli.run("orgs", "unlink", "grace@example.com", "Engines");
        assertThat(cli.run("count", "--filter", "organization.name is \"Engines\"").out().strip()).isEqualTo("1");
    }

    @Test
    void anotherPropertySeesNothing() {
        assertThat(cli.run("--property", "other", "count").out().strip()).isEqualTo("0");
        assertThat(cli.run("--property", "other", "show", "ada@example.com").err()).contains("no contact of property other has the email ada@example.com");
    }
}
