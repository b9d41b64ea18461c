package dev.contacts.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterVisitor;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Direction;
import dev.contacts.spi.SeekOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Translates a store-form filter (see {@code dev.contacts.spi}) into a query built with
 * the driver's {@link Filters} only: no JSON text, no {@code $where}, user text in
 * {@code $regex} only through {@link Pattern#quote}.
 *
 * <p>Every condition reads one field, {@link Fields#key}: the fold of text (compared with
 * {@link Values#fold} of the operand), the array of folds of a text set (a condition on an
 * array matches when some element does, which is the rule for sets of docs/filter-semantics.md §3), or the value.
 * Unknown values are absent fields, so a positive operator never matches them. Negatives and
 * {@code not} are translated to the operators MongoDB defines as exact complements of their
 * positive twins: {@code $ne}, {@code $nin}, {@code $not} and {@code $exists: false} (and
 * {@code $nor} for a number's {@code !=}), each of which also matches a document without the
 * field — exactly the "negatives include unknown" rule. The seek predicates of keyset paging are ordinary comparisons here, on the sort key
 * and on {@code _id} (canonical id text, whose order is the ids' unsigned order).
 */
final class FilterTranslator {
    private final Target target;

    private FilterTranslator(Target target) {
        this.target = target;
    }

    /**
     * @param filter a store-form filter
     * @param target the target whose documents it runs on
     * @return the query, without the property scope (callers AND {@code propertyId})
     * @throws IllegalArgumentException if the filter is not in the store form
     */
    static Bson translate(Filter filter, Target target) {
        return filter.accept(new FilterTranslator(target).visitor());
    }

    /**
     * @param order  a phase's order
     * @param target its target
     * @return the sort: the attribute's key then {@code _id}, both in the order's direction, or {@code _id} alone
     */
    static Bson sort(SeekOrder order, Target target) {
        boolean ascending = order.direction() == Direction.ASC;
        List<String> fields = new ArrayList<>();
        if (order.attribute() != null) {
            fields.add(Fields.key(target, order.attribute()));
        }
        fields.add(Fields.ID);
        return ascending ? Sorts.ascending(fields) : Sorts.descending(fields);
    }

    private FilterVisitor<Bson> visitor() {
        return new FilterVisitor<>() {
            @Override
            public Bson visitAll() {
                return new Document();
            }

            @Override
            public Bson visitNone() {
                return Filters.in(Fields.ID, List.of());
            }

            @Override
            public Bson visitCondition(Condition condition) {
                Operator op = condition.operator();
                if (op.isPositive()) {
                    return positive(condition.attribute(), op, condition.operands(), condition);
                }
                Operator twin = op.complement();
                if (twin == null || !twin.isPositive()) {
                    throw notStoreForm(condition);
                }
                return complement(condition.attribute(), twin, condition.operands(), condition);
            }

            @Override
            public Bson visitAnd(And and) {
                return Filters.and(each(and.filters(), this));
            }

            @Override
            public Bson visitOr(Or or) {
                return Filters.or(each(or.filters(), this));
            }

            @Override
            public Bson visitNot(Not not) {
                if (!(not.filter() instanceof Condition) || !((Condition) not.filter()).operator().isPositive()) {
                    throw new IllegalArgumentException("'not' must stand directly above a positive condition in the store form");
                }
                Condition c = (Condition) not.filter();
                return complement(c.attribute(), c.operator(), c.operands(), c);
            }
        };
    }

    private static List<Bson> each(List<Filter> filters, FilterVisitor<Bson> visitor) {
        List<Bson> parts = new ArrayList<>(filters.size());
        for (Filter f : filters) {
            parts.add(f.accept(visitor));
        }
        return parts;
    }

    private Bson positive(String attribute, Operator op, List<Object> operands, Condition c) {
        String field = Fields.key(target, attribute);
        switch (op) {
            case HAS_ANY_VALUE:
                return Filters.exists(field);
            case IS:
                return Filters.eq(field, operand(attribute, operands.get(0)));
            case IS_ANY_OF:
                return Filters.in(field, operandList(attribute, operands));
            case IS_ALL_OF:
                return Filters.all(field, operandList(attribute, operands));
            case CONTAINS:
            case STARTS_WITH:
            case ENDS_WITH:
                return regex(field, Fields.shape(target, attribute), literal(op, textOperand(operands, c)));
            case EQ: {
                // a closed range rather than $eq: the same on a MongoDB server, and exact on mongo-java-server, which
                // compares numbers for equality as doubles (18 integer digits do not fit) but orders Decimal128 exactly
                Object value = operand(attribute, operands.get(0));
                return Filters.and(Filters.gte(field, value), Filters.lte(field, value));
            }
            case LT:
            case LE:
            case GT:
            case GE:
                return comparison(field, op, operand(attribute, operands.get(0)));
            default:
                throw notStoreForm(c);
        }
    }

    /** The exact complement of a positive condition, matching absent fields too. */
    private Bson complement(String attribute, Operator positive, List<Object> operands, Condition c) {
        String field = Fields.key(target, attribute);
        switch (positive) {
            case HAS_ANY_VALUE:
                return Filters.exists(field, false);
            case IS:
                return Filters.ne(field, operand(attribute, operands.get(0)));
            case IS_ANY_OF:
                return Filters.nin(field, operandList(attribute, operands));
            case EQ:
                return Filters.nor(positive(attribute, positive, operands, c)); // the range of EQ has no field-level negation
            case CONTAINS:
            case STARTS_WITH:
            case ENDS_WITH:
                return Fields.shape(target, attribute) == Fields.Shape.SCALAR ? Filters.not(positive(attribute, positive, operands, c))
                        : Filters.nor(positive(attribute, positive, operands, c));
            default:
                return Filters.not(positive(attribute, positive, operands, c));
        }
    }

    private static Bson comparison(String field, Operator op, Object value) {
        switch (op) {
            case LT: return Filters.lt(field, value);
            case LE: return Filters.lte(field, value);
            case GT: return Filters.gt(field, value);
            case GE: return Filters.gte(field, value);
            default: throw new IllegalStateException(op.name());
        }
    }

    /**
     * A regular expression on a text key. On an array it is tested element by element with
     * {@code $elemMatch}: a plain {@code $regex} on an array means the same on a MongoDB
     * server, but mongo-java-server also tries it on the text of the whole list
     * ({@code "[a, b]"}), so a pattern with a bracket, a comma or an anchor would match arrays
     * it should not. A custom attribute may be either: the scalar branch then requires that
     * the field is not an array ({@code field.0} absent: sets are never empty).
     */
    private static Bson regex(String field, Fields.Shape shape, String pattern) {
        Bson elements = Filters.elemMatch(field, new Document("$regex", pattern));
        switch (shape) {
            case SCALAR:
                return Filters.regex(field, pattern);
            case ARRAY:
                return elements;
            default:
                return Filters.or(elements, Filters.and(Filters.exists(field + ".0", false), Filters.regex(field, pattern)));
        }
    }

    /**
     * A regular expression that matches the fold literally: {@code \A} and {@code \z} anchor
     * at the very start and end (never at a line break), and the same text means the same
     * in Java's and PCRE's syntax.
     */
    private static String literal(Operator op, String fold) {
        String quoted = Pattern.quote(fold);
        switch (op) {
            case STARTS_WITH: return "\\A" + quoted;
            case ENDS_WITH: return quoted + "\\z";
            default: return quoted;
        }
    }

    /** An operand as stored: text folded (except organization ids), ids as text, numbers and dates in BSON form. */
    private static Object operand(String attribute, Object operand) {
        if (operand instanceof String) {
            if (BuiltInAttributes.ORGANIZATION.equals(attribute)) {
                return OrganizationId.parse((String) operand).toString();
            }
            return Values.fold((String) operand);
        }
        if (operand instanceof EntityId) {
            return operand.toString();
        }
        return BsonValues.toBson(operand);
    }

    private static List<Object> operandList(String attribute, List<Object> operands) {
        List<Object> values = new ArrayList<>(operands.size());
        for (Object o : operands) {
            values.add(operand(attribute, o));
        }
        return values;
    }

    private static String textOperand(List<Object> operands, Condition c) {
        if (operands.size() != 1 || !(operands.get(0) instanceof String)) {
            throw notStoreForm(c);
        }
        return Values.fold((String) operands.get(0));
    }

    private static IllegalArgumentException notStoreForm(Condition c) {
        return new IllegalArgumentException("condition is not in the store form (see dev.contacts.spi): "
                + c.attribute() + " " + c.operator().spelling() + " " + c.operands());
    }
}
