package dev.contacts.filter;

import java.util.Locale;

/**
 * One token of a filter's canonical text, with the position of its first character.
 *
 * @param kind   what sort of token it is
 * @param text   the source text of the token (for a string: its decoded content)
 * @param value  the decoded value of a literal ({@code String}, {@code BigDecimal},
 *               {@code LocalDate} or {@code Instant}), else null
 * @param line   1-based line
 * @param column 1-based column, in code points
 */
record FilterToken(Kind kind, String text, Object value, int line, int column) {

    /** Token kinds. */
    enum Kind {
        /** An attribute name or a keyword: {@code tags}, {@code custom.plan}, {@code IS}. */
        WORD,
        /** One of {@code ( ) [ ] , = != < <= > >=}. */
        SYMBOL,
        /** A JSON string; {@link #value()} is its decoded content. */
        STRING,
        /** A plain decimal number; {@link #value()} is a {@code BigDecimal}. */
        NUMBER,
        /** An ISO day; {@link #value()} is a {@code LocalDate}. */
        DATE,
        /** An ISO date-time with an offset; {@link #value()} is an {@code Instant}. */
        INSTANT,
        /**
         * A character that starts no token. The tokenizer hands it on instead of failing
         * so that the parser can say what it expected at that point.
         */
        INVALID,
        /** The end of the text. */
        END
    }

    /**
     * @param word a keyword or symbol in lower case
     * @return whether this token is that keyword (in any case) or that symbol
     */
    boolean is(String word) {
        return key() != null && key().equals(word);
    }

    /** @return the text to compare with keywords and operator spellings, or null for values */
    String key() {
        switch (kind) {
            case WORD:
                // Words are ASCII only, so the root locale lower case is the whole story.
                return text.toLowerCase(Locale.ROOT);
            case SYMBOL:
                return text;
            default:
                return null;
        }
    }

    /** @return how the token is named in an error message */
    String describe() {
        switch (kind) {
            case END:
                return "the end of the filter";
            case STRING:
                return "a string";
            case INVALID:
                int cp = text.codePointAt(0);
                return Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.getType(cp) == Character.SURROGATE
                        ? String.format(Locale.ROOT, "the character U+%04X", cp)
                        : String.format(Locale.ROOT, "the character '%s' (U+%04X)", text, cp);
            default:
                return "'" + text + "'";
        }
    }
}
