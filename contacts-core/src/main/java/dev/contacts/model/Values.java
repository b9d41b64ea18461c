package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.text.Normalizer;

/**
 * Normal forms and validation of attribute values (docs/filter-semantics.md §1), and the text fold
 * every comparison uses. This is the one place where these rules live: the write path,
 * the filter operands and every store call these methods.
 *
 * <p>Each method returns {@code null} for an unknown value (null, blank text, an empty
 * set) and throws {@link InvalidValueException} naming the attribute for a value that
 * cannot be stored; nothing is ever truncated.
 */
public final class Values {
    /** Most code points of a TEXT value after normalisation. */
    public static final int MAX_TEXT = 500;
    /** Most elements of a TEXT_SET value. */
    public static final int MAX_SET_ELEMENTS = 100;
    /** Most code points of one TEXT_SET element. */
    public static final int MAX_SET_ELEMENT = 320;
    /** Most integer digits of a NUMBER. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Most fraction digits of a NUMBER. */
    public static final int MAX_FRACTION_DIGITS = 6;
    /** Smallest DATE (inclusive). */
    public static final Instant MIN_DATE = Instant.parse("1900-01-01T00:00:00Z");
    /** Bound of DATE (exclusive). */
    public static final Instant MAX_DATE_EXCLUSIVE = Instant.parse("+10000-01-01T00:00:00Z");

    private static final Set<String> COUNTRIES = countries();

    private Values() {
    }

    /**
     * The fold used by every text comparison: NFC, then lower case in the root locale.
     * Whole-string and context-sensitive on purpose (final sigma, dotted capital I).
     *
     * @param text a text, not null
     * @return its fold
     */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * Normalises a TEXT value: rejects C0 controls other than tab, CR and LF and unpaired
     * surrogates, then NFC, then {@link String#strip()}.
     *
     * @param attribute the attribute, for the error message
     * @param value     the raw text, may be null
     * @return the normal form, or null when unknown (null or blank)
     * @throws InvalidValueException if the text has forbidden characters or more than 500 code points
     */
    public static String text(String attribute, String value) {
        return text(attribute, value, MAX_TEXT);
    }

    /**
     * The normal form of text without a length limit: rejects C0 controls other than tab,
     * CR and LF and unpaired surrogates, then NFC, then {@link String#strip()}. Filter
     * operands use it; their length is a limit of the filter, checked separately.
     *
     * @param attribute the attribute, for the error message
     * @param value     the raw text, not null
     * @return the normal form, empty when blank
     * @throws InvalidValueException if the text has forbidden characters
     */
    public static String normalizeText(String attribute, String value) {
        checkCharacters(attribute, value);
        return Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    }

    /**
     * Normalises a long, multi-line text (a message or note body) that must not be blank:
     * the characters of TEXT ({@link #normalizeText}), NFC, stripped at both ends; line
     * breaks inside are kept.
     *
     * @param attribute the attribute, for the error message
     * @param value     the raw text, may be null
     * @param maxBytes  most bytes of the normal form in UTF-8
     * @return the normal form, never blank
     * @throws InvalidValueException if it is missing, blank, has forbidden characters or is longer than {@code maxBytes}
     */
    public static String requiredLongText(String attribute, String value, int maxBytes) {
        String normal = value == null ? "" : normalizeText(attribute, value);
        if (normal.isEmpty()) {
            throw new InvalidValueException(attribute, "is required and must not be blank");
        }
        int bytes = normal.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new InvalidValueException(attribute, "a text of " + bytes + " bytes (UTF-8) is longer than " + maxBytes);
        }
        return normal;
    }

    private static String text(String attribute, String value, int maxCodePoints) {
        if (value == null) {
            return null;
        }
        String normal = normalizeText(attribute, value);
        if (normal.isEmpty()) {
            return null;
        }
        int length = normal.codePointCount(0, normal.length());
        if (length > maxCodePoints) {
            throw new InvalidValueException(attribute, "text of " + length + " characters is longer than " + maxCodePoints);
        }
        return normal;
    }

