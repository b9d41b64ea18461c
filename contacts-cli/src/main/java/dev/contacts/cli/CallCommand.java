package dev.contacts.cli;

import dev.contacts.model.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts call}: starts a call through the host's telephony provider, which this tool does not have. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Call a contact through the host's telephony provider.",
            "The command-line tool has none, so it shows the SDK's error saying which SPI a host application provides.",
            "Example: contacts call ada@example.com --phone '+44 20 7946 0000'"})
final class CallCommand extends CliCommand {
    @Parameters(paramLabel = "CONTACT", description = "The contact's id or one of its email addresses.")
    String contact;

    @Option(names = "--phone", paramLabel = "NUMBER", description = "One of the contact's numbers (default: the primary one).")
    String phone;

    @Option(names = "--agent", paramLabel = "ID", defaultValue = "cli", description = "The calling agent (default: ${DEFAULT-VALUE}).")
    String agent;

    @Override
    public Integer call() {
        Contact c = contact(contact);
        String callId = property().calls().call(c.id(), phone != null ? phone : c.primaryPhone(), agent);
        out().println("call started: " + callId);
        return ContactsCli.OK;
    }
}
