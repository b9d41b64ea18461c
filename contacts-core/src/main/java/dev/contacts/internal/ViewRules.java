package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.query.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * What columns and sorts of lists, list views and segments may name, checked against a
 * property's attributes: a column is any attribute of the target (built in, including
 * {@code organization}, or a defined {@code custom.<key>}); a sort is a TEXT, NUMBER,
 * DATE or BOOLEAN attribute. {@code organization.name} is only for filters.
 *
 * <p>Writes are checked strictly ({@link #requireColumns}, {@link #requireSortable}). Reads
 * are tolerant ({@link #knownColumns}, {@link #knownSort}): a stored view or segment whose
 * column's attribute was deleted since is shown without that column, and one whose sort
 * attribute was deleted is sorted by the target's default — neither changes which items
 * are listed.
 */
public final class ViewRules {
    private ViewRules() {
    }

    /**
     * @param catalog the attributes of the property and target
     * @param sort    a sort
     * @return the sort attribute's definition
     * @throws dev.contacts.UnknownAttributeException if the attribute is not known
     * @throws InvalidValueException                  if it cannot be sorted by
     */
    public static AttributeDefinition requireSortable(AttributeCatalog catalog, Sort sort) {
        AttributeDefinition d = catalog.require(sort.attribute());
        if (!sortable(d)) {
            throw new InvalidValueException("sort", sort.attribute() + " is " + d.type()
                    + " and cannot be sorted (sort by a TEXT, NUMBER, DATE or BOOLEAN attribute)");
        }
        return d;
    }

    /**
     * @param catalog the attributes of the property and target
     * @param columns column names (their shape is already checked)
     * @return them
     * @throws dev.contacts.UnknownAttributeException if one is not an attribute of the target
     * @throws InvalidValueException                  if one is {@code organization.name}
     */
    public static List<String> requireColumns(AttributeCatalog catalog, List<String> columns) {
        for (String column : columns) {
            catalog.require(column);
            if (column.equals(BuiltInAttributes.ORGANIZATION_NAME)) {
                throw new InvalidValueException("columns", column + " is only for filters; show the organization column instead");
            }
        }
        return columns;
    }

    /**
     * @param catalog the attributes of the property and target
     * @param columns stored column names
     * @return those that are still attributes of the target, in order
     */
    public static List<String> knownColumns(AttributeCatalog catalog, List<String> columns) {
        List<String> known = new ArrayList<>(columns.size());
        for (String column : columns) {
            if (catalog.find(column) != null && !column.equals(BuiltInAttributes.ORGANIZATION_NAME)) {
                known.add(column);
            }
        }
        return known;
    }

    /**
     * @param catalog the attributes of the property and target
     * @param sort    a stored sort
     * @return it while its attribute exists and is sortable, else the target's default sort
     */
    public static Sort knownSort(AttributeCatalog catalog, Sort sort) {
        AttributeDefinition d = catalog.find(sort.attribute());
        return d != null && sortable(d) ? sort : Sort.defaultFor(catalog.target());
    }

    private static boolean sortable(AttributeDefinition d) {
        return d.type().sortable() && !d.name().equals(BuiltInAttributes.ORGANIZATION_NAME);
    }
}
