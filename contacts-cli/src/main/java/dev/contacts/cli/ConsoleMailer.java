package dev.contacts.cli;

import dev.contacts.host.Mailer;
import dev.contacts.model.OutboundEmail;
import java.io.PrintWriter;

/**
 * The tool's mailer: it has no SMTP server, so it prints each email (headers, body and the
 * list of attachments) to standard output; the SDK then records it as sent.
 */
final class ConsoleMailer implements Mailer {
    private final PrintWriter out;

    ConsoleMailer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void send(OutboundEmail email) {
        out.println("  +-- email, printed by the console mailer --------------");
        out.println("  | To: " + email.to());
        out.println("  | Subject: " + email.subject());
        out.println("  | Message-ID: " + email.messageId());
        if (email.inReplyTo() != null) {
            out.println("  | In-Reply-To: " + email.inReplyTo());
            out.println("  | References: " + String.join(" ", email.references()));
        }
        out.println("  |");
        for (String line : email.body().split("\n", -1)) {
            out.println("  | " + line);
        }
        for (OutboundEmail.AttachedFile file : email.attachments()) {
            out.println("  | [attachment] " + file.name() + " (" + file.contentType() + ", " + file.bytes().length + " bytes)");
        }
        out.println("  +-------------------------------------------------------");
        out.flush();
    }
}
