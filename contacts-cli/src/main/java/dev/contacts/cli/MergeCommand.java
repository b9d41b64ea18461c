package dev.contacts.cli;

import dev.contacts.MergeConflict;
import dev.contacts.MergeResult;
import dev.contacts.model.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code contacts merge}: merges a duplicate into the contact that stays. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge a duplicate contact into the one that stays.",
            "Union of emails, phones, tags and organizations; its tickets move over; values that differ are reported, the kept contact's win.",
            "Example: contacts merge ada@example.com ada.lovelace@example.com"})
final class MergeCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "KEPT", description = "The contact that stays (id or email).")
    String kept;

    @Parameters(index = "1", paramLabel = "DUPLICATE", description = "The contact merged into it and removed (id or email).")
    String duplicate;

    @Override
    public Integer call() {
        Contact k = contact(kept);
        Contact d = contact(duplicate);
        MergeResult result = property().contacts().merge(k.id(), d.id());
        out().println("merged " + d.id() + " into " + k.id());
        for (MergeConflict c : result.conflicts()) {
            out().println("  kept " + c.attribute() + " = " + c.kept() + " (discarded " + c.discarded() + ")");
        }
        ShowCommand.print(out(), property(), result.kept(), session().zone(), organizationNames().names(result.kept().organizations()));
        return ContactsCli.OK;
    }
}
