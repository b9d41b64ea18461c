package dev.contacts.cli;

import picocli.CommandLine.Command;

/** {@code contacts demo}: placeholder replaced in the next step. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Walk through every feature on a deterministic sample dataset.")
final class DemoCommand extends CliCommand {
    @Override
    public Integer call() {
        throw new CliUsageException("the demo is not written yet");
    }
}
