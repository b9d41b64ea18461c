package dev.contacts.cli.io;

import dev.contacts.model.AttributeDefinition;
import java.util.List;
import java.util.Map;

/**
 * The custom attributes an import defines before writing ({@code --create-attributes}): those
 * whose type the file's values agree on, and the keys it leaves undefined with the reason,
 * which becomes the rejection reason of their rows.
 *
 * @param definitions the attributes to define, by name
 * @param refused     keys not defined, with the reason
 */
public record AttributePlan(List<AttributeDefinition> definitions, Map<String, String> refused) {
    /** No attribute to define: an import without {@code --create-attributes}. */
    public static final AttributePlan NONE = new AttributePlan(List.of(), Map.of());

    /**
     * Copies both.
     *
     * @param definitions the attributes to define, by name
     * @param refused     keys not defined, with the reason
     */
    public AttributePlan {
        definitions = List.copyOf(definitions);
        refused = Map.copyOf(refused);
    }

    /**
     * @param name an attribute name ({@code custom.<key>})
     * @return its planned definition, or null
     */
    public AttributeDefinition definition(String name) {
        for (AttributeDefinition d : definitions) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
