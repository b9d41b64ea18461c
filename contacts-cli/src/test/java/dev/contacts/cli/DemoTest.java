package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo runs to completion on mem:, covers every step of the product description, and prints the same every time. */
class DemoTest {
    private static final String NOW = "2026-01-01T00:00:00Z";

    @Test
    void runsToCompletionOnMemAndShowsEveryStep() {
        Cli.Result r = new Cli("--store", "mem:", "--now", NOW).run("demo");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("loaded with 3,000 contacts, 150 organizations, 5 custom contact attributes").containsPattern("[0-9]+ web sessions, [0-9]+ chats, [0-9]+ notes and [0-9]+ tickets")
                .contains("default columns").containsPattern("primaryEmail +primaryPhone +organization +tags +lastSeen")
                .contains("Adding columns").contains("lastLiveChat")
                .contains("Sorting by a column")
                .contains("tags is not \"vip\"").contains("= all contacts (3,000)")
                .contains("Filter groups").contains("canonical form: country is \"FR\" and tags is \"vip\" or")
                .contains("Custom attributes").contains("custom.nps is now labelled \"Net promoter score\"")
                .contains("segments show 'FR VIPs and chatty Germans'").containsPattern("now [0-9]+ matches \\(version 2\\)").contains("refused: custom.plan is used by the segment(s) 'Paying plans'")
                .contains("A contact's profile")
                .contains("NOTE  alice  (edited 2026-01-01 01:00 by bob)")
                .containsPattern("created ticket #[0-9]+; ").contains("[attachment] invoice-2025-12.txt (text/plain, ").contains("In-Reply-To: <")
                .contains("ingest chat demo-chat-1: APPLIED; the same chat again: DUPLICATE")
                .contains("--kind CHAT\n  2025-12-31 22:00  CHAT\n      visitor: Hi, I cannot find my December invoice.")
                .contains("calling needs a telephony provider")
                .contains("0 contacts, 0 organizations, 0 custom attributes, 0 tickets")
                .contains("does not exist in property demo-other");
    }

    @Test
    void printsTheSameOnEveryRunButForTheRandomPartOfMessageIds() {
        String first = new Cli("--store", "mem:", "--now", NOW).run("demo", "--size", "500").out();
        String second = new Cli("--store", "mem:", "--now", NOW).run("demo", "--size", "500").out();
        assertThat(masked(second)).isEqualTo(masked(first));
        assertThat(masked(first)).isNotEqualTo(first); // Message-IDs were there to mask
    }

    @Test
    void aSecondRunOnTheSameStoreStartsAfresh() {
        Cli cli = new Cli("--store", "shared:demo", "--now", NOW);
        String first = cli.run("demo", "--size", "200").out();
        Cli.Result second = cli.run("demo", "--size", "200");
        assertThat(second.code()).isZero();
        assertThat(masked(second.out())).isEqualTo(masked(first));
        SharedMemoryStores.reset();
    }

    private static String masked(String out) {
        return out.replaceAll("<[0-9a-f-]{36}@contacts\\.invalid>", "<MESSAGE-ID>");
    }
}
