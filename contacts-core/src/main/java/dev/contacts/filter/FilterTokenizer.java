package dev.contacts.filter;

import dev.contacts.InvalidFilterException;
import dev.contacts.filter.FilterToken.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a filter's canonical text (docs/filter-semantics.md §6) into {@link FilterToken}s, tracking
 * 1-based lines (advanced by LF, so CRLF is one break) and columns in code points.
 */
final class FilterTokenizer {
    /** Longest number, date or instant: far more than any valid one needs. */
    private static final int MAX_LITERAL = 64;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt].*");
    private static final String LITERAL_EXPECTED =
            "a plain decimal number such as -12.5 (no exponent), a date such as 2026-11-25"
            + " or an instant such as 2026-11-25T10:15:30.000Z";
    private static final String ESCAPE_EXPECTED = "an escape such as \\\", \\\\, \\n, \\t or \\u00e9";

    private final String source;
    private int index;
    private int line = 1;
    private int column = 1;

    private FilterTokenizer(String source) {
        this.source = source;
    }

    /**
     * @param source the filter text
     * @return its tokens, ending with one {@link Kind#END}
     * @throws InvalidFilterException for a malformed string or literal, with its position
     */
    static List<FilterToken> tokenize(String source) {
        return new FilterTokenizer(source).run();
    }

    private List<FilterToken> run() {
        List<FilterToken> tokens = new ArrayList<>();
        while (true) {
            skipWhiteSpace();
            if (index >= source.length()) {
                tokens.add(new FilterToken(Kind.END, "", null, line, column));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhiteSpace() {
        while (index < source.length()) {
            char c = source.charAt(index);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            advance();
        }
    }

    private FilterToken next() {
        int startLine = line;
        int startColumn = column;
        int start = index;
        char c = source.charAt(index);
        if (isLetter(c)) {
            word();
            return new FilterToken(Kind.WORD, source.substring(start, index), null, startLine, startColumn);
        }
        if (c == '"') {
            return string(startLine, startColumn);
        }
        if (isDigit(c) || (c == '-' && index + 1 < source.length() && isDigit(source.charAt(index + 1)))) {
            return literal(startLine, startColumn);
        }
        switch (c) {
            case '(':
            case ')':
            case '[':
            case ']':
            case ',':
            case '=':
                advance();
                break;
            case '<':
            case '>':
                advance();
                advanceIf('=');
                break;
            case '!':
                advance();
                if (!advanceIf('=')) {
                    return new FilterToken(Kind.INVALID, "!", null, startLine, startColumn);
                }
                break;
            default:
                advance();
                return new FilterToken(Kind.INVALID, source.substring(start, index), null, startLine, startColumn);
        }
        return new FilterToken(Kind.SYMBOL, source.substring(start, index), null, startLine, startColumn);
    }

    /** An attribute name or keyword: {@code [A-Za-z][A-Za-z0-9_]*}, optionally one {@code .segment}. */
    private void word() {
        segment();
        if (index + 1 < source.length() && source.charAt(index) == '.' && isLetter(source.charAt(index + 1))) {
            advance();
            segment();
        }
    }

    private void segment() {
        advance();
        while (index < source.length() && (isLetter(source.charAt(index)) || isDigit(source.charAt(index)) || source.charAt(index) == '_')) {
            advance();
        }
    }

    /**
     * Numbers, dates and instants share one scan: everything up to the next delimiter is
     * taken, so that {@code 1e5} or {@code 5and} is reported as one bad literal rather than
     * as a number followed by something puzzling.
     */
    private FilterToken literal(int startLine, int startColumn) {
        int start = index;
        while (index < source.length() && isLiteralPart(source.charAt(index))) {
            advance();
        }
        String text = source.substring(start, index);
        if (text.length() > MAX_LITERAL) {
            // BigDecimal parses in quadratic time: a megabyte of digits would take minutes.
            throw new InvalidFilterException("a literal of " + text.length() + " characters is too long",
                    startLine, startColumn, "at most " + MAX_LITERAL + " characters: " + LITERAL_EXPECTED);
        }
        if (NUMBER.matcher(text).matches()) {
            return new FilterToken(Kind.NUMBER, text, new BigDecimal(text), startLine, startColumn);
        }
        if (DATE.matcher(text).matches()) {
            try {
                return new FilterToken(Kind.DATE, text, LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE), startLine, startColumn);
            } catch (DateTimeParseException e) {
                throw new InvalidFilterException("'" + text + "' is not a valid date", startLine, startColumn, "a date such as 2026-11-25");
            }
        }
        if (DATE_TIME.matcher(text).matches()) {
            try {
                OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return new FilterToken(Kind.INSTANT, text, t.toInstant(), startLine, startColumn);
            } catch (DateTimeParseException e) {
                throw new InvalidFilterException("'" + text + "' is not a valid instant", startLine, startColumn,
                        "an instant such as 2026-11-25T10:15:30.000Z or 2026-11-25T12:15+02:00 (with Z or an offset)");
            }
        }
        throw new InvalidFilterException("'" + text + "' is not a number, a date or an instant", startLine, startColumn, LITERAL_EXPECTED);
    }

    private FilterToken string(int startLine, int startColumn) {
        advance(); // the opening quote
        StringBuilder content = new StringBuilder();
        while (true) {
            if (index >= source.length()) {
                throw new InvalidFilterException("the string is not closed", startLine, startColumn, "'\"' to close the string");
            }
            char c = source.charAt(index);
            if (c == '"') {
                advance();
                return new FilterToken(Kind.STRING, content.toString(), content.toString(), startLine, startColumn);
            }
            if (c < 0x20) {
                // JSON forbids raw control characters in strings; they would also hide a line break.
                throw new InvalidFilterException(String.format("a string contains the raw control character U+%04X", (int) c),
                        line, column, "an escape such as \\n or \\t, or '\"' to close the string");
            }
            if (c == '\\') {
                escape(content);
            } else {
                // A lone surrogate is copied too: Condition refuses it like any other bad operand.
                int from = index;
                advance();
                content.append(source, from, index);
            }
        }
    }

    private void escape(StringBuilder content) {
        int start = index;
        int escapeLine = line;
        int escapeColumn = column;
        advance(); // the backslash
        char e = index < source.length() ? source.charAt(index) : 0;
        switch (e) {
            case '"': content.append('"'); break;
            case '\\': content.append('\\'); break;
            case '/': content.append('/'); break;
            case 'b': content.append('\b'); break;
            case 'f': content.append('\f'); break;
            case 'n': content.append('\n'); break;
            case 'r': content.append('\r'); break;
            case 't': content.append('\t'); break;
            case 'u':
                if (index + 5 > source.length() || !HEX4.matcher(source.substring(index + 1, index + 5)).matches()) {
                    throw badEscape(start, escapeLine, escapeColumn);
                }
                // Surrogates are appended one unit at a time, so an escaped pair combines.
                content.append((char) Integer.parseInt(source.substring(index + 1, index + 5), 16));
                for (int i = 0; i < 4; i++) {
                    advance();
                }
                break;
            default:
                throw badEscape(start, escapeLine, escapeColumn);
        }
        advance();
    }

    private InvalidFilterException badEscape(int start, int escapeLine, int escapeColumn) {
        // Quote the backslash and what follows it: one character, or u and four more.
        int end = start + 1;
        if (end < source.length()) {
            end = source.charAt(end) == 'u' ? Math.min(source.length(), end + 5) : source.offsetByCodePoints(end, 1);
        }
        return new InvalidFilterException("'" + source.substring(start, end) + "' is not a valid escape",
                escapeLine, escapeColumn, ESCAPE_EXPECTED);
    }

    /** Advances one code point, so that a surrogate pair counts as one column. */
    private void advance() {
        char c = source.charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < source.length() && Character.isLowSurrogate(source.charAt(index + 1))) {
            index += 2;
        } else {
            index++;
        }
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    private boolean advanceIf(char expected) {
        if (index < source.length() && source.charAt(index) == expected) {
            advance();
            return true;
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLiteralPart(char c) {
        return isLetter(c) || isDigit(c) || c == '.' || c == ':' || c == '+' || c == '-';
    }
}
