package dev.contacts.cli.io;

import dev.contacts.ContactsException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Infers the type of each custom key a file uses that the property does not define, from
 * every value of the whole file (read once before the import, so neither a first row lacking
 * the key nor the order of the rows matters): all numbers make NUMBER, all booleans BOOLEAN,
 * all dates (ISO instants, date-times or days) DATE, arrays (with or without single strings)
 * TEXT_SET, other texts TEXT. In CSV every cell is text, so a column is NUMBER, BOOLEAN or DATE
 * only when every cell reads as one, TEXT_SET when a cell holds several {@code ;}-separated
 * values, else TEXT. A key whose JSON values disagree (a number here, text there), or that only
 * has nulls, is not defined: the plan says why, and its rows are rejected with that reason.
 */
public final class AttributeInference {
    /** Most new keys one file may bring; more are refused (a hostile file cannot grow the catalogue without bound). */
    public static final int MAX_NEW_KEYS = 200;

    private final AttributeCatalog catalog;
    private final ZoneId zone;
    private boolean csv;
    /** Per new key: each kind seen and the first line it was seen on. */
    private final Map<String, Map<AttributeType, Long>> keys = new TreeMap<>();
    private final Map<String, String> tooMany = new TreeMap<>();

    /**
     * @param catalog the contact attributes the property defines
     * @param zone    zone of dates without a time (they only need to read as dates here)
     */
    public AttributeInference(AttributeCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    /** @param row a row of the file; unreadable rows are skipped (the import reports them) */
    public void add(SourceRow row) {
        if (row.values() == null) {
            return;
        }
        csv |= row.csv();
        for (Map.Entry<String, Object> e : row.values().entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(AttributeDefinition.CUSTOM_PREFIX) || catalog.find(key) != null) {
                continue;
            }
            Map<AttributeType, Long> seen = keys.get(key);
            if (seen == null) {
                if (keys.size() >= MAX_NEW_KEYS) {
                    tooMany.put(key, "the file brings more than " + MAX_NEW_KEYS + " new custom keys; define the ones you want first");
                    continue;
                }
                seen = new EnumMap<>(AttributeType.class);
                keys.put(key, seen);
            }
            if (e.getValue() != null) {
                seen.putIfAbsent(kind(e.getValue(), row.csv()), row.line());
            }
        }
    }

    /** @return the attributes to define and the keys left undefined, with why */
    public AttributePlan plan() {
        List<AttributeDefinition> definitions = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>(tooMany);
        keys.forEach((name, seen) -> {
            String key = name.substring(AttributeDefinition.CUSTOM_PREFIX.length());
            AttributeType type = type(seen.keySet());
            if (type == null) {
                refused.put(name, (seen.isEmpty() ? "has only empty values in the file, so its type is unknown"
                        : "its values disagree on a type (" + described(seen) + ")") + "; define it first: " + defineCommand(key));
                return;
            }
            try {
                definitions.add(AttributeDefinition.custom(Target.CONTACT, key, label(key), type));
            } catch (ContactsException e) {
                refused.put(name, e.getMessage());
            }
        });
        return new AttributePlan(definitions, refused);
    }

    /**
     * @param key a custom key (without {@code custom.})
     * @return the command defining it, with a label made from the key
     */
    static String defineCommand(String key) {
        return "contacts attributes define " + key + " --type TEXT|TEXT_SET|NUMBER|DATE|BOOLEAN --label " + "\"" + label(key) + "\"";
    }

    /**
     * @param key a custom key (without {@code custom.})
     * @return a label for it: its words, capitalised ({@code renewal_date} → {@code Renewal date})
     */
    static String label(String key) {
        String words = key.replace('_', ' ').strip();
        return words.isEmpty() ? key : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String described(Map<AttributeType, Long> seen) {
        List<String> parts = new ArrayList<>();
        seen.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> parts.add(words(e.getKey()) + " on line " + e.getValue()));
        return String.join(", ", parts);
    }

    /** How a message names values that look like this type. */
    private static String words(AttributeType looks) {
        switch (looks) {
            case NUMBER: return "a number";
            case BOOLEAN: return "true or false";
            case DATE: return "a date";
            case TEXT_SET: return "an array";
            default: return "text";
        }
    }

    /** The type all the kinds of values seen agree on, or null when they do not. */
    private AttributeType type(Set<AttributeType> kinds) {
        if (kinds.isEmpty()) {
            return null;
        }
        if (kinds.size() == 1) {
            return kinds.iterator().next();
        }
        if (csv) { // every cell is text: a mix is text, or a set when a cell held several values
            return kinds.contains(AttributeType.TEXT_SET) ? AttributeType.TEXT_SET : AttributeType.TEXT;
        }
        // JSON: strings of any form are text, and a single string is a set of one
        Set<AttributeType> rest = EnumSet.copyOf(kinds);
        rest.removeAll(EnumSet.of(AttributeType.TEXT, AttributeType.DATE));
        if (rest.isEmpty()) {
            return AttributeType.TEXT;
        }
        return rest.equals(EnumSet.of(AttributeType.TEXT_SET)) ? AttributeType.TEXT_SET : null;
    }

    /** The type a value looks like: by its class, and for a string (every CSV cell) by its text. */
    private AttributeType kind(Object value, boolean csvCell) {
        if (!(value instanceof String)) {
            AttributeType type = Values.typeOf(value); // a JSON number, boolean or array
            return type == null ? AttributeType.TEXT : type;
        }
        String text = ((String) value).strip();
        if (csvCell) {
            try {
                if (Cells.split(text).size() > 1) {
                    return AttributeType.TEXT_SET;
                }
            } catch (IllegalArgumentException notASet) {
                return AttributeType.TEXT;
            }
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return AttributeType.BOOLEAN;
            }
            if (text.length() <= ValueCodec.MAX_NUMBER_LENGTH && isNumber(text)) {
                return AttributeType.NUMBER;
            }
        }
        try {
            ValueCodec.instant("", text, zone);
            return AttributeType.DATE;
        } catch (RowRejectedException notADate) {
            return AttributeType.TEXT;
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
