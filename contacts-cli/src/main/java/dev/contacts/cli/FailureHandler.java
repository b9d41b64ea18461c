package dev.contacts.cli;

import dev.contacts.ContactsException;
import dev.contacts.InvalidFilterException;
import dev.contacts.StoreException;
import dev.contacts.cli.io.InputFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one sentence on standard error and an exit code: 2 for bad
 * usage or bad input (including every typed SDK error but a store failure), 1 for store and
 * I/O failures and anything unexpected. A filter syntax error also shows the text with a
 * caret under the position. Stack traces only with {@code --debug}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final ContactsCli root;

    FailureHandler(ContactsCli root) {
        this.root = root;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("contacts: " + e.getMessage());
        err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the usage.");
        if (root.debug()) {
            e.printStackTrace(err);
        }
        return ContactsCli.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        cmd.getOut().flush();
        int code = exitCode(e);
        if (e instanceof FilterTextException) {
            FilterTextException f = (FilterTextException) e;
            String message = f.getCause().getMessage();
            String suffix = " (expected " + f.getCause().expected() + ")";
            err.println("contacts: invalid filter: " + (message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message));
            err.print(caret(f.text(), f.getCause()));
        } else {
            err.println("contacts: " + sentence(e));
        }
        if (root.debug()) {
            e.printStackTrace(err);
        } else if (code == ContactsCli.FAILURE && !(e instanceof ContactsException) && !(e instanceof IOException)
                && !(e instanceof UncheckedIOException)) {
            err.println("Run again with --debug for the stack trace.");
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof FilterTextException || e instanceof CliUsageException || e instanceof InputFormatException) {
            return ContactsCli.BAD_INPUT;
        }
        if (e instanceof StoreException || e instanceof IOException || e instanceof UncheckedIOException) {
            return ContactsCli.FAILURE;
        }
        if (e instanceof ContactsException) {
            return ContactsCli.BAD_INPUT;
        }
        return ContactsCli.FAILURE;
    }

    private static String sentence(Exception e) {
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return "I/O failure: " + e.getCause().getMessage();
        }
        if (e instanceof IOException) {
            return "I/O failure: " + e.getMessage();
        }
        if (e instanceof StoreException && e.getCause() != null) {
            return storeFailure((StoreException) e);
        }
        if (e instanceof ContactsException || e instanceof CliUsageException || e instanceof InputFormatException) {
            return e.getMessage();
        }
        return "unexpected failure: " + e;
    }

    /**
     * @param e a store failure wrapping a driver's exception
     * @return the operation and the driver's own words — the first JDBC exception of the causes, else the innermost
     *         message — without the layers of framework exceptions around them ("Connection to 127.0.0.1:5433
     *         refused", "Database may be already in use")
     */
    static String storeFailure(StoreException e) {
        String message = null;
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                if (t instanceof java.sql.SQLException) {
                    break;
                }
            }
        }
        if (message == null || message.isBlank()) {
            return e.getMessage();
        }
        return e.operation() + " failed in the store: "
                + message.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }

    /**
     * @param text the filter text
     * @param e    its syntax error
     * @return the offending line of the text and a caret under the error's column, or nothing without a position
     */
    static String caret(String text, InvalidFilterException e) {
        if (e.line() < 1) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        String line = e.line() <= lines.length ? lines[e.line() - 1] : "";
        StringBuilder pad = new StringBuilder();
        int col = 1;
        for (int i = 0; i < line.length() && col < e.column(); col++) {
            int cp = line.codePointAt(i);
            pad.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
        }
        while (col++ < e.column()) {
            pad.append(' '); // a position just past the end of the text
        }
        return "  " + line + System.lineSeparator() + "  " + pad + "^ expected " + e.expected() + System.lineSeparator();
    }
}
