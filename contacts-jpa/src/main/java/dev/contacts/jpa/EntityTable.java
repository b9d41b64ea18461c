package dev.contacts.jpa;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the attributes of contacts or organizations live: single-valued built-in ones as
 * columns of the main table (text with a {@code _fold} twin), sets in narrow tables
 * {@code (property_id, owner, position, display, fold)}, organization links in
 * {@code contact_organization}, custom values in {@code *_custom}.
 */
final class EntityTable {
    /** A built-in single-valued attribute stored as a column of the main table. */
    record Column(String attribute, String name, AttributeType type) {
        /** @return the column holding the fold of a text value */
        String fold() {
            return name + "_fold";
        }
    }

    /** Contacts. */
    static final EntityTable CONTACTS = new EntityTable(Target.CONTACT, "contact", "contact_id", "contact_custom",
            Map.of("emails", "contact_email", "phones", "contact_phone", "tags", "contact_tag"), "contact_organization");
    /** Organizations. */
    static final EntityTable ORGANIZATIONS = new EntityTable(Target.ORGANIZATION, "organization", "organization_id",
            "organization_custom", Map.of("domains", "organization_domain", "tags", "organization_tag"), null);

    private final Target target;
    private final String table;
    private final String owner;
    private final String customTable;
    private final Map<String, String> setTables;
    private final String linkTable;
    private final Map<String, Column> columns;

    private EntityTable(Target target, String table, String owner, String customTable, Map<String, String> setTables, String linkTable) {
        this.target = target;
        this.table = table;
        this.owner = owner;
        this.customTable = customTable;
        this.setTables = Map.copyOf(setTables);
        this.linkTable = linkTable;
        Map<String, Column> cols = new LinkedHashMap<>();
        for (AttributeDefinition d : BuiltInAttributes.of(target)) {
            if (d.type() == AttributeType.TEXT || d.type() == AttributeType.NUMBER || d.type() == AttributeType.DATE
                    || d.type() == AttributeType.BOOLEAN) {
                cols.put(d.name(), new Column(d.name(), columnName(target, d.name()), d.type()));
            }
        }
        this.columns = Collections.unmodifiableMap(cols);
    }

    private static String columnName(Target target, String attribute) {
        if (target == Target.ORGANIZATION && attribute.equals("contacts")) {
            return "contact_count";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : attribute.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    Target target() {
        return target;
    }

    /** @return the main table */
    String table() {
        return table;
    }

    /** @return the id column of the child tables ({@code contact_id}, {@code organization_id}) */
    String owner() {
        return owner;
    }

    String customTable() {
        return customTable;
    }

    /** @return the table of a built-in set attribute, or null */
    String setTable(String attribute) {
        return setTables.get(attribute);
    }

    /** @return the built-in set attributes and their tables */
    Map<String, String> setTables() {
        return setTables;
    }

    /** @return the organization link table, or null for organizations */
    String linkTable() {
        return linkTable;
    }

    /** @return the column of a built-in single-valued attribute, or null */
    Column column(String attribute) {
        return columns.get(attribute);
    }

    /** @return every column of built-in single-valued attributes, in catalogue order */
    List<Column> columns() {
        return new ArrayList<>(columns.values());
    }
}
