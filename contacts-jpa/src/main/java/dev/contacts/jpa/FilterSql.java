package dev.contacts.jpa;

import dev.contacts.filter.All;
import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterNormalizer;
import dev.contacts.filter.None;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Values;
import dev.contacts.query.Direction;
import dev.contacts.spi.SeekOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Translates a store-form filter (see {@code dev.contacts.spi}) into a SQL condition on the
 * main table aliased {@code t}, and a {@link SeekOrder} into an ORDER BY.
 *
 * <ul>
 *   <li>Single-valued built-in attributes are columns: text is compared through its
 *       {@code _fold} column with the operand folded in Java ({@link Values#fold});
 *       {@code contains}/{@code starts with}/{@code ends with} are {@code LIKE} with the
 *       escape character {@code !}, so {@code %}, {@code _} and {@code \} are literal (on
 *       MariaDB {@code starts with} is a code-point range instead: see {@link Dialect#prefixLikeUsesIndexRange()}).</li>
 *   <li>Sets, organization links and custom values are correlated {@code EXISTS} over
 *       their narrow table, always including {@code property_id}; {@code is all of} is one
 *       {@code EXISTS} per value. Organization id sets are bound as one parameter
 *       ({@link Dialect#idIn}).</li>
 *   <li>A negative operator, or {@code not} above a comparison, is the exact complement of
 *       its positive twin: {@code (col IS NULL OR NOT (…))} for a column, {@code NOT EXISTS}
 *       for a table. The filter is normalised first, so no other {@code NOT} remains and
 *       the three-valued logic of SQL cannot drop unknown values.</li>
 * </ul>
 */
final class FilterSql {
    /** The seek pseudo-attribute of keyset paging (the core's {@code KeysetPlanner.ID}). */
    static final String ID = "id";
    /** Alias of the main table. */
    static final String T = "t";
    /** Alias of the joined custom value a page is ordered by. */
    static final String SORT = "s";

    private final EntityTable table;
    private final Sql sql;

    private FilterSql(EntityTable table, Sql sql) {
        this.table = table;
        this.sql = sql;
    }

    /**
     * Appends the condition of a filter.
     *
     * @param table  contacts or organizations
     * @param sql    the statement, whose FROM has the main table as {@code t}
     * @param filter a store-form filter
     * @throws IllegalArgumentException if the filter has a condition outside the store form
     */
    static void where(EntityTable table, Sql sql, Filter filter) {
        new FilterSql(table, sql).filter(FilterNormalizer.normalize(filter));
    }

    /**
     * A filter cut in two for a bounded walk (see {@code JpaEntityRepository#find}): the
     * conjuncts on the main table's own columns, which the walk's index scan tests, and the
     * others, tested on each row the walk reads.
     *
     * @param walked the conjuncts on the main table's columns ({@code All} when none)
     * @param probed the conjuncts that read other tables (sets, links, custom values)
     */
    record WalkSplit(Filter walked, Filter probed) {
    }

    /**
     * Cuts a filter for a bounded walk when it has a top-level {@code or} that reads other
     * tables: the case where one {@code WHERE} leaves PostgreSQL the choice between reading
     * whole value tables into hashed subplans and probing per row of a walk it cannot bound,
     * and where the cheapest plan for a common filter is a walk of the sort index that stops
     * after the page.
     *
     * @param table  contacts or organizations
     * @param filter a store-form filter
     * @return the two halves, or empty when the filter has no such {@code or}
     */
    static Optional<WalkSplit> walkSplit(EntityTable table, Filter filter) {
        Filter normalized = FilterNormalizer.normalize(filter);
        List<Filter> conjuncts = normalized instanceof And ? ((And) normalized).filters() : List.of(normalized);
        List<Filter> walked = new ArrayList<>();
        List<Filter> probed = new ArrayList<>();
        boolean orReadsOtherTables = false;
        for (Filter c : conjuncts) {
            if (readsOtherTables(table, c)) {
                probed.add(c);
                orReadsOtherTables |= c instanceof Or;
            } else {
                walked.add(c);
            }
        }
        return orReadsOtherTables ? Optional.of(new WalkSplit(Filter.and(walked), Filter.and(probed))) : Optional.empty();
    }

    /** @return whether testing the filter reads a table other than the main one */
    private static boolean readsOtherTables(EntityTable table, Filter f) {
        if (f instanceof And) {
            return ((And) f).filters().stream().anyMatch(c -> readsOtherTables(table, c));
        }
        if (f instanceof Or) {
            return ((Or) f).filters().stream().anyMatch(c -> readsOtherTables(table, c));
        }
        if (f instanceof Not) {
            return readsOtherTables(table, ((Not) f).filter());
        }
        if (f instanceof Condition) {
            String attribute = ((Condition) f).attribute();
            return !ID.equals(attribute) && table.column(attribute) == null;
        }
        return false;
    }

    /**
     * Appends the join a custom sort attribute needs (nothing for a column).
     *
     * @param table contacts or organizations
     * @param sql   the statement, after its FROM
     * @param order the order
     */
    static void sortJoin(EntityTable table, Sql sql, SeekOrder order) {
        String a = order.attribute();
        if (a != null && a.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            sql.append(" LEFT JOIN ").append(table.customTable()).append(" ").append(SORT).append(" ON ")
                    .append(SORT).append(".property_id = t.property_id AND ").append(SORT).append(".").append(table.owner())
                    .append(" = t.id AND ").append(SORT).append(".position = 0 AND ").append(SORT).append(".attr = ").value(a);
        }
    }

    /**
     * Appends the ORDER BY of a phase: the sort key (text by fold), then the id, both in the
     * phase's direction.
     *
     * @param table contacts or organizations
     * @param sql   the statement
     * @param order the order
     */
    static void orderBy(EntityTable table, Sql sql, SeekOrder order) {
        String dir = order.direction() == Direction.ASC ? " ASC" : " DESC";
        sql.append(" ORDER BY ");
        String a = order.attribute();
        if (sql.dialect().sortsByIndexFromItsFirstColumn() && (a == null || !a.startsWith(AttributeDefinition.CUSTOM_PREFIX))) {
            // the property is fixed by the WHERE, so this changes no order, but it lets H2 read the sort index in order
            sql.append(T).append(".property_id").append(dir).append(", ");
        }
        if (a != null) {
            if (a.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
                // one value column of the joined row is set, the others are null (the phase has only known values)
                for (String c : List.of("text_fold", "number_value", "date_value", "boolean_value")) {
                    sql.append(SORT).append(".").append(c).append(dir).append(", ");
                }
            } else {
                EntityTable.Column column = requireColumn(table, a);
                sql.append(T).append(".").append(column.type() == AttributeType.TEXT ? column.fold() : column.name()).append(dir)
                        .append(", ");
            }
        }
        sql.append(T).append(".id").append(dir);
    }

    private static EntityTable.Column requireColumn(EntityTable table, String attribute) {
        EntityTable.Column column = table.column(attribute);
        if (column == null) {
            throw new IllegalArgumentException("cannot order " + table.table() + " by '" + attribute + "'");
        }
        return column;
    }

    private void filter(Filter f) {
        if (f instanceof All) {
            sql.append("1 = 1");
        } else if (f instanceof None) {
            sql.append("1 = 0");
        } else if (f instanceof And) {
            // the main table's columns first: a database evaluates the terms of an AND nested
            // in an OR in the order written, so a subquery then runs only for the rows whose
            // columns match (per row of a walk: 851 probes instead of 2,180 for the bench's or)
            List<Filter> columnsFirst = new ArrayList<>();
            List<Filter> others = new ArrayList<>();
            for (Filter c : ((And) f).filters()) {
                (readsOtherTables(table, c) ? others : columnsFirst).add(c);
            }
            columnsFirst.addAll(others);
            junction(columnsFirst, " AND ");
        } else if (f instanceof Or) {
            junction(((Or) f).filters(), " OR ");
        } else if (f instanceof Not) {
            Filter inner = ((Not) f).filter();
            if (!(inner instanceof Condition)) {
                throw new IllegalArgumentException("not in store form: 'not' above " + inner);
            }
            Condition c = (Condition) inner;
            if (!c.operator().isPositive()) {
                throw new IllegalArgumentException("not in store form: 'not' above a negative condition " + c);
            }
            condition(c.attribute(), c.operator(), c.operands(), true);
        } else if (f instanceof Condition) {
            Condition c = (Condition) f;
            if (c.operator().isPositive()) {
                condition(c.attribute(), c.operator(), c.operands(), false);
            } else {
                Operator twin = c.operator().complement();
                if (twin == null || !twin.isPositive()) {
                    throw notStoreForm(c.attribute(), c.operator());
                }
                condition(c.attribute(), twin, c.operands(), true);
            }
        } else {
            throw new IllegalArgumentException("unexpected filter " + f);
        }
    }

    private void junction(List<Filter> parts, String operator) {
        sql.append("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            filter(parts.get(i));
        }
        sql.append(")");
    }

    /** A positive condition, or its exact complement when {@code negated}. */
    private void condition(String attribute, Operator op, List<Object> operands, boolean negated) {
        if (ID.equals(attribute)) {
            if (!(operands.size() == 1 && operands.get(0) instanceof EntityId)) {
                throw notStoreForm(attribute, op);
            }
            sql.append(negated ? "NOT (" : "(").append(T).append(".id ").append(comparison(attribute, op)).append(" ")
                    .value(operands.get(0)).append(")");
            return;
        }
        EntityTable.Column column = table.column(attribute);
        if (column != null) {
            column(column, op, operands, negated);
            return;
        }
        if (attribute.equals(BuiltInAttributes.ORGANIZATION) && table.linkTable() != null) {
            organizations(op, operands, negated);
            return;
        }
        String setTable = table.setTable(attribute);
        if (setTable != null) {
            values(setTable, null, "fold", op, operands, negated);
            return;
        }
        if (attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            values(table.customTable(), attribute, null, op, operands, negated);
            return;
        }
        throw new IllegalArgumentException("'" + attribute + "' is not an attribute of " + table.table());
    }

    /** A column of the main table: unknown is NULL, so the complement adds {@code IS NULL}. */
    private void column(EntityTable.Column column, Operator op, List<Object> operands, boolean negated) {
        String value = T + "." + column.name();
        if (op == Operator.HAS_ANY_VALUE) {
            sql.append(value).append(negated ? " IS NULL" : " IS NOT NULL");
            return;
        }
        String compared = T + "." + (column.type() == AttributeType.TEXT ? column.fold() : column.name());
        if (negated) {
            sql.append("(").append(compared).append(" IS NULL OR NOT (");
            predicate(compared, column.attribute(), op, operands);
            sql.append("))");
        } else {
            sql.append("(");
            predicate(compared, column.attribute(), op, operands);
            sql.append(")");
        }
    }

    /**
     * A set or custom attribute: {@code EXISTS} a row of its table matching (some element);
     * {@code is all of}: one {@code EXISTS} per value.
     *
     * @param valueTable the narrow table
     * @param attr       the custom attribute name (its {@code attr} column), or null for a set table
     * @param textColumn the fold column of a set table, or null to choose the custom value column by operand
     */
    private void values(String valueTable, String attr, String textColumn, Operator op, List<Object> operands, boolean negated) {
        if (op == Operator.IS_ALL_OF) {
            sql.append("(");
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    sql.append(negated ? " OR " : " AND ");
                }
                exists(valueTable, attr, textColumn, Operator.IS, List.of(operands.get(i)), negated);
            }
            sql.append(")");
            return;
        }
        exists(valueTable, attr, textColumn, op, operands, negated);
    }

    private void exists(String valueTable, String attr, String textColumn, Operator op, List<Object> operands, boolean negated) {
        sql.append(negated ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ").append(valueTable)
                .append(" x WHERE x.property_id = t.property_id AND x.").append(table.owner()).append(" = t.id");
        if (attr != null) {
            sql.append(" AND x.attr = ").value(attr);
        }
        if (op != Operator.HAS_ANY_VALUE) {
            String column = textColumn != null ? textColumn : customColumn(operands.get(0), attr, op);
            sql.append(" AND ");
            predicate("x." + column, attr, op, operands);
        }
        sql.append(")");
    }

    private static String customColumn(Object operand, String attribute, Operator op) {
        if (operand instanceof String) {
            return "text_fold";
        }
        if (operand instanceof BigDecimal) {
            return "number_value";
        }
        if (operand instanceof Instant) {
            return "date_value";
        }
        if (operand instanceof Boolean) {
            return "boolean_value";
        }
        throw notStoreForm(attribute, op);
    }

    private void organizations(Operator op, List<Object> operands, boolean negated) {
        sql.append(negated ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ").append(table.linkTable())
                .append(" x WHERE x.property_id = t.property_id AND x.").append(table.owner()).append(" = t.id");
        if (op == Operator.IS || op == Operator.IS_ANY_OF) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (Object o : operands) {
                ids.add(o instanceof OrganizationId ? ((OrganizationId) o).value() : OrganizationId.parse((String) o).value());
            }
            sql.append(" AND ");
            sql.idIn("x.organization_id", ids);
        } else if (op != Operator.HAS_ANY_VALUE) {
            throw notStoreForm(BuiltInAttributes.ORGANIZATION, op);
        }
        sql.append(")");
    }

    /** The positive test of a known value held in {@code column} (a fold for text). */
    private void predicate(String column, String attribute, Operator op, List<Object> operands) {
        switch (op) {
            case IS:
            case EQ:
                sql.append(column).append(" = ").value(operand(operands.get(0)));
                return;
            case IS_ANY_OF: {
                sql.append(column).append(" IN (");
                List<Object> folds = new ArrayList<>();
                for (Object o : operands) {
                    folds.add(operand(o));
                }
                for (int i = 0; i < folds.size(); i++) {
                    if (i > 0) {
                        sql.append(", ");
                    }
                    sql.value(folds.get(i));
                }
                sql.append(")");
                return;
            }
            case CONTAINS:
                like(column, "%" + escapeLike(text(attribute, op, operands)) + "%");
                return;
            case STARTS_WITH:
                startsWith(column, text(attribute, op, operands));
                return;
            case ENDS_WITH:
                like(column, "%" + escapeLike(text(attribute, op, operands)));
                return;
            case LT:
            case LE:
            case GT:
            case GE:
                sql.append(column).append(" ").append(comparison(attribute, op)).append(" ").value(operand(operands.get(0)));
                return;
            default:
                throw notStoreForm(attribute, op);
        }
    }

    /**
     * {@code LIKE 'p%'}, or where the database's LIKE cannot be trusted with an index range
     * ({@link Dialect#prefixLikeUsesIndexRange()}) the code-point range of the strings starting
     * with p: {@code col >= p AND col < successor(p)} (exact under code-point order, which is
     * the order of that database's folds).
     */
    private void startsWith(String column, String prefix) {
        if (sql.dialect().prefixLikeUsesIndexRange()) {
            like(column, escapeLike(prefix) + "%");
            return;
        }
        String end = prefixSuccessor(prefix);
        sql.append("(").append(column).append(" >= ").value(prefix);
        if (end != null) {
            sql.append(" AND ").append(column).append(" < ").value(end);
        }
        sql.append(")");
    }

    /**
     * @param prefix a non-empty text
     * @return the least text above every text that starts with the prefix in code-point
     *         order: the prefix with its last code point below U+10FFFF incremented (skipping
     *         the surrogates) and what follows it dropped; null when there is none
     */
    static String prefixSuccessor(String prefix) {
        int[] cps = prefix.codePoints().toArray();
        for (int i = cps.length - 1; i >= 0; i--) {
            if (cps[i] < Character.MAX_CODE_POINT) {
                int next = cps[i] + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : cps[i] + 1;
                return new StringBuilder().append(new String(cps, 0, i)).appendCodePoint(next).toString();
            }
        }
        return null;
    }

    private void like(String column, String pattern) {
        sql.append(column).append(" LIKE ").value(pattern).append(" ESCAPE '!'");
    }

    /** Text operands are compared by fold; everything else as it is. */
    private static Object operand(Object o) {
        return o instanceof String ? Values.fold((String) o) : o;
    }

    private static String text(String attribute, Operator op, List<Object> operands) {
        if (operands.size() != 1 || !(operands.get(0) instanceof String)) {
            throw notStoreForm(attribute, op);
        }
        return Values.fold((String) operands.get(0));
    }

    /** Makes {@code %}, {@code _} and the escape character itself literal in a LIKE pattern. */
    static String escapeLike(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '!' || ch == '%' || ch == '_') {
                sb.append("!");
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private static String comparison(String attribute, Operator op) {
        switch (op) {
            case LT: return "<";
            case LE: return "<=";
            case GT: return ">";
            case GE: return ">=";
            default: throw notStoreForm(attribute, op);
        }
    }

    private static IllegalArgumentException notStoreForm(String attribute, Operator op) {
        return new IllegalArgumentException("condition is not in the store form (see dev.contacts.spi): " + attribute + " "
                + op.spelling());
    }
}
