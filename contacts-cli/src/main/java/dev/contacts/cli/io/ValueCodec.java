package dev.contacts.cli.io;

import dev.contacts.model.AttributeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Attribute values between their file text and their Java type: reading the values of an
 * import row as the attribute's type, and printing values for CSV, JSON and tables. Dates
 * are written as ISO instants in UTC with milliseconds ({@code 2026-11-25T10:15:30.000Z}),
 * numbers as plain decimals, sets as arrays (JSON) or {@code ;}-separated cells (CSV).
 */
public final class ValueCodec {
    /**
     * Longest number read, in characters: a NUMBER has at most 18 integer and 6 fraction digits,
     * so anything longer is refused before it is converted (a number of a million digits costs
     * nothing). Jackson's {@code StreamReadConstraints} enforce it in JSON, {@link #read} in CSV.
     */
    public static final int MAX_NUMBER_LENGTH = 100;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private ValueCodec() {
    }

    /**
     * Reads one value of an import row as the attribute's Java type; the SDK then normalises
     * and validates it.
     *
     * @param key  the key, for the reason of a rejection
     * @param type the attribute's type
     * @param raw  the value as read (see {@link SourceRow}); null clears
     * @param csv  whether it is CSV cell text
     * @param zone zone of a date given without time
     * @return a {@code String}, {@code List<String>}, {@code BigDecimal}, {@code Instant}, {@code Boolean}, or null
     * @throws RowRejectedException if it cannot be a value of that type
     */
    public static Object read(String key, AttributeType type, Object raw, boolean csv, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        switch (type) {
            case TEXT:
                return requireText(key, raw, "text");
            case TEXT_SET:
                return textSet(key, raw, csv);
            case NUMBER:
                if (raw instanceof BigDecimal) {
                    return raw;
                }
                String number = requireText(key, raw, "a number").strip();
                if (number.length() > MAX_NUMBER_LENGTH) {
                    throw new RowRejectedException(key + ": a number of " + number.length() + " characters is longer than "
                            + MAX_NUMBER_LENGTH + "; numbers have at most 18 integer and 6 fraction digits");
                }
                try {
                    return new BigDecimal(number);
                } catch (NumberFormatException e) {
                    throw new RowRejectedException(key + ": '" + raw + "' is not a number such as 12 or 3.5");
                }
            case DATE:
                return instant(key, requireText(key, raw, "a date"), zone);
            case BOOLEAN:
                if (raw instanceof Boolean) {
                    return raw;
                }
                String b = requireText(key, raw, "true or false").strip().toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("false")) {
                    return Boolean.valueOf(b);
                }
                throw new RowRejectedException(key + ": '" + raw + "' is not true or false");
            default:
                throw new RowRejectedException(key + ": values of type " + type + " cannot be imported");
        }
    }

    private static List<String> textSet(String key, Object raw, boolean csv) {
        if (raw instanceof List) {
            List<String> list = new ArrayList<>();
            for (Object element : (List<?>) raw) {
                if (element != null) { // a null element is no value
                    list.add(requireText(key, element, "text elements"));
                }
            }
            return list;
        }
        String text = requireText(key, raw, "a list of texts");
        if (!csv) {
            return List.of(text);
        }
        try {
            return Cells.split(text);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(key + ": " + e.getMessage());
        }
    }

    private static String requireText(String key, Object raw, String expected) {
        if (raw instanceof String) {
            return (String) raw;
        }
        String got = raw instanceof List ? "an array" : raw instanceof Boolean ? "boolean " + raw : "number " + raw;
        throw new RowRejectedException(key + ": expected " + expected + ", got " + got);
    }

    /**
     * @param key  the key, for the reason
     * @param text an ISO instant ({@code 2026-01-01T09:30:00Z}, an offset, optional milliseconds), a local
     *             date-time or a date (then in {@code zone})
     * @param zone zone of local forms
     * @return the instant
     * @throws RowRejectedException if it is none of those
     */
    public static Instant instant(String key, String text, ZoneId zone) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset; try the local forms
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(key + ": '" + text + "' is not a date such as 2026-01-01T09:30:00Z or 2026-01-01");
        }
    }

    /**
     * @param value a value of an attribute's Java type (lists of texts for sets)
     * @return its CSV cell text, "" when unknown
     */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List) {
            return Cells.join(strings((List<?>) value));
        }
        return scalar(value);
    }

    /**
     * @param value a scalar value
     * @return its text: plain decimals, ISO instants in UTC with milliseconds
     */
    public static String scalar(Object value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Instant) {
            return INSTANT.format((Instant) value);
        }
        return String.valueOf(value);
    }

    /**
     * @param value a value of an attribute's Java type
     * @param zone  zone of printed dates
     * @return its text in a table: local date and time, sets joined by commas, "" when unknown
     */
    public static String display(Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof List) {
            return String.join(", ", strings((List<?>) value));
        }
        if (value instanceof Instant) {
            return LOCAL.format(((Instant) value).atZone(zone));
        }
        return scalar(value);
    }

    static List<String> strings(List<?> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object v : values) {
            texts.add(String.valueOf(v));
        }
        return texts;
    }
}
