package dev.contacts.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the {@code contacts} command: the global options every command inherits,
 * the list of commands ({@link #COMMANDS}), and the session (store, SDK, property) they share for one run.
 */
@Command(name = "contacts", mixinStandardHelpOptions = true, version = "contacts 0.1.0-SNAPSHOT",
        usageHelpWidth = 120, sortOptions = false,
        description = {
            "Contacts of a helpdesk, on the store of your choice: query with the filter language, import and export "
                    + "JSON Lines or CSV, manage custom attributes, organizations and tickets, and run the demo.",
            "",
            "The default store h2:./contacts-data is an embedded H2 database file in the current directory; "
                    + "jdbc:postgresql://..., jdbc:mariadb://... and mongodb://.../DB open your servers, and mem: lives in "
                    + "memory and forgets everything when the command ends."},
        footerHeading = "%nExamples (one per command):%n",
        footer = {
            "  contacts demo --now 2026-01-01T00:00:00Z",
            "  contacts find --filter 'tags is \"vip\" and country is any of [\"FR\", \"BE\"]' --sort lastSeen:desc",
            "  contacts count --filter 'tags is not \"vip\"'",
            "  contacts show ada@example.com",
            "  contacts set ada@example.com jobTitle=Engineer tags='vip;beta' organizations=ACME city=",
            "  contacts generate 1000 --seed 7 > people.jsonl",
            "  contacts import people.csv --dry-run",
            "  contacts export --filter 'city is \"Paris\"' --format csv --output paris.csv",
            "  contacts segments save 'VIPs in France' --filter 'tags is \"vip\" and country is \"FR\"'",
            "  contacts views set --columns +country,+lastLiveChat",
            "  contacts attributes define plan --type TEXT --label Plan",
            "  contacts orgs list --filter 'name contains \"acme\"'",
            "  contacts tickets create ada@example.com --subject Invoice --message 'Hello Ada' --attach invoice.pdf",
            "  contacts notes add ada@example.com --author alice --text 'Prefers email over phone'",
            "  contacts timeline ada@example.com --kind NOTE,TICKET",
            "  contacts merge ada@example.com ada.lovelace@example.com",
            "  contacts call ada@example.com --phone '+44 20 7946 0000'",
            "  contacts help import",
            "",
            "Exit codes: 0 success, 2 bad usage or bad input, 1 store or I/O failure. Errors are one sentence on "
                    + "standard error; --debug adds the stack trace."})
public final class ContactsCli {
    /** Exit code of success. */
    public static final int OK = 0;
    /** Exit code of a store or I/O failure. */
    public static final int FAILURE = 1;
    /** Exit code of bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** The store when none is given and the JPA store module is in the build: an embedded H2 file (git-ignored). */
    public static final String DEFAULT_STORE = "h2:./contacts-data";
    /** The store when none is given and no module opens {@link #DEFAULT_STORE}. */
    public static final String FALLBACK_STORE = "mem:";

    @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Store URL (default: " + DEFAULT_STORE + ", an embedded H2 file; " + FALLBACK_STORE
                    + " if the JPA store module is left out of a build; with mem: everything is forgotten when the command ends).")
    String store;

    @Option(names = "--property", scope = ScopeType.INHERIT, paramLabel = "ID", defaultValue = "default",
            description = "Property (tenant) to work in, created on first use (default: ${DEFAULT-VALUE}).")
    String property;

    @Option(names = "--zone", scope = ScopeType.INHERIT, paramLabel = "ZONE",
            description = "Time zone of local days and printed dates, e.g. Europe/Paris (default: the property's).")
    ZoneId zone;

    @Option(names = "--now", scope = ScopeType.INHERIT, paramLabel = "INSTANT",
            description = "Fixed current instant, e.g. 2026-01-01T00:00:00Z, for reproducible output.")
    Instant now;

    @Option(names = "--blobs", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory of ticket attachments (default: the store's own: the attachment_blob table of an h2: or SQL "
                    + "database, GridFS with mongodb:, memory with mem:).")
    Path blobs;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors and the SDK's debug log.")
    boolean debug;

    /**
     * The commands, in the order of the help. They are not in the {@code @Command} annotation: picocli
     * builds the model of every command listed there by reflection, which was a tenth of the start-up of
     * a short command; {@link #commandLine(ContactsCli, String[])} adds only the one being run.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            FindCommand.class,
            CountCommand.class,
            ShowCommand.class,
            SetCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            SegmentsCommand.class,
            ViewsCommand.class,
            AttributesCommand.class,
            OrgsCommand.class,
            TicketsCommand.class,
            NotesCommand.class,
            TimelineCommand.class,
            MergeCommand.class,
            CallCommand.class,
            CommandLine.HelpCommand.class);

    private Session session;

    /**
     * Runs a command line on the process's standard streams.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String[] args) {
        CommandLine cmd = commandLine(new ContactsCli(), args);
        return execute(cmd, args);
    }

    /**
     * Runs a command line with the given output and error writers (tests run commands in-process this way).
     *
     * @param out    standard output
     * @param err    standard error
     * @param args   the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(new ContactsCli(), args);
        cmd.setOut(out);
        cmd.setErr(err);
        return execute(cmd, args);
    }

    private static int execute(CommandLine cmd, String[] args) {
        ContactsCli root = cmd.getCommand();
        try {
            return cmd.execute(args);
        } finally {
            root.closeSession(cmd.getErr());
            cmd.getOut().flush();
            cmd.getErr().flush();
        }
    }

    /**
     * @param root the root command object
     * @return the command line with every command (the help lists them all)
     */
    static CommandLine commandLine(ContactsCli root) {
        CommandLine cmd = new CommandLine(root);
        COMMANDS.forEach(cmd::addSubcommand);
        return configure(cmd, root);
    }

    /**
     * @param root the root command object
     * @param args the command line to run
     * @return the command line with only the command {@code args} name when it names one (its model is all
     *         that parsing and running it need), else with every command: for the help, the version, a
     *         mistyped command (picocli suggests the nearest names) or {@code help COMMAND}
     */
    static CommandLine commandLine(ContactsCli root, String[] args) {
        CommandLine cmd = new CommandLine(root);
        Class<?> command = command(cmd.getCommandSpec(), args);
        if (command == null) {
            COMMANDS.forEach(cmd::addSubcommand);
        } else {
            cmd.addSubcommand(command);
        }
        return configure(cmd, root);
    }

    /**
     * @return the command class named by the first argument that is neither a global option nor the value
     *         of one (so that {@code --property count find} runs find), or null when it names none of them
     */
    private static Class<?> command(CommandSpec rootSpec, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null; // what follows is no command: picocli says so with the full list
            }
            if (arg.startsWith("-")) {
                OptionSpec option = rootSpec.findOption(arg);
                if (option != null && option.arity().min() > 0) {
                    i++; // its value, whatever it looks like
                }
                continue;
            }
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation != null && annotation.name().equals(arg) && command != CommandLine.HelpCommand.class) {
                    return command;
                }
            }
            return null;
        }
        return null;
    }

    /** Settings apply to the subcommands present when they are set: called once the subcommands are added. */
    private static CommandLine configure(CommandLine cmd, ContactsCli root) {
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setAllowSubcommandsAsOptionParameters(true); // --property demo: a property may be named like a command
        cmd.registerConverter(Instant.class, ContactsCli::instant);
        cmd.registerConverter(ZoneId.class, ContactsCli::zone);
        cmd.setExecutionStrategy(parsed -> {
            root.configureLogging();
            return new CommandLine.RunLast().execute(parsed);
        });
        FailureHandler failures = new FailureHandler(root);
        cmd.setExecutionExceptionHandler(failures);
        cmd.setParameterExceptionHandler(failures);
        return cmd;
    }

    private static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a time zone such as Europe/Paris or UTC");
        }
    }

    /** Sets the levels of this run: with --debug the libraries' warnings and the SDK's debug log, else the SDK's warnings only. */
    private void configureLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(debug ? Level.WARN : Level.OFF);
            ((Logger) LoggerFactory.getLogger("dev.contacts")).setLevel(debug ? Level.DEBUG : Level.WARN);
        }
    }

    /**
     * @param out where the console mailer prints emails
     * @return the session of this run, opening the store and the property on first use
     */
    Session session(PrintWriter out) {
        return session(out, null);
    }

    /**
     * @param out        where the console mailer prints emails
     * @param defaultNow the fixed instant to use when {@code --now} is not given, or null for the system clock
     * @return the session of this run, opening the store and the property on first use
     */
    Session session(PrintWriter out, Instant defaultNow) {
        if (session == null) {
            session = Session.open(storeUrl(), property, zone, now != null ? now : defaultNow, blobs, out);
        }
        return session;
    }

    boolean debug() {
        return debug;
    }

    /** @return {@code --store}, else the default store of this build */
    String storeUrl() {
        return store != null ? store : StoreUrls.defaultUrl(DEFAULT_STORE, FALLBACK_STORE);
    }

    private void closeSession(PrintWriter err) {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                err.println("contacts: could not close the store cleanly: " + e.getMessage());
            }
            session = null;
        }
    }
}
