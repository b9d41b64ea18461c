package dev.contacts.cli;

import dev.contacts.ListViewService;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Whose list view a views command reads or writes: the property's, or one agent's; and of which target. */
final class ViewOwner {
    @Mixin
    TargetOption target;

    @Option(names = "--agent", paramLabel = "ID", description = "The agent's own view instead of the property's.")
    String agent;

    Target target() {
        return target.target();
    }

    /** @return the view in force for this owner */
    ListView get(ListViewService views) {
        return agent == null ? views.get(target()) : views.get(target(), agent);
    }
}
