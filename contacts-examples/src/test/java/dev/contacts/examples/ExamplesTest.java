package dev.contacts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.contacts.model.OutboundEmail;
import java.net.InetSocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every example and checks what it did, so the README's code never rots. */
class ExamplesTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void inMemory() {
        assertThat(EmbeddedInMemory.run(out)).containsExactly("Ada Lovelace");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("not VIP: 1, all by name: [Ada Lovelace, Grace Hopper], segment Paying: 1 (plan pro)\n");
    }

    @Test
    void tickets() {
        List<OutboundEmail> sent = HelpdeskTickets.run(out);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo("ada@example.com");
        assertThat(sent.get(0).messageId()).endsWith("@help.acme.example>");
        assertThat(sent.get(0).attachments()).extracting(OutboundEmail.AttachedFile::name).containsExactly("invoice.txt");
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("ticket #1 emailed as <").endsWith("answer threaded on ticket true\n");
    }

    @Test
    void activityAndTimeline() {
        assertThat(ActivityAndTimeline.run(out)).containsExactly("NOTE", "CHAT", "only NOTE");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("APPLIED then DUPLICATE; sessions 1, chats 1, city London\n");
    }

    @Test
    void onYourEntityManagerFactory() {
        assertThat(OnYourEntityManagerFactory.run("jdbc:h2:mem:examples-emf;DB_CLOSE_DELAY=-1", null, null, out)).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("vips: 1, factory open: true\n");
    }

    @Test
    void oneTransaction() {
        assertThat(OneTransaction.run("jdbc:h2:mem:examples-one-transaction;DB_CLOSE_DELAY=-1", out)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("after the rollback: 0 cases, 0 contacts, 0 tickets\n");
    }

    @Test
    void onYourMongoClient() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            assertThat(new String(OnYourMongoClient.run(client, "helpdesk", out), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 invoice");
            assertThat(client.getDatabase("helpdesk").listCollectionNames().into(new java.util.ArrayList<>())).isNotEmpty(); // still open
        } finally {
            server.shutdownNow();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("vips: 1, ticket #1 with 16 bytes attached\n");
    }

    @Test
    void severalProperties() {
        assertThat(SeveralProperties.run(out)).isEqualTo("0 contacts, found false");
    }
}
