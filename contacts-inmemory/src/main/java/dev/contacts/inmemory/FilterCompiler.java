package dev.contacts.inmemory;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterVisitor;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compiles a store-form filter (see {@code dev.contacts.spi}) into a predicate over rows,
 * once per query: operand folds, sets for long lists and attribute slots are resolved
 * here, so testing a row only reads precomputed folds and values.
 *
 * <p>Semantics (docs/filter-semantics.md §3): a positive condition never matches an unknown value;
 * a negative operator and {@code Not} are the exact complement of the positive twin, so
 * they match unknown values. Text compares the stored fold with the operand's fold; sets
 * match when some element does ({@code is all of}: every operand is an element). Order
 * comparisons use {@link ValueOrder}: text folds by code point, numbers, instants,
 * {@code false < true}, and ids (the pseudo-attribute {@code id}) unsigned.
 */
final class FilterCompiler {
    /** The seek pseudo-attribute of keyset paging (core's {@code KeysetPlanner.ID}). */
    static final String ID = "id";

    private static final Predicate<Row<?>> ALWAYS = r -> true;
    private static final Predicate<Row<?>> NEVER = r -> false;

    private final Schema schema;

    private FilterCompiler(Schema schema) {
        this.schema = schema;
    }

    /**
     * @param filter a store-form filter
     * @param schema the target's schema
     * @return the predicate
     * @throws IllegalArgumentException if the filter has a condition outside the store form
     */
    static Predicate<Row<?>> compile(Filter filter, Schema schema) {
        return filter.accept(new FilterCompiler(schema).visitor());
    }

    private FilterVisitor<Predicate<Row<?>>> visitor() {
        return new FilterVisitor<>() {
            @Override
            public Predicate<Row<?>> visitAll() {
                return ALWAYS;
            }

            @Override
            public Predicate<Row<?>> visitNone() {
                return NEVER;
            }

            @Override
            public Predicate<Row<?>> visitCondition(Condition condition) {
                return condition(condition);
            }

            @Override
            public Predicate<Row<?>> visitAnd(And and) {
                List<Predicate<Row<?>>> parts = new ArrayList<>();
                for (Filter f : and.filters()) {
                    parts.add(f.accept(this));
                }
                return r -> {
                    for (Predicate<Row<?>> p : parts) {
                        if (!p.test(r)) {
                            return false;
                        }
                    }
                    return true;
                };
            }

            @Override
            public Predicate<Row<?>> visitOr(Or or) {
                List<Predicate<Row<?>>> parts = new ArrayList<>();
                for (Filter f : or.filters()) {
                    parts.add(f.accept(this));
                }
                return r -> {
                    for (Predicate<Row<?>> p : parts) {
                        if (p.test(r)) {
                            return true;
                        }
                    }
                    return false;
                };
            }

            @Override
            public Predicate<Row<?>> visitNot(Not not) {
                return not.filter().accept(this).negate();
            }
        };
    }

    private Predicate<Row<?>> condition(Condition c) {
        Operator op = c.operator();
        if (op.isPositive()) {
            return positive(c.attribute(), op, c.operands(), c);
        }
        Operator twin = op.complement();
        if (twin == null || !twin.isPositive()) {
            throw notStoreForm(c);
        }
        return positive(c.attribute(), twin, c.operands(), c).negate();
    }

    private Predicate<Row<?>> positive(String attribute, Operator op, List<Object> operands, Condition c) {
        if (ID.equals(attribute)) {
            return idComparison(op, operands, c);
        }
        switch (op) {
            case HAS_ANY_VALUE: {
                int slot = schema.textSlot(attribute);
                if (slot >= 0) {
                    return r -> r.folds[slot] != null;
                }
                return r -> r.entity.value(attribute) != null;
            }
            case IS: {
                Object operand = operand(attribute, operands.get(0));
                if (operand instanceof String) {
                    String fold = Schema.fold((String) operand);
                    return text(attribute, fold::equals);
                }
                return r -> matchesValue(r.entity.value(attribute), operand);
            }
            case IS_ANY_OF: {
                if (allText(operands) && !BuiltInAttributes.ORGANIZATION.equals(attribute)) {
                    Set<String> folds = new HashSet<>();
                    for (Object o : operands) {
                        folds.add(Schema.fold((String) o));
                    }
                    return folds.size() == 1 ? text(attribute, folds.iterator().next()::equals) : text(attribute, folds::contains);
                }
                Set<Object> values = new HashSet<>();
                for (Object o : operands) {
                    values.add(operand(attribute, o));
                }
                return r -> matchesAny(r.entity.value(attribute), values);
            }
            case IS_ALL_OF: {
                if (!allText(operands)) {
                    throw notStoreForm(c);
                }
                List<String> folds = new ArrayList<>();
                for (Object o : operands) {
                    folds.add(Schema.fold((String) o));
                }
                Function<Row<?>, Object> accessor = foldAccessor(attribute);
                return r -> containsAll(accessor.apply(r), folds);
            }
            case CONTAINS: {
                String fold = textOperand(operands, c);
                return text(attribute, s -> s.contains(fold));
            }
            case STARTS_WITH: {
                String fold = textOperand(operands, c);
                return text(attribute, s -> s.startsWith(fold));
            }
            case ENDS_WITH: {
                String fold = textOperand(operands, c);
                return text(attribute, s -> s.endsWith(fold));
            }
            case EQ: {
                Object operand = operands.get(0);
                if (!(operand instanceof BigDecimal)) {
                    throw notStoreForm(c);
                }
                BigDecimal n = (BigDecimal) operand;
                return r -> {
                    Object v = r.entity.value(attribute);
                    return v instanceof BigDecimal && ((BigDecimal) v).compareTo(n) == 0;
                };
            }
            case LT:
            case LE:
            case GT:
            case GE:
                return comparison(attribute, op, operands.get(0));
            default:
                throw notStoreForm(c);
        }
    }

