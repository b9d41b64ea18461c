package dev.contacts.model;

import dev.contacts.UnknownAttributeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attributes of one target in one property: the built-in ones and the custom ones
 * defined there. Filters, sorts, columns and writes are checked against it.
 */
public final class AttributeCatalog {
    private final Target target;
    private final Map<String, AttributeDefinition> custom;

    private AttributeCatalog(Target target, Map<String, AttributeDefinition> custom) {
        this.target = target;
        this.custom = custom;
    }

    /**
     * @param target      contacts or organizations
     * @param definitions the custom definitions of the property for that target
     * @return the catalogue
     */
    public static AttributeCatalog of(Target target, List<AttributeDefinition> definitions) {
        Objects.requireNonNull(target, "target");
        Map<String, AttributeDefinition> map = new LinkedHashMap<>();
        for (AttributeDefinition d : definitions) {
            if (d.target() == target && !d.builtIn()) {
                map.put(d.name(), d);
            }
        }
        return new AttributeCatalog(target, Map.copyOf(map));
    }

    /** @return contacts or organizations */
    public Target target() {
        return target;
    }

    /**
     * @param name attribute name
     * @return its definition, or null
     */
    public AttributeDefinition find(String name) {
        AttributeDefinition d = BuiltInAttributes.find(target, name);
        return d != null ? d : custom.get(name);
    }

    /**
     * @param name attribute name
     * @return its definition
     * @throws UnknownAttributeException if it is neither built in nor defined in the property
     */
    public AttributeDefinition require(String name) {
        AttributeDefinition d = find(name);
        if (d == null) {
            String kind = target.name().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith(AttributeDefinition.CUSTOM_PREFIX)
                    && !AttributeDefinition.isCustomKey(name.substring(AttributeDefinition.CUSTOM_PREFIX.length()))) {
                // Said without suggesting a definition: the key could never be defined, and a
                // suggestion quoting it would paste untrusted text into a command.
                throw new UnknownAttributeException(name, "'" + name + "' is not a valid custom attribute name: custom attributes"
                        + " are named custom.<key> with a key matching [a-z][a-z0-9_]{0,39}, e.g. custom.plan");
            }
            String hint = name.startsWith(AttributeDefinition.CUSTOM_PREFIX)
                    ? "define it first as a custom " + kind + " attribute"
                    : custom.containsKey(AttributeDefinition.CUSTOM_PREFIX + name)
                            ? "the custom attribute is named with its prefix: " + AttributeDefinition.CUSTOM_PREFIX + name
                            : "custom attributes are named custom.<key>";
            throw new UnknownAttributeException(name, "'" + name + "' is not a " + kind + " attribute of this property (" + hint + ")");
        }
        return d;
    }

    /** @return built-in then custom definitions, in order */
    public List<AttributeDefinition> all() {
        List<AttributeDefinition> all = new ArrayList<>(BuiltInAttributes.of(target));
        all.addAll(custom.values());
        return all;
    }

    /** @return the custom definitions */
    public List<AttributeDefinition> custom() {
        return List.copyOf(custom.values());
    }
}
