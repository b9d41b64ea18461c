package dev.contacts.cli;

import dev.contacts.ListViewService;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Sort;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contacts views}: the list view (columns and sort) of the property or of one agent. */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = {"Show, set or reset the list view: the columns and sort 'find' and 'orgs list' use.",
            "Example: contacts views set --columns +country,+lastLiveChat --sort lastLiveChat:desc"},
        subcommands = {ViewsCommand.Show.class, ViewsCommand.Set.class, ViewsCommand.Reset.class})
final class ViewsCommand extends CliCommand {
    @Override
    public Integer call() {
        out().println(describe(property().listViews().get(Target.CONTACT)));
        return ContactsCli.OK;
    }

    static String describe(ListView v) {
        return (v.agent() == null ? "property view" : "view of agent " + v.agent()) + ": columns " + String.join(", ", v.columns())
                + "; sort " + v.sort();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the list view in force.")
    static final class Show extends CliCommand {
        @Mixin
        ViewOwner owner;

        @Override
        public Integer call() {
            out().println(describe(owner.get(property().listViews())));
            return ContactsCli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Save the columns and sort of the list.",
        "+name adds a column to those in force."})
    static final class Set extends CliCommand {
        @Mixin
        ViewOwner owner;

        @Option(names = {"-c", "--columns"}, paramLabel = "A,B,C", split = ",", description = "The columns (+name adds one).")
        List<String> columns;

        @Option(names = {"-s", "--sort"}, paramLabel = "ATTR:asc|desc", description = "The sort.")
        String sort;

        @Override
        public Integer call() {
            ListViewService views = property().listViews();
            ListView current = owner.get(views);
            List<String> cols = FindCommand.columns(current.columns(), columns);
            Sort s = sort == null ? current.sort() : Sort.parse(sort);
            ListView saved = views.save(owner.agent == null ? ListView.ofProperty(owner.target(), cols, s)
                    : ListView.ofAgent(owner.target(), owner.agent, cols, s));
            out().println("saved " + describe(saved));
            return ContactsCli.OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Go back to the built-in view (or, for an agent, to the property's).")
    static final class Reset extends CliCommand {
        @Mixin
        ViewOwner owner;

        @Override
        public Integer call() {
            ListViewService views = property().listViews();
            boolean had = owner.agent == null ? views.reset(owner.target()) : views.reset(owner.target(), owner.agent);
            out().println((had ? "reset; now " : "nothing was saved; ") + describe(owner.get(views)));
            return ContactsCli.OK;
        }
    }
}