    private Predicate<Row<?>> idComparison(Operator op, List<Object> operands, Condition c) {
        if (operands.size() != 1 || !(operands.get(0) instanceof EntityId)) {
            throw notStoreForm(c);
        }
        EntityId bound = (EntityId) operands.get(0);
        switch (op) {
            case LT: return r -> ValueOrder.compareIds(r.id, bound) < 0;
            case LE: return r -> ValueOrder.compareIds(r.id, bound) <= 0;
            case GT: return r -> ValueOrder.compareIds(r.id, bound) > 0;
            case GE: return r -> ValueOrder.compareIds(r.id, bound) >= 0;
            default: throw notStoreForm(c);
        }
    }

    /**
     * An order comparison with a TEXT (fold, code point order), NUMBER, DATE, BOOLEAN or id
     * operand. Unknown values and values of another kind never match.
     */
    Predicate<Row<?>> comparison(String attribute, Operator op, Object operand) {
        if (operand instanceof String) {
            String fold = Schema.fold((String) operand);
            Function<Row<?>, Object> accessor = foldAccessor(attribute);
            return r -> {
                Object f = accessor.apply(r);
                if (f instanceof String) {
                    return holds(op, ValueOrder.compareCodePoints((String) f, fold));
                }
                if (f instanceof String[]) {
                    for (String s : (String[]) f) {
                        if (holds(op, ValueOrder.compareCodePoints(s, fold))) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
        int sortSlot = schema.sortSlot(attribute);
        if (sortSlot >= 0) {
            return r -> {
                Object v = r.sortKeys[sortSlot];
                return v != null && ValueOrder.comparable(v, operand) && holds(op, ValueOrder.compare(v, operand));
            };
        }
        return r -> {
            Object v = r.entity.value(attribute);
            return v != null && ValueOrder.comparable(v, operand) && holds(op, ValueOrder.compare(v, operand));
        };
    }

    private static boolean holds(Operator op, int c) {
        switch (op) {
            case LT: return c < 0;
            case LE: return c <= 0;
            case GT: return c > 0;
            case GE: return c >= 0;
            default: throw new IllegalStateException(op.name());
        }
    }

    /** A text test on the fold of a TEXT value, or on some element's fold of a TEXT_SET value. */
    private Predicate<Row<?>> text(String attribute, Predicate<String> test) {
        Function<Row<?>, Object> accessor = foldAccessor(attribute);
        return r -> {
            Object f = accessor.apply(r);
            if (f instanceof String) {
                return test.test((String) f);
            }
            if (f instanceof String[]) {
                for (String s : (String[]) f) {
                    if (test.test(s)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /**
     * @param attribute an attribute
     * @return the stored fold(s) of its value: a slot of the row for built-in text, the
     *         custom folds for {@code custom.*}, folded on the fly for anything else
     */
    Function<Row<?>, Object> foldAccessor(String attribute) {
        int slot = schema.textSlot(attribute);
        if (slot >= 0) {
            return r -> r.folds[slot];
        }
        if (attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            return r -> r.customFolds.get(attribute);
        }
        return r -> Schema.foldValue(r.entity.value(attribute));
    }

    private static boolean containsAll(Object folds, List<String> wanted) {
        if (folds == null) {
            return false;
        }
        String[] elements = folds instanceof String ? new String[] {(String) folds} : (String[]) folds;
        for (String w : wanted) {
            boolean found = false;
            for (String e : elements) {
                if (e.equals(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Equality for non-text operands: a Boolean, or an organization id among the linked ones. */
    private static boolean matchesValue(Object value, Object operand) {
        if (value == null) {
            return false;
        }
        if (value instanceof Collection) {
            return ((Collection<?>) value).contains(operand);
        }
        return value.equals(operand);
    }

    private static boolean matchesAny(Object value, Set<Object> operands) {
        if (value == null) {
            return false;
        }
        if (value instanceof Collection) {
            for (Object element : (Collection<?>) value) {
                if (operands.contains(element)) {
                    return true;
                }
            }
            return false;
        }
        return operands.contains(value);
    }

    /** Organization ids may arrive as text; everything else is used as it is. */
    private static Object operand(String attribute, Object operand) {
        if (operand instanceof String && BuiltInAttributes.ORGANIZATION.equals(attribute)) {
            return OrganizationId.parse((String) operand);
        }
        return operand;
    }

    private static boolean allText(List<Object> operands) {
        for (Object o : operands) {
            if (!(o instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static String textOperand(List<Object> operands, Condition c) {
        if (operands.size() != 1 || !(operands.get(0) instanceof String)) {
            throw notStoreForm(c);
        }
        return Schema.fold((String) operands.get(0));
    }

    private static IllegalArgumentException notStoreForm(Condition c) {
        return new IllegalArgumentException("condition is not in the store form (see dev.contacts.spi): "
                + c.attribute() + " " + c.operator().spelling() + " " + c.operands());
    }
}
