package dev.contacts.cli;

/**
 * Text as a terminal shows it safely: characters that would move the cursor, recolour or
 * reorder the output — C0 controls (CR, LF, tab, ESC...), DEL, C1 controls (U+0080 to U+009F,
 * such as U+0085 and the one-byte CSI U+009B), bidirectional overrides and isolates (U+202A to
 * U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) and the line and paragraph separators — are
 * printed as visible escapes ({@code \r}, {@code \n}, {@code \t}, {@code \u202E}), so a stored
 * value cannot spoof the lines around it. Tables and profiles print through it; the data formats
 * (CSV, JSON Lines) keep values exact.
 */
final class TerminalText {
    private TerminalText() {
    }

    /**
     * @param text any text
     * @return it with every unsafe character escaped (the same string when there is none)
     */
    static String escape(String text) {
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\u2028' || c == '\u2029';
    }
}
