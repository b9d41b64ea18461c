package dev.contacts.web;

import dev.contacts.InvalidFilterException;
import dev.contacts.cli.io.ValueCodec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small helpers of the pages: links with encoded parameters, cell text, initials, safe links. Stateless, thread-safe. */
final class Pages {
    private Pages() {
    }

    /**
     * @param path            a path of this application
     * @param nameValuePairs  parameter names and values, alternating; null or empty values are left out
     * @return the path with its query, every value encoded (a {@code +} in a filter stays a plus)
     */
    static String url(String path, String... nameValuePairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            params.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return url(path, params);
    }

    /**
     * @param path   a path of this application
     * @param params parameters; null or empty values are left out
     * @return the path with its query
     */
    static String url(String path, Map<String, String> params) {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            b.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    /**
     * @param value a value of an attribute
     * @param zone  the property's zone
     * @return its text in a cell: local date and time, lists joined by commas, "" when unknown
     */
    static String cell(Object value, ZoneId zone) {
        return ValueCodec.display(value, zone);
    }

    /**
     * @param name  a name, or null
     * @param email an email, or null
     * @return up to two capital letters for the profile picture
     */
    static String initials(String name, String email) {
        String source = name != null && !name.isBlank() ? name : email != null ? email : "?";
        StringBuilder b = new StringBuilder();
        for (String word : source.strip().split("[\\s@._-]+")) {
            if (!word.isEmpty() && b.length() < 2) {
                b.appendCodePoint(word.codePointAt(0));
            }
        }
        return b.length() == 0 ? "?" : b.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * @param url a stored URL
     * @return it when it is an http(s) link, else null (a {@code javascript:} URL never becomes a link)
     */
    static String httpLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    /**
     * @param target a redirect target given by a form
     * @param other  where to go when it is not a path of this application
     * @return a safe redirect target
     */
    static String back(String target, String other) {
        return target != null && target.startsWith("/p/") && !target.startsWith("//") && !target.contains("\\") ? target : other;
    }

    /**
     * A parser error as the page shows it: the message, the offending line and a caret under the column.
     *
     * @param message what went wrong
     * @param line    the line of the filter text
     * @param pad     spaces before the caret
     */
    public record Caret(String message, String line, String pad) {
        /**
         * @param text the filter text
         * @param e    the parser's error
         * @return the error with its line and caret (no caret when the error has no position)
         */
        static Caret of(String text, InvalidFilterException e) {
            if (e.line() <= 0) {
                return new Caret(e.getMessage(), null, null);
            }
            String[] lines = text.split("\\R", -1);
            String line = e.line() <= lines.length ? lines[e.line() - 1] : "";
            StringBuilder pad = new StringBuilder();
            for (int i = 0; i < e.column() - 1 && i < line.length(); i++) {
                pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
            }
            return new Caret(e.getMessage(), line, pad.toString());
        }
    }
}