    private static void checkCharacters(String attribute, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') {
                throw new InvalidValueException(attribute, "control character U+" + String.format("%04X", (int) ch)
                        + " at index " + i + " is not allowed (only tab, CR and LF are)");
            }
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidValueException(attribute, "unpaired surrogate at index " + i);
            }
            if (Character.isLowSurrogate(ch)) {
                throw new InvalidValueException(attribute, "unpaired surrogate at index " + i);
            }
        }
    }

    /**
     * Normalises a TEXT_SET value: each element as TEXT (at most 320 code points), blanks
     * dropped, fold-duplicates dropped keeping the first spelling.
     *
     * @param attribute the attribute, for the error message
     * @param values    the raw elements, may be null
     * @return the normal form, an empty list when unknown
     * @throws InvalidValueException if an element is invalid or more than 100 remain
     */
    public static List<String> textSet(String attribute, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(values.size());
        Set<String> folds = new HashSet<>();
        for (String raw : values) {
            String element = text(attribute, raw, MAX_SET_ELEMENT);
            if (element != null && folds.add(fold(element))) {
                result.add(element);
            }
        }
        if (result.size() > MAX_SET_ELEMENTS) {
            throw new InvalidValueException(attribute, result.size() + " values is more than " + MAX_SET_ELEMENTS);
        }
        return List.copyOf(result);
    }

    /**
     * Normalises a NUMBER: trailing zeros stripped, then at most 18 integer and 6 fraction
     * digits; never in exponent form. The digit counts are read from the value's precision
     * and scale before anything is rescaled, so a value such as {@code 1E+999999999} is
     * refused at once instead of being expanded, and the message names a long value by its
     * number of digits rather than spelling them out.
     *
     * @param attribute the attribute, for the error message
     * @param value     the number, may be null
     * @return the normal form, or null
     * @throws InvalidValueException if it has too many digits
     */
    public static BigDecimal number(String attribute, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // For a non-zero value, precision - scale is the number of integer digits whatever
        // the trailing zeros (long arithmetic: the scale may be any int).
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException(attribute, brief(value, integerDigits, "integer") + " has more than "
                    + MAX_INTEGER_DIGITS + " integer digits");
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            // Fits only if the unscaled value is a multiple of 10^(scale - 6); one that has
            // fewer digits than that cannot be, whatever its size, so no power is computed
            // for it. Otherwise the division works on the digits the value already has.
            long excess = (long) value.scale() - MAX_FRACTION_DIGITS;
            if (value.precision() <= excess) {
                throw tooManyFractionDigits(attribute, value);
            }
            try {
                value = value.setScale(MAX_FRACTION_DIGITS, java.math.RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw tooManyFractionDigits(attribute, value);
            }
        }
        BigDecimal normal = value.stripTrailingZeros();
        return normal.scale() < 0 ? normal.setScale(0) : normal;
    }

    /**
     * Normalises a counter of events (docs/filter-semantics.md §2: {@code total*}, {@code pagesViewed}):
     * a NUMBER that is a whole number, zero or more.
     *
     * @param attribute the attribute, for the error message
     * @param value     the count, may be null
     * @return the normal form, or null
     * @throws InvalidValueException if it is negative, has a fraction or too many digits
     */
    public static BigDecimal counter(String attribute, BigDecimal value) {
        BigDecimal normal = number(attribute, value);
        if (normal != null && (normal.signum() < 0 || normal.scale() > 0)) {
            throw new InvalidValueException(attribute, normal.toPlainString() + " is not a count: counters are whole numbers, 0 or more");
        }
        return normal;
    }

    /**
     * Normalises a duration in seconds ({@code timeSpent}): a NUMBER of zero or more.
     * Fractions are allowed — time is not counted in whole seconds everywhere a host
     * imports it from — though ingestion only ever adds whole seconds.
     *
     * @param attribute the attribute, for the error message
     * @param value     the duration, may be null
     * @return the normal form, or null
     * @throws InvalidValueException if it is negative or has too many digits
     */
    public static BigDecimal duration(String attribute, BigDecimal value) {
        BigDecimal normal = number(attribute, value);
        if (normal != null && normal.signum() < 0) {
            throw new InvalidValueException(attribute, normal.toPlainString() + " is not a duration: durations are 0 seconds or more");
        }
        return normal;
    }

    private static InvalidValueException tooManyFractionDigits(String attribute, BigDecimal value) {
        return new InvalidValueException(attribute, brief(value, value.scale(), "fraction") + " has more than "
                + MAX_FRACTION_DIGITS + " fraction digits");
    }

    /** The value in plain digits when that is short, else how many digits of which kind it has. */
    private static String brief(BigDecimal value, long digits, String kind) {
        if (value.precision() <= 30 && Math.abs((long) value.scale()) <= 30) {
            return value.toPlainString();
        }
        return "a number with " + digits + " " + kind + " digits";
    }

    /**
     * Normalises a DATE: truncated to milliseconds, within [1900-01-01T00:00Z, 10000-01-01T00:00Z).
     *
     * @param attribute the attribute, for the error message
     * @param value     the instant, may be null
     * @return the normal form, or null
     * @throws InvalidValueException if it is out of range
     */
    public static Instant date(String attribute, Instant value) {
        if (value == null) {
            return null;
        }
        Instant normal = value.truncatedTo(ChronoUnit.MILLIS);
        if (normal.isBefore(MIN_DATE) || !normal.isBefore(MAX_DATE_EXCLUSIVE)) {
            throw new InvalidValueException(attribute, value + " is outside 1900-01-01T00:00Z .. 9999-12-31T23:59:59.999Z");
        }
        return normal;
    }

    /**
     * Normalises a country: TEXT, upper case, and an ISO 3166-1 alpha-2 code.
     *
     * @param attribute the attribute, for the error message
     * @param value     the code, may be null
     * @return the upper-case code, or null
     * @throws InvalidValueException if it is not an ISO 3166-1 alpha-2 code
     */
    public static String country(String attribute, String value) {
        String normal = text(attribute, value);
        if (normal == null) {
            return null;
        }
        normal = normal.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(normal)) {
            throw new InvalidValueException(attribute, "'" + value + "' is not an ISO 3166-1 alpha-2 country code (e.g. FR, US)");
        }
        return normal;
    }

    /**
     * Normalises a list of email addresses as a TEXT_SET whose elements must look like an
     * address (one {@code @} with text on both sides, no white space).
     *
     * @param attribute the attribute, for the error message
     * @param values    the raw addresses, may be null
     * @return the normal form, an empty list when unknown
     * @throws InvalidValueException if an element is not an address
     */
    public static List<String> emails(String attribute, Collection<String> values) {
        List<String> normal = textSet(attribute, values);
        for (String email : normal) {
            int at = email.indexOf('@');
            boolean ok = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1;
            for (int i = 0; ok && i < email.length(); i++) {
                ok = !Character.isWhitespace(email.charAt(i)) && !Character.isSpaceChar(email.charAt(i));
            }
            if (!ok) {
                throw new InvalidValueException(attribute, "'" + email + "' is not an email address");
            }
        }
        return normal;
    }

    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK"); // Kosovo: user-assigned code in common use, missing from the JDK list
        return Set.copyOf(codes);
    }

    /**
     * Normalises a value of any type, by its Java class: {@code String} as TEXT,
     * a collection as TEXT_SET, {@code BigDecimal} as NUMBER, {@code Instant} as DATE,
     * {@code Boolean} as it is.
     *
     * @param attribute the attribute, for the error message
     * @param type      the attribute's type
     * @param value     the raw value; integral and floating {@link Number}s are accepted for NUMBER
     * @return the normal form, or null when unknown
     * @throws InvalidValueException if the value does not fit the type
     */
    @SuppressWarnings("unchecked")
    public static Object of(String attribute, AttributeType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TEXT:
                if (value instanceof String) {
                    return text(attribute, (String) value);
                }
                break;
            case TEXT_SET:
                if (value instanceof Collection) {
                    for (Object element : (Collection<?>) value) {
                        if (!(element instanceof String)) {
                            throw new InvalidValueException(attribute, "expected a list of texts, got an element that is " + describe(element));
                        }
                    }
                    List<String> set = textSet(attribute, (Collection<String>) value);
                    return set.isEmpty() ? null : set;
                }
                if (value instanceof String) {
                    List<String> set = textSet(attribute, List.of((String) value));
                    return set.isEmpty() ? null : set;
                }
                break;
            case NUMBER:
                if (value instanceof BigDecimal) {
                    return number(attribute, (BigDecimal) value);
                }
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                    return number(attribute, BigDecimal.valueOf(((Number) value).longValue()));
                }
                if (value instanceof java.math.BigInteger) {
                    return number(attribute, new BigDecimal((java.math.BigInteger) value));
                }
                if (value instanceof Double || value instanceof Float) {
                    double d = ((Number) value).doubleValue();
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new InvalidValueException(attribute, d + " is not a number that can be stored");
                    }
                    return number(attribute, BigDecimal.valueOf(d));
                }
                break;
            case DATE:
                if (value instanceof Instant) {
                    return date(attribute, (Instant) value);
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            default:
                break;
        }
        throw new InvalidValueException(attribute, "expected " + type.inWords() + ", got " + describe(value));
    }

    /** What a value is, in user words, with the value itself when it is short. */
    private static String describe(Object value) {
        String shown = String.valueOf(value);
        return kindOf(value) + (shown.length() <= 40 ? " (" + shown + ")" : "");
    }

    /**
     * What kind of value a Java object is, in the words error messages use instead of
     * class names: "a text", "a list of texts", "a number", "a date", "a date and time",
     * "true or false", "an id".
     *
     * @param value any value, may be null
     * @return its kind in words
     */
    public static String kindOf(Object value) {
        if (value == null) {
            return "no value";
        }
        if (value instanceof String) {
            return "a text";
        }
        if (value instanceof Collection) {
            return ((Collection<?>) value).stream().allMatch(e -> e instanceof String) ? "a list of texts" : "a list";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof java.time.LocalDate) {
            return "a date";
        }
        if (value instanceof Instant) {
            return "a date and time";
        }
        if (value instanceof Boolean) {
            return "true or false";
        }
        if (value instanceof EntityId) {
            return "an id";
        }
        return "a value of another kind";
    }

    /**
     * @param value a normalised value
     * @return the type it has by its Java class, or null when it is not a value of any type
     */
    public static AttributeType typeOf(Object value) {
        if (value instanceof String) {
            return AttributeType.TEXT;
        }
        if (value instanceof List) {
            return AttributeType.TEXT_SET;
        }
        if (value instanceof BigDecimal) {
            return AttributeType.NUMBER;
        }
        if (value instanceof Instant) {
            return AttributeType.DATE;
        }
        if (value instanceof Boolean) {
            return AttributeType.BOOLEAN;
        }
        return null;
    }
}
