package dev.contacts.cli;

import dev.contacts.NotFoundException;
import dev.contacts.SegmentService;
import dev.contacts.model.Target;
import dev.contacts.query.Cursor;
import dev.contacts.query.ListView;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.SegmentSummary;
import dev.contacts.query.Sort;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts segments}: saved filters with their columns and sort: save, list with counts, reopen, edit, delete. */
@Command(name = "segments", mixinStandardHelpOptions = true,
        description = {"Save a filter as a named segment, list segments with their counts, reopen, edit, rename, delete.",
            "Example: contacts segments save 'VIPs in France' --filter 'tags is \"vip\" and country is \"FR\"'"},
        subcommands = {SegmentsCommand.Save.class, SegmentsCommand.ListSegments.class, SegmentsCommand.Show.class,
            SegmentsCommand.Edit.class, SegmentsCommand.Rename.class, SegmentsCommand.Delete.class})
final class SegmentsCommand extends CliCommand {
    @Override
    public Integer call() {
        return new ListSegments().list(this, Target.CONTACT);
    }

    static Segment segment(CliCommand command, Target target, String name) {
        return command.property().segments().findByName(target, name).orElseThrow(() -> new NotFoundException(
                "there is no " + target.name().toLowerCase(java.util.Locale.ROOT) + " segment named '" + name + "' in property "
                        + command.property().property().id() + " (see 'contacts segments list')"));
    }

    /** Which segment a command works on: its name, of contacts or organizations. */
    static final class SegmentRef {
        @Parameters(index = "0", paramLabel = "NAME", description = "The segment.")
        String name;

        @Mixin
        TargetOption target;

        Segment get(CliCommand command) {
            return segment(command, target.target(), name);
        }
    }

    /** What a segment lists: filter, columns and sort (each optional when editing). */
    static final class ListOptions {
        @Option(names = {"-f", "--filter"}, paramLabel = "TEXT", description = "The filter, canonical text.")
        String filter;

        @Option(names = {"-c", "--columns"}, paramLabel = "A,B,C", split = ",", description = "Columns of its list (+name adds one).")
        List<String> columns;

        @Option(names = {"-s", "--sort"}, paramLabel = "ATTR:asc|desc", description = "Sort of its list.")
        String sort;

        /** @return the columns given, added to or replacing {@code base} */
        List<String> columns(List<String> base) {
            return FindCommand.columns(base, columns);
        }

        /** @return the sort given, else {@code base} */
        Sort sort(Sort base) {
            return sort == null ? base : Sort.parse(sort);
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, sortOptions = false, description = {"Save a filter as a new segment.",
        "Columns and sort default to the list view's; +name adds a column."})
    static final class Save extends CliCommand {
        @Parameters(paramLabel = "NAME", description = "Its name, unique per property.")
        String name;

        @Mixin
        ListOptions list;

        @Mixin
        TargetOption target;

        @Override
        public Integer call() {
            Target t = target.target();
            ListView view = property().listViews().get(t);
            if (list.filter == null) {
                throw new CliUsageException("a segment needs --filter TEXT (write --filter all for every contact)");
            }
            Segment s = property().segments().save(t, name, filter(list.filter), list.columns(view.columns()), list.sort(view.sort()));
            out().printf("saved segment '%s' (%,d matches): %s%n", s.name(), property().segments().count(s.id()), s.filter());
            return ContactsCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List segments with their number of matches (cached briefly, with when counted).")
    static final class ListSegments extends CliCommand {
        @Mixin
        TargetOption target;

        @Override
        public Integer call() {
            return list(this, target.target());
        }

        int list(CliCommand command, Target t) {
            Table table = new Table(List.of("name", "matches", "filter"));
            for (SegmentSummary s : command.property().segments().list(t)) {
                table.add(List.of(s.segment().name(), s.isBroken() ? "broken: " + s.problem() : String.format("%,d", s.count().getAsLong()), s.segment().filter()));
            }
            table.print(command.out(), "");
            return ContactsCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Reopen a segment: its list, in its columns and sort.")
    static final class Show extends CliCommand {
        @Parameters(paramLabel = "NAME", description = "The segment.")
        String name;

        @Mixin
        TargetOption target;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "Most contacts to print (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after the page that printed this cursor.")
        String cursor;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or jsonl (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            Segment s = segment(this, target.target(), name);
            out().println("segment '" + s.name() + "': " + s.filter());
            Cursor at = cursor == null ? null : Cursor.of(cursor.strip());
            if (s.target() == Target.ORGANIZATION) {
                OrgsCommand.print(this, property().segments().view(s.id(), Math.max(1, Math.min(limit, Query.MAX_PAGE_SIZE)), at),
                        FindCommand.columns(List.of("name"), s.columns().stream().map(c -> "+" + c).toList()));
                return ContactsCli.OK;
            }
            Query q = property().segments().query(s.id()).withCursor(at);
            FindCommand.print(this, q, s.columns(), limit, format);
            return ContactsCli.OK;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a segment's filter, columns or sort.")
    static final class Edit extends CliCommand {
        @Mixin
        SegmentRef ref;

        @Mixin
        ListOptions list;

        @Override
        public Integer call() {
            SegmentService segments = property().segments();
            Segment s = ref.get(this);
            Segment edited = segments.edit(s.id(), s.version(), filter(list.filter == null ? s.filter() : list.filter),
                    list.columns(s.columns()), list.sort(s.sort()));
            out().printf("edited segment '%s' (%,d matches): %s%n", edited.name(), segments.count(edited.id()), edited.filter());
            return ContactsCli.OK;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a segment.")
    static final class Rename extends CliCommand {
        @Mixin
        SegmentRef ref;

        @Parameters(index = "1", paramLabel = "NEW-NAME", description = "Its new name.")
        String newName;

        @Override
        public Integer call() {
            Segment s = ref.get(this);
            property().segments().rename(s.id(), s.version(), newName);
            out().println("renamed segment '" + s.name() + "' to '" + newName + "'");
            return ContactsCli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a segment (its contacts stay).")
    static final class Delete extends CliCommand {
        @Mixin
        SegmentRef ref;

        @Override
        public Integer call() {
            Segment s = ref.get(this);
            property().segments().delete(s.id());
            out().println("deleted segment '" + s.name() + "'");
            return ContactsCli.OK;
        }
    }
}
