package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Normal forms of the text of ticket messages and emails, shared by the message records. */
final class MailText {
    /** Most UTF-8 bytes of a message body. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Most characters of a Message-ID (a header line is at most 998). */
    static final int MAX_MESSAGE_ID = 900;
    /** Most Message-IDs kept in a References header. */
    static final int MAX_REFERENCES = 50;

    private MailText() {
    }

    static String subject(String subject) {
        String normal = Values.text("subject", subject);
        if (normal == null) {
            throw new InvalidValueException("subject", "a ticket needs a subject");
        }
        if (normal.indexOf('\n') >= 0 || normal.indexOf('\r') >= 0) {
            throw new InvalidValueException("subject", "a subject is one line: remove the line breaks");
        }
        return normal;
    }

    static String body(String body) {
        return Values.requiredLongText("body", body, MAX_BODY_BYTES);
    }

    static String address(String attribute, String address) {
        if (address == null) {
            throw new InvalidValueException(attribute, "an email address is required");
        }
        List<String> normal = Values.emails(attribute, List.of(address));
        if (normal.isEmpty()) {
            throw new InvalidValueException(attribute, "an email address is required");
        }
        return normal.get(0);
    }

    /** One Message-ID in header form {@code <left@right>}; angle brackets are added when missing. */
    static String messageId(String attribute, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException(attribute, "a Message-ID is required");
        }
        String s = id.strip();
        if (!s.startsWith("<")) {
            s = "<" + s + ">";
        }
        if (s.length() > MAX_MESSAGE_ID || !isMessageId(s)) {
            throw new InvalidValueException(attribute, "'" + id + "' is not a Message-ID such as <id@example.com>");
        }
        return s;
    }

    /** The Message-IDs of a header value or list, in order, without duplicates; malformed tokens are ignored as mail clients do. */
    static List<String> messageIds(List<String> values) {
        if (values == null) {
            return List.of();
        }
        // The normal form (every list read back from a store): each value one Message-ID within the
        // length limit, each once. Such a list is kept as it is; otherwise the scan below starts at
        // the first value out of that form, so no value is read twice.
        Set<String> seen = new HashSet<>(values.size() * 2);
        int normal = 0;
        while (normal < values.size()) {
            String value = values.get(normal);
            if (value == null || value.length() > MAX_MESSAGE_ID || !isMessageId(value) || !seen.add(value)) {
                break;
            }
            normal++;
        }
        if (normal == values.size()) {
            return List.copyOf(values);
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>(values.subList(0, normal));
        for (String value : values.subList(normal, values.size())) {
            if (value == null) {
                continue;
            }
            boolean any = false;
            int from = 0;
            while (true) {
                int open = value.indexOf('<', from);
                if (open < 0) {
                    break;
                }
                int end = idRunEnd(value, open + 1);
                if (end > open + 1 && end < value.length() && value.charAt(end) == '>') {
                    any = true;
                    if (end + 1 - open <= MAX_MESSAGE_ID) {
                        ids.add(value.substring(open, end + 1));
                    }
                    from = end + 1;
                } else {
                    from = open + 1;
                }
            }
            if (!any && !value.isBlank() && value.strip().indexOf(' ') < 0 && value.strip().indexOf('<') < 0) {
                String bare = "<" + value.strip() + ">";
                if (bare.length() <= MAX_MESSAGE_ID && isMessageId(bare)) {
                    ids.add(bare);
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Whether a text is one Message-ID token: {@code <}, one or more printable ASCII characters
     * other than angle brackets, {@code >}. A loop rather than a regular expression: every
     * ticket message read from a store checks its References (up to {@value #MAX_REFERENCES}
     * ids), and a regex matcher per id was most of the time a timeline page spent in Java.
     */
    static boolean isMessageId(String s) {
        int last = s.length() - 1;
        return last >= 2 && s.charAt(0) == '<' && s.charAt(last) == '>' && idRunEnd(s, 1) == last;
    }

    /** @return the index after the run of Message-ID characters that starts at {@code from} */
    private static int idRunEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isIdChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Printable ASCII but {@code <} and {@code >}: {@code [\x21-\x3B\x3D\x3F-\x7E]}. */
    private static boolean isIdChar(char c) {
        return c >= 0x21 && c <= 0x7E && c != '<' && c != '>';
    }

    /** Keeps the first reference (the thread's root) and the newest ones, as RFC 5322 suggests for long threads. */
    static List<String> trimReferences(List<String> references) {
        if (references.size() <= MAX_REFERENCES) {
            return List.copyOf(references);
        }
        List<String> kept = new ArrayList<>();
        kept.add(references.get(0));
        kept.addAll(references.subList(references.size() - (MAX_REFERENCES - 1), references.size()));
        return List.copyOf(kept);
    }
}
