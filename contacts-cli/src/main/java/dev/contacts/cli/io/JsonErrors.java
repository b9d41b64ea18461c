package dev.contacts.cli.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a line is not valid JSON, in the terms of someone writing the file: the column and what
 * to write instead, never the parser's own vocabulary (its feature flags, token types, classes).
 */
final class JsonErrors {
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern CONTROL = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.)'");

    private JsonErrors() {
    }

    /**
     * @param e         the parser's exception
     * @param maxNumber the longest number accepted, in characters
     * @return why the line is rejected
     */
    static String describe(JsonProcessingException e, int maxNumber) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String key = key(e);
        String at = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? "" : " at column " + e.getLocation().getColumnNr();
        Matcher m;
        if (e instanceof StreamConstraintsException || message.startsWith("Number value length")) {
            return key + "a number longer than " + maxNumber + " characters is not a value; numbers have at most 18 integer and 6 fraction digits";
        }
        if ((m = NON_STANDARD.matcher(message)).find()) {
            return key + m.group(1) + " is not a number; write a number such as 12 or 3.5, or null";
        }
        if (message.contains("Leading zeroes")) {
            return key + "a number cannot start with 0; write 7, or \"007\" in double quotes for text";
        }
        if (message.startsWith("Trailing token") || message.startsWith("Unexpected close marker")) {
            return "text after the JSON object" + at + "; write exactly one object per line";
        }
        if ((m = DUPLICATE.matcher(message)).find()) {
            return "key '" + m.group(1) + "' appears twice in the object";
        }
        String prefix = "not valid JSON" + at + ": ";
        if (message.startsWith("Unexpected end-of-input")) {
            return prefix + "the line ends before the object does (a missing quote, ] or })";
        }
        if (message.contains("comment")) {
            return prefix + "comments are not allowed in JSON";
        }
        if ((m = CONTROL.matcher(message)).find()) {
            return prefix + String.format("character U+%04X inside a string must be escaped, such as \\t or \\n", Integer.parseInt(m.group(1)));
        }
        if ((m = ESCAPE.matcher(message)).find()) {
            return prefix + "\\" + m.group(1) + " is not an escape of JSON (use \\\\ for a backslash)";
        }
        if ((m = UNRECOGNIZED.matcher(message)).find()) {
            return prefix + "'" + m.group(1) + "' is not a value; write text in double quotes, and true, false or null in lower case";
        }
        if ((m = UNEXPECTED.matcher(message)).find()) {
            if (message.contains("field name")) {
                return prefix + "found '" + m.group(1) + "' where a key in double quotes was expected";
            }
            return prefix + "'" + m.group(1) + "' is not expected here";
        }
        return prefix + "each line must be one object such as {\"emails\": [\"ada@example.com\"]}";
    }

    private static String key(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser) {
            try {
                String name = ((JsonParser) e.getProcessor()).currentName();
                return name == null ? "" : name + ": ";
            } catch (IOException | RuntimeException ignored) {
                return ""; // no key to name: the message goes without
            }
        }
        return "";
    }
}
