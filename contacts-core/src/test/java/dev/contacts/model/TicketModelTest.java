package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static String fieldOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidValueException e) {
            return e.attribute();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNewTicketIsNormalisedAndNamesWhatIsWrong() {
        ContactId c = ContactId.generate();
        NewTicket t = NewTicket.builder(c, " Ada@Example.com ").subject("  Invoice ").body(" Hello\n").tags(List.of("a", "A", " ")).build();
        assertThat(t.toAddress()).isEqualTo("Ada@Example.com");
        assertThat(t.subject()).isEqualTo("Invoice");
        assertThat(t.body()).isEqualTo("Hello");
        assertThat(t.tags()).containsExactly("a");
        assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(fieldOf(() -> NewTicket.builder(null, "a@b.c").subject("s").body("b").build())).isEqualTo("contact");
        assertThat(fieldOf(() -> NewTicket.builder(c, "nope").subject("s").body("b").build())).isEqualTo("toAddress");
        assertThat(fieldOf(() -> NewTicket.builder(c, "a@b.c").body("b").build())).isEqualTo("subject");
        assertThat(fieldOf(() -> NewTicket.builder(c, "a@b.c").subject("s").build())).isEqualTo("body");
        assertThat(fieldOf(() -> NewTicket.builder(c, "a@b.c").subject("s").body("b").attach(null).build())).isEqualTo("attachments");
        assertThat(fieldOf(() -> Assignee.agent(" "))).isEqualTo("assignee");
        assertThat(fieldOf(() -> new Assignee(null, "x"))).isEqualTo("assignee");
    }

    @Test
    void uploadsAreImmutableAndValidated() {
        byte[] bytes = {1, 2, 3};
        AttachmentUpload u = AttachmentUpload.of("a.pdf", "Application/PDF", bytes);
        bytes[0] = 9;
        assertThat(u.bytes()[0]).isEqualTo((byte) 1);
        u.bytes()[1] = 9;
        assertThat(u.bytes()[1]).isEqualTo((byte) 2);
        assertThat(u.contentType()).isEqualTo("application/pdf");
        assertThat(u).isEqualTo(AttachmentUpload.of("a.pdf", "application/pdf", new byte[] {1, 2, 3}));
        assertThat(AttachmentUpload.of("a", null, new byte[0]).contentType()).isEqualTo("application/octet-stream");
        assertThat(AttachmentUpload.of("a.txt", "text/plain; charset=utf-8", new byte[0]).contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(fieldOf(() -> AttachmentUpload.of("dir/a", null, new byte[0]))).isEqualTo("attachments");
        assertThat(fieldOf(() -> AttachmentUpload.of("a", "text", new byte[0]))).isEqualTo("attachments");
        assertThat(fieldOf(() -> AttachmentUpload.of("a", null, null))).isEqualTo("attachments");
        assertThat(fieldOf(() -> AttachmentUpload.of("x".repeat(256), null, new byte[0]))).isEqualTo("attachments");
    }

    @Test
    void inboundThreadingHeadersAreParsedLikeMailClientsDo() {
        InboundEmail e = new InboundEmail("r1@mail.example.org", " <a@x>  garbage ", List.of("<root@x> <a@x>\r\n <mid@x>"), "",
                "Re: hi\r\n there", "body", null);
        assertThat(e.messageId()).isEqualTo("<r1@mail.example.org>");
        assertThat(e.inReplyTo()).isEqualTo("<a@x>");
        assertThat(e.references()).containsExactly("<root@x>", "<a@x>", "<mid@x>");
        assertThat(e.threadIds()).containsExactly("<a@x>", "<mid@x>", "<root@x>");
        assertThat(e.from()).isNull();
        assertThat(e.subject()).isEqualTo("Re: hi there");
        assertThat(InboundEmail.builder().body("b").build().threadIds()).isEmpty();
        assertThat(fieldOf(() -> InboundEmail.builder().messageId("<a b>").body("b").build())).isEqualTo("messageId");
        assertThat(fieldOf(() -> InboundEmail.builder().from("not an address").body("b").build())).isEqualTo("from");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theInboundBuilderNamesWhatThePositionalFormsTakeByPlace() {
        AttachmentUpload receipt = AttachmentUpload.of("receipt.txt", "text/plain", new byte[] {1});
        InboundEmail built = InboundEmail.builder().messageId("<r1@x>").inReplyTo("<a@x>").references("<root@x> <a@x>")
                .from("ada@example.com").subject("Re: invoice").body("Paid").attach(receipt).build();
        assertThat(built).isEqualTo(new InboundEmail("<r1@x>", "<a@x>", List.of("<root@x> <a@x>"), "ada@example.com",
                "Re: invoice", "Paid", List.of(receipt)));
        assertThat(InboundEmail.of("<r1@x>", "<a@x>", "<root@x>", "ada@example.com", "Paid"))
                .isEqualTo(InboundEmail.builder().messageId("<r1@x>").inReplyTo("<a@x>").references("<root@x>")
                        .from("ada@example.com").body("Paid").build());
        assertThat(fieldOf(() -> InboundEmail.builder().from("ada@example.com").build())).isEqualTo("body");
    }

    @Test
    void deliveryStatesAreConsistent() {
        Delivery pending = Delivery.pending(NOW);
        Delivery claimed = pending.claimed(NOW.plusSeconds(300));
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.nextAttempt()).isEqualTo(NOW.plusSeconds(300));
        Delivery retry = claimed.failed(NOW.plusSeconds(60), "451");
        assertThat(retry.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(retry.lastError()).isEqualTo("451");
        Delivery failed = retry.claimed(NOW).failed(null, "550");
        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.nextAttempt()).isNull();
        Delivery sent = retry.claimed(NOW).sent(NOW);
        assertThat(sent).isEqualTo(new Delivery(Delivery.Status.SENT, 2, null, NOW, null));
        assertThat(fieldOf(() -> new Delivery(Delivery.Status.PENDING, 0, null, null, null))).isEqualTo("delivery");
        assertThat(fieldOf(() -> new Delivery(Delivery.Status.SENT, 1, null, null, null))).isEqualTo("delivery");
    }

    @Test
    void messagesOfAgentsAreEmailedAndThoseOfContactsAreNot() {
        TicketId t = TicketId.generate();
        ContactId c = ContactId.generate();
        TicketMessage agent = new TicketMessage(TicketMessageId.generate(), t, c, TicketMessage.Sender.AGENT, "alice", "a@b.c", "s", "b",
                null, "<1@x>", null, null, NOW, Delivery.pending(NOW));
        assertThat(agent.attachments()).isEmpty();
        assertThat(agent.references()).isEmpty();
        assertThat(fieldOf(() -> new TicketMessage(TicketMessageId.generate(), t, c, TicketMessage.Sender.AGENT, null, "a@b.c", "s", "b",
                null, "<1@x>", null, null, NOW, null))).isEqualTo("delivery");
        assertThat(fieldOf(() -> new TicketMessage(TicketMessageId.generate(), t, c, TicketMessage.Sender.CONTACT, "alice", "a@b.c", "s",
                "b", null, "<1@x>", null, null, NOW, null))).isEqualTo("agentId");
        assertThat(TicketId.parse(t.toString())).isEqualTo(t);
        assertThat(fieldOf(() -> TicketMessageId.parse("nope"))).isEqualTo("ticketMessageId");
    }
}
