package dev.contacts.cli;

import dev.contacts.ListViewService;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Sort;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code contacts views}: the list view (columns and sort) of the property or of one agent. */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = {"Show, set or reset the list view: the columns and sort 'find' and 'orgs list' use.",
            "Example: contacts views set --columns +country,+lastLiveChat --sort lastLiveChat:desc"},
        subcommands = {ViewsCommand.Show.class, ViewsCommand.Set.class, ViewsCommand.Reset.class})
final class ViewsCommand extends CliCommand {
    @Override
    public Integer call() {
        return new Show().show(this, Target.CONTACT, null);
    }

    static String describe(ListView v) {
        return (v.agent() == null ? "property view" : "view of agent " + v.agent()) + ": columns " + String.join(", ", v.columns())
                + "; sort " + v.sort();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the list view in force.")
    static final class Show extends CliCommand {
        @Option(names = "--target", defaultValue = "contacts", description = "contacts or organizations (default: ${DEFAULT-VALUE}).")
        AttributesCommand.TargetOption target;

        @Option(names = "--agent", paramLabel = "ID", description = "The view this agent sees.")
        String agent;

        @Override
        public Integer call() {
            return show(this, target.target, agent);
        }

        int show(CliCommand command, Target t, String agentId) {
            ListViewService views = command.property().listViews();
            command.out().println(describe(agentId == null ? views.get(t) : views.get(t, agentId)));
            return ContactsCli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Save the columns and sort of the list.",
        "+name adds a column to those in force."})
    static final class Set extends CliCommand {
        @Option(names = "--target", defaultValue = "contacts", description = "contacts or organizations (default: ${DEFAULT-VALUE}).")
        AttributesCommand.TargetOption target;

        @Option(names = "--agent", paramLabel = "ID", description = "Save this agent's own view instead of the property's.")
        String agent;

        @Option(names = {"-c", "--columns"}, paramLabel = "A,B,C", split = ",", description = "The columns (+name adds one).")
        List<String> columns;

        @Option(names = {"-s", "--sort"}, paramLabel = "ATTR:asc|desc", description = "The sort.")
        String sort;

        @Override
        public Integer call() {
            ListViewService views = property().listViews();
            ListView current = agent == null ? views.get(target.target) : views.get(target.target, agent);
            List<String> cols = FindCommand.columns(current.columns(), columns);
            Sort s = sort == null ? current.sort() : Sort.parse(sort);
            ListView saved = views.save(agent == null ? ListView.ofProperty(target.target, cols, s) : ListView.ofAgent(target.target, agent, cols, s));
            out().println("saved " + describe(saved));
            return ContactsCli.OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Go back to the built-in view (or, for an agent, to the property's).")
    static final class Reset extends CliCommand {
        @Option(names = "--target", defaultValue = "contacts", description = "contacts or organizations (default: ${DEFAULT-VALUE}).")
        AttributesCommand.TargetOption target;

        @Option(names = "--agent", paramLabel = "ID", description = "Reset this agent's own view.")
        String agent;

        @Override
        public Integer call() {
            ListViewService views = property().listViews();
            boolean had = agent == null ? views.reset(target.target) : views.reset(target.target, agent);
            out().println((had ? "reset; now " : "nothing was saved; ") + describe(agent == null ? views.get(target.target) : views.get(target.target, agent)));
            return ContactsCli.OK;
        }
    }
}
