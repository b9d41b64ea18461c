package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An attribute of contacts or organizations: built in (docs/filter-semantics.md §2) or custom
 * ({@code custom.<key>}, defined per property and target).
 *
 * @param name    the name used in filters, sorts and columns, e.g. {@code lastSeen} or {@code custom.plan}
 * @param label   display label
 * @param type    value type
 * @param target  contacts or organizations
 * @param builtIn whether the SDK defines it
 */
public record AttributeDefinition(String name, String label, AttributeType type, Target target, boolean builtIn) {
    /** Prefix of every custom attribute name. */
    public static final String CUSTOM_PREFIX = "custom.";
    private static final Pattern CUSTOM_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /**
     * Validates the definition.
     *
     * @param name    the name used in filters, sorts and columns, e.g. {@code lastSeen} or {@code custom.plan}
     * @param label   display label
     * @param type    value type
     * @param target  contacts or organizations
     * @param builtIn whether the SDK defines it
     */
    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        label = Values.text("label", label);
        if (label == null) {
            throw new InvalidValueException("label", "an attribute needs a label");
        }
        if (!builtIn) {
            if (!name.startsWith(CUSTOM_PREFIX) || !isCustomKey(name.substring(CUSTOM_PREFIX.length()))) {
                throw new InvalidValueException("key", "'" + name + "' is not a custom attribute name (custom.<key>, key matching [a-z][a-z0-9_]{0,39})");
            }
            if (!type.customizable()) {
                throw new InvalidValueException("type", "custom attributes cannot have type " + type);
            }
        }
    }

    /**
     * Defines a custom attribute.
     *
     * @param target contacts or organizations
     * @param key    key matching {@code [a-z][a-z0-9_]{0,39}}; the attribute is named {@code custom.<key>}
     * @param label  display label
     * @param type   one of TEXT, TEXT_SET, NUMBER, DATE, BOOLEAN
     * @return the definition
     * @throws InvalidValueException if the key, label or type is not acceptable
     */
    public static AttributeDefinition custom(Target target, String key, String label, AttributeType type) {
        if (!isCustomKey(key)) {
            throw new InvalidValueException("key", "'" + key + "' is not a custom attribute key (use [a-z][a-z0-9_]{0,39}, e.g. plan or renewal_date)");
        }
        return new AttributeDefinition(CUSTOM_PREFIX + key, label, type, target, false);
    }

    /**
     * @param key a candidate custom attribute key (without {@code custom.}), may be null
     * @return whether it is a valid key: {@code [a-z][a-z0-9_]{0,39}}, e.g. {@code plan} or {@code renewal_date}
     */
    public static boolean isCustomKey(String key) {
        return key != null && CUSTOM_KEY.matcher(key).matches();
    }

    /**
     * The message that tells a user how to read a custom value, when {@code name} is a bare
     * custom key rather than an attribute name; empty when it cannot be one.
     *
     * @param name an attribute name that is not known
     * @return a hint such as {@code custom values are read with their prefix: value("custom.plan")}, or an empty string
     */
    static String bareKeyHint(String name) {
        return isCustomKey(name) ? "; custom values are read with their prefix: value(\"" + CUSTOM_PREFIX + name + "\")" : "";
    }

    /** @return the key of a custom attribute (the name without {@code custom.}), or the name of a built-in one */
    public String key() {
        return builtIn ? name : name.substring(CUSTOM_PREFIX.length());
    }

    /**
     * @param label the new label
     * @return this definition with another label
     */
    public AttributeDefinition withLabel(String label) {
        return new AttributeDefinition(name, label, type, target, builtIn);
    }
}
