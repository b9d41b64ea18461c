package dev.contacts.cli;

import dev.contacts.NoteService;
import dev.contacts.cli.io.ValueCodec;
import dev.contacts.model.EntityId;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import java.io.PrintWriter;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts notes}: internal notes on a contact (or, with --org, an organization). */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = {"Add, list, edit and delete internal notes on a contact or an organization (never shown to the contact).",
            "Example: contacts notes add ada@example.com --author alice --text 'Prefers email over phone'"},
        subcommands = {NotesCommand.Add.class, NotesCommand.ListNotes.class, NotesCommand.Edit.class, NotesCommand.Delete.class})
final class NotesCommand extends CliCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return ContactsCli.OK;
    }

    /** The contact or organization notes are written on. */
    static final class Parent {
        @Parameters(paramLabel = "CONTACT", description = "The contact's id or email (with --org: the organization's id or name).")
        String ref;

        @Option(names = "--org", description = "An organization's notes instead of a contact's.")
        boolean org;

        EntityId id(CliCommand command) {
            return org ? command.organization(ref).id() : command.contact(ref).id();
        }
    }

    static void print(PrintWriter out, Note n, ZoneId zone, boolean withId) {
        out.println("  " + ValueCodec.display(n.created(), zone) + "  NOTE  " + n.author()
                + (n.editedAt() == null ? "" : "  (edited " + ValueCodec.display(n.editedAt(), zone) + " by " + n.editedBy() + ")")
                + (withId ? "  note " + n.id() + " v" + n.version() : ""));
        for (String line : n.body().split("\n")) {
            out.println("      " + line);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Write a note.")
    static final class Add extends CliCommand {
        @Mixin
        Parent parent;

        @Option(names = "--author", defaultValue = "cli", description = "The agent writing it (default: ${DEFAULT-VALUE}).")
        String author;

        @Option(names = "--text", required = true, description = "The note.")
        String text;

        @Override
        public Integer call() {
            Note n = property().notes().add(parent.id(this), author, text);
            out().println("added note " + n.id());
            return ContactsCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List notes, newest first.")
    static final class ListNotes extends CliCommand {
        @Mixin
        Parent parent;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "Most notes, 1..1000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--cursor", description = "Continue after the page that printed this cursor.")
        String cursor;

        @Override
        public Integer call() {
            Page<Note> page = property().notes().list(parent.id(this), limit, cursor == null ? null : Cursor.of(cursor.strip()));
            for (Note n : page.items()) {
                print(out(), n, session().zone(), true);
            }
            if (page.hasNext()) {
                out().println("next page: --cursor " + page.nextCursor());
            }
            return ContactsCli.OK;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a note's text (optimistic: give the version listed).")
    static final class Edit extends CliCommand {
        @Parameters(paramLabel = "NOTE-ID", description = "The note.")
        String id;

        @Option(names = "--editor", defaultValue = "cli", description = "The agent editing it (default: ${DEFAULT-VALUE}).")
        String editor;

        @Option(names = "--text", required = true, description = "The new text.")
        String text;

        @Option(names = "--version", description = "The version the edit is based on (default: the current one).")
        Long version;

        @Override
        public Integer call() {
            NoteService notes = property().notes();
            NoteId noteId = NoteId.parse(id);
            Note n = notes.edit(noteId, editor, text, version != null ? version : notes.get(noteId).version());
            out().println("edited note " + n.id() + " (version " + n.version() + ")");
            return ContactsCli.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a note.")
    static final class Delete extends CliCommand {
        @Parameters(paramLabel = "NOTE-ID", description = "The note.")
        String id;

        @Override
        public Integer call() {
            property().notes().delete(NoteId.parse(id));
            out().println("deleted note " + id);
            return ContactsCli.OK;
        }
    }
}
