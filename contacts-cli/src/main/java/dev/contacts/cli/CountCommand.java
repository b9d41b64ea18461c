package dev.contacts.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code contacts count}: the exact number of contacts matching a filter. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = {"Print the exact number of contacts matching a filter (no cap).",
            "Example: contacts count --filter 'tags is not \"vip\"'"})
final class CountCommand extends CliCommand {
    @Mixin
    QueryOptions query;

    @Override
    public Integer call() {
        out().println(property().contacts().count(query.query(session().zoneOverride(), 1)));
        return ContactsCli.OK;
    }
}
