package dev.contacts.query;

import dev.contacts.InvalidValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape rules of a column list, shared by {@link ListView} and {@link Segment}: 1 to
 * {@link ListView#MAX_COLUMNS} attribute names, none blank, none twice. Whether each name
 * is an attribute of the property is checked by the services, which know its catalogue.
 */
final class ViewColumns {
    private ViewColumns() {
    }

    static List<String> check(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new InvalidValueException("columns", "give at least one column (an attribute name such as primaryEmail)");
        }
        if (columns.size() > ListView.MAX_COLUMNS) {
            throw new InvalidValueException("columns", columns.size() + " columns are more than the " + ListView.MAX_COLUMNS
                    + " a view may show");
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw new InvalidValueException("columns", "a column is blank; name an attribute such as primaryEmail or custom.plan");
            }
            if (!seen.add(column)) {
                throw new InvalidValueException("columns", "column " + column + " is given twice");
            }
        }
        return List.copyOf(columns);
    }
}
