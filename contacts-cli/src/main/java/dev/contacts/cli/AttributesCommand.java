package dev.contacts.cli;

import dev.contacts.cli.io.ContactColumns;
import dev.contacts.AttributeDeletion;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.query.Segment;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Target;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts attributes}: the property's attributes; define, relabel and delete custom ones. */
@Command(name = "attributes", mixinStandardHelpOptions = true,
        description = {"List attributes; define, relabel and delete custom ones.",
            "Example: contacts attributes define plan --type TEXT --label Plan"},
        subcommands = {AttributesCommand.ListAttributes.class, AttributesCommand.Define.class,
            AttributesCommand.Relabel.class, AttributesCommand.Delete.class})
final class AttributesCommand extends CliCommand {
    @Override
    public Integer call() {
        return new ListAttributes().list(this, Target.CONTACT);
    }

    /** Accepts {@code plan} or {@code custom.plan}. */
    static String name(String key) {
        return key.startsWith(AttributeDefinition.CUSTOM_PREFIX) ? key : AttributeDefinition.CUSTOM_PREFIX + key;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List attributes: name, type, label, built in or custom.")
    static final class ListAttributes extends CliCommand {
        @Mixin
        TargetOption target;

        @Override
        public Integer call() {
            return list(this, target.target());
        }

        int list(CliCommand command, Target t) {
            Table table = new Table(List.of("name", "type", "label", "kind"));
            for (AttributeDefinition d : ContactColumns.sorted(command.property().attributes().list(t))) {
                table.add(new ArrayList<>(List.of(d.name(), d.type().name(), d.label(), d.builtIn() ? "built-in" : "custom")));
            }
            table.print(command.out(), "");
            return ContactsCli.OK;
        }
    }

    @Command(name = "define", mixinStandardHelpOptions = true,
            description = {"Define a custom attribute, used as custom.KEY in filters, columns and imports.",
                "Example: contacts attributes define renewal --type DATE --label \"Renewal date\""})
    static final class Define extends CliCommand {
        @Parameters(paramLabel = "KEY", description = "[a-z][a-z0-9_]{0,39}, e.g. plan (or custom.plan).")
        String key;

        @Option(names = "--type", required = true, description = "TEXT, TEXT_SET, NUMBER, DATE or BOOLEAN.")
        AttributeType type;

        @Option(names = "--label", required = true, description = "The label people see.")
        String label;

        @Mixin
        TargetOption target;

        @Override
        public Integer call() {
            String k = name(key).substring(AttributeDefinition.CUSTOM_PREFIX.length());
            AttributeDefinition d = property().attributes().define(target.target(), k, label, type);
            out().println("defined " + d.name() + " (" + d.type() + ", \"" + d.label() + "\") for " + target);
            return ContactsCli.OK;
        }
    }

    @Command(name = "relabel", mixinStandardHelpOptions = true, description = "Change the label of a custom attribute.")
    static final class Relabel extends CliCommand {
        @Parameters(paramLabel = "KEY", description = "The attribute, e.g. plan or custom.plan.")
        String key;

        @Option(names = "--label", required = true, description = "The new label.")
        String label;

        @Mixin
        TargetOption target;

        @Override
        public Integer call() {
            AttributeDefinition d = property().attributes().relabel(target.target(), name(key), label);
            out().println("relabelled " + d.name() + " to \"" + d.label() + "\"");
            return ContactsCli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = {"Delete a custom attribute and all its values.",
        "Refused while a segment uses it, unless --force (those segments are then reported as broken)."})
    static final class Delete extends CliCommand {
        @Parameters(paramLabel = "KEY", description = "The attribute, e.g. plan or custom.plan.")
        String key;

        @Option(names = "--force", description = "Delete it even if segments use it, and report them.")
        boolean force;

        @Mixin
        TargetOption target;

        @Override
        public Integer call() {
            AttributeDeletion d = force ? property().attributes().forceDelete(target.target(), name(key))
                    : property().attributes().delete(target.target(), name(key));
            out().println("deleted " + name(key));
            for (Segment s : d.brokenSegments()) {
                out().println("  segment '" + s.name() + "' is broken until its filter is edited");
            }
            for (Segment s : d.adjustedSegments()) {
                out().println("  segment '" + s.name() + "' no longer shows or sorts by it");
            }
            if (d.adjustedListViews() > 0) {
                out().println("  " + d.adjustedListViews() + " list view(s) no longer show or sort by it");
            }
            return ContactsCli.OK;
        }
    }
}
