package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Normalisation of the custom-value maps of contacts and organizations. */
final class Customs {
    private Customs() {
    }

    static Map<String, Object> normalize(Map<String, Object> custom) {
        if (custom == null || custom.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : custom.entrySet()) {
            if (!AttributeDefinition.isCustomKey(e.getKey())) {
                throw new InvalidValueException("custom", "'" + e.getKey() + "' is not a custom attribute key ([a-z][a-z0-9_]{0,39})");
            }
            String attribute = AttributeDefinition.CUSTOM_PREFIX + e.getKey();
            Object raw = e.getValue();
            AttributeType type = raw instanceof java.util.Collection ? AttributeType.TEXT_SET
                    : raw instanceof Number ? AttributeType.NUMBER : Values.typeOf(raw);
            if (raw != null && type == null) {
                throw new InvalidValueException(attribute, "unsupported value " + raw.getClass().getSimpleName());
            }
            Object normal = raw == null ? null : Values.of(attribute, type, raw);
            if (normal != null) {
                result.put(e.getKey(), normal);
            }
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    /**
     * Sets or clears a custom value in a builder's map.
     *
     * @return false when the attribute is not a custom one (the caller handles it)
     */
    static boolean set(Map<String, Object> custom, String attribute, Object value) {
        if (!attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            return false;
        }
        String key = attribute.substring(AttributeDefinition.CUSTOM_PREFIX.length());
        if (value == null) {
            custom.remove(key);
        } else {
            custom.put(key, value);
        }
        return true;
    }

    static Object get(Map<String, Object> custom, String attribute) {
        return custom.get(attribute.substring(AttributeDefinition.CUSTOM_PREFIX.length()));
    }
}
