package dev.contacts.cli;

import dev.contacts.model.Target;
import picocli.CommandLine.Option;

/** The {@code --target contacts|organizations} option of the attribute, segment and view commands. */
final class TargetOption {
    /** Contacts or organizations, as typed on the command line. */
    enum Choice {
        contacts(Target.CONTACT), organizations(Target.ORGANIZATION);

        final Target target;

        Choice(Target target) {
            this.target = target;
        }
    }

    @Option(names = "--target", defaultValue = "contacts", description = "contacts or organizations (default: ${DEFAULT-VALUE}).")
    Choice choice = Choice.contacts;

    Target target() {
        return choice.target;
    }

    @Override
    public String toString() {
        return choice.name();
    }
}
