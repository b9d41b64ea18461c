package dev.contacts.filter;

import dev.contacts.InvalidFilterException;
import dev.contacts.InvalidValueException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks a user's filter against the attributes of a property: every attribute exists
 * ({@link dev.contacts.UnknownAttributeException} otherwise) and every operator and
 * operand fits the attribute's type ({@link InvalidFilterException} naming attribute,
 * operator and type otherwise). Limits are {@link FilterLimits}' job.
 */
public final class FilterValidator {
    private static final Set<Operator> PRESENCE = EnumSet.of(Operator.HAS_ANY_VALUE, Operator.IS_UNKNOWN);
    private static final Set<Operator> TEXT = EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.IS_ANY_OF, Operator.IS_NONE_OF,
            Operator.CONTAINS, Operator.DOES_NOT_CONTAIN, Operator.STARTS_WITH, Operator.DOES_NOT_START_WITH,
            Operator.ENDS_WITH, Operator.DOES_NOT_END_WITH);
    private static final Set<Operator> SET_ONLY = EnumSet.of(Operator.IS_ALL_OF, Operator.IS_NOT_ALL_OF);
    private static final Set<Operator> NUMBER = EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT,
            Operator.GE, Operator.BETWEEN);
    private static final Set<Operator> DATE = EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.BETWEEN,
            Operator.ON, Operator.NOT_ON, Operator.BEFORE, Operator.AFTER, Operator.WITHIN_LAST, Operator.MORE_THAN_AGO,
            Operator.WITHIN_NEXT);
    private static final Set<Operator> ORG = EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.IS_ANY_OF, Operator.IS_NONE_OF);

    private FilterValidator() {
    }

    /**
     * @param filter  the filter as the user gave it
     * @param catalog the attributes of the property and target
     * @throws dev.contacts.UnknownAttributeException if an attribute is not known
     * @throws InvalidFilterException if an operator or operand does not fit
     */
    public static void validate(Filter filter, AttributeCatalog catalog) {
        if (filter instanceof Condition) {
            validate((Condition) filter, catalog);
        } else if (filter instanceof And) {
            ((And) filter).filters().forEach(f -> validate(f, catalog));
        } else if (filter instanceof Or) {
            ((Or) filter).filters().forEach(f -> validate(f, catalog));
        } else if (filter instanceof Not) {
            validate(((Not) filter).filter(), catalog);
        }
    }

    private static void validate(Condition c, AttributeCatalog catalog) {
        AttributeDefinition d = catalog.require(c.attribute());
        Operator op = c.operator();
        if (PRESENCE.contains(op)) {
            return;
        }
        AttributeType type = d.type();
        boolean fits;
        switch (type) {
            case TEXT:
                fits = TEXT.contains(op) && allOf(c, String.class);
                break;
            case TEXT_SET:
                fits = (TEXT.contains(op) || SET_ONLY.contains(op)) && allOf(c, String.class);
                break;
            case NUMBER:
                fits = NUMBER.contains(op) && allOf(c, BigDecimal.class);
                break;
            case DATE:
                fits = DATE.contains(op) && (op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE
                        ? allOf(c, Instant.class)
                        : op == Operator.BETWEEN || op == Operator.ON || op == Operator.NOT_ON || op == Operator.BEFORE
                                || op == Operator.AFTER ? allOf(c, LocalDate.class) : allOf(c, RelativePeriod.class));
                break;
            case BOOLEAN:
                fits = (op == Operator.IS || op == Operator.IS_NOT) && allOf(c, Boolean.class);
                break;
            case ORG_LINK:
                fits = ORG.contains(op) && allOf(c, String.class);
                if (fits) {
                    for (Object id : c.operands()) {
                        try {
                            OrganizationId.parse((String) id);
                        } catch (InvalidValueException e) {
                            throw new InvalidFilterException("'" + c.attribute() + " " + op.spelling() + "': '" + id
                                    + "' is not an organization id (to match names use " + BuiltInAttributes.ORGANIZATION_NAME + ")");
                        }
                    }
                }
                break;
            default:
                fits = false;
        }
        if (!fits) {
            throw new InvalidFilterException("'" + c.attribute() + " " + op.spelling() + "' does not fit: " + c.attribute()
                    + " holds " + type.inWords() + describeOperands(c) + "; " + hint(type));
        }
    }

    private static boolean allOf(Condition c, Class<?> type) {
        for (Object o : c.operands()) {
            if (!type.isInstance(o)) {
                return false;
            }
        }
        return true;
    }

    private static String describeOperands(Condition c) {
        if (c.operands().isEmpty()) {
            return "";
        }
        String kind = c.operator().arity() == Operator.Arity.LIST ? "a list of texts" : Condition.kindOf(c.operands().get(0));
        return ", and the operand is " + kind;
    }

    private static String hint(AttributeType type) {
        switch (type) {
            case TEXT: return "use is, is any of, contains, starts with, ends with (or their negatives) with text";
            case TEXT_SET: return "use is, is any of, is all of, contains, starts with, ends with (or their negatives) with text";
            case NUMBER: return "use =, !=, <, <=, >, >=, between with numbers";
            case DATE: return "use on, before, after, between with days, within last/next, more than … ago, or <, <=, >, >= with instants";
            case BOOLEAN: return "use is true, is false, is not true, is not false";
            case ORG_LINK: return "use is, is not, is any of, is none of with organization ids";
            default: return "";
        }
    }
}
