package dev.contacts.internal;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterNormalizer;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.filter.RelativePeriod;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a validated user filter into the store form documented in
 * {@code dev.contacts.spi}: local days and relative periods become instant comparisons in
 * the query's zone at its {@code now}; organization names become organization id sets of
 * the same property; organization ids become {@link OrganizationId}s; {@code between}
 * becomes two comparisons; then {@code not} is pushed to the leaves. Doing this once,
 * here, is what lets every store give the same answer.
 */
public final class StoreFilterLowering {
    private final AttributeCatalog catalog;
    private final ZoneId zone;
    private final Instant now;
    private final Function<Filter, List<OrganizationId>> organizationsMatching;

    /**
     * @param catalog               attributes of the property and target
     * @param zone                  zone of local days
     * @param now                   instant of relative periods
     * @param organizationsMatching ids of the property's organizations matching a filter on organization attributes
     */
    public StoreFilterLowering(AttributeCatalog catalog, ZoneId zone, Instant now,
                               Function<Filter, List<OrganizationId>> organizationsMatching) {
        this.catalog = catalog;
        this.zone = zone;
        this.now = now;
        this.organizationsMatching = organizationsMatching;
    }

    /**
     * @param filter a validated user filter
     * @return the equivalent store-form filter
     */
    public Filter lower(Filter filter) {
        return FilterNormalizer.normalize(lowerTree(filter));
    }

    private Filter lowerTree(Filter f) {
        if (f instanceof And) {
            return Filter.and(((And) f).filters().stream().map(this::lowerTree).toList());
        }
        if (f instanceof Or) {
            return Filter.or(((Or) f).filters().stream().map(this::lowerTree).toList());
        }
        if (f instanceof Not) {
            return Filter.not(lowerTree(((Not) f).filter()));
        }
        if (f instanceof Condition) {
            return lowerCondition((Condition) f);
        }
        return f;
    }

    private Filter lowerCondition(Condition c) {
        Operator op = c.operator();
        if (op == Operator.HAS_ANY_VALUE || op == Operator.IS_UNKNOWN) {
            // Organization names are required and deleting an organization unlinks it, so a
            // contact has a linked organization name exactly when it has a linked organization.
            return BuiltInAttributes.ORGANIZATION_NAME.equals(c.attribute())
                    ? Condition.of(BuiltInAttributes.ORGANIZATION, op) : c;
        }
        if (!op.isPositive() && needsLowering(c)) {
            return Filter.not(lowerCondition(new Condition(c.attribute(), op.complement(), c.operands())));
        }
        if (BuiltInAttributes.ORGANIZATION_NAME.equals(c.attribute())) {
            List<OrganizationId> ids = organizationsMatching.apply(new Condition("name", op, c.operands()));
            return ids.isEmpty() ? Filter.none() : new Condition(BuiltInAttributes.ORGANIZATION, Operator.IS_ANY_OF, List.copyOf(ids));
        }
        AttributeType type = catalog.require(c.attribute()).type();
        if (type == AttributeType.ORG_LINK) {
            List<Object> ids = new ArrayList<>();
            for (Object o : c.operands()) {
                ids.add(o instanceof String ? OrganizationId.parse((String) o) : o);
            }
            return new Condition(c.attribute(), Operator.IS_ANY_OF, ids);
        }
        if (type == AttributeType.NUMBER && op == Operator.BETWEEN) {
            return Filter.and(Condition.of(c.attribute(), Operator.GE, (BigDecimal) c.operands().get(0)),
                    Condition.of(c.attribute(), Operator.LE, (BigDecimal) c.operands().get(1)));
        }
        if (type == AttributeType.DATE) {
            return lowerDate(c);
        }
        return c;
    }

    private boolean needsLowering(Condition c) {
        if (BuiltInAttributes.ORGANIZATION_NAME.equals(c.attribute())) {
            return true;
        }
        AttributeType type = catalog.require(c.attribute()).type();
        return type == AttributeType.ORG_LINK || type == AttributeType.DATE;
    }

    private Filter lowerDate(Condition c) {
        String a = c.attribute();
        switch (c.operator()) {
            case LT:
            case LE:
            case GT:
            case GE:
                return c;
            case ON: {
                LocalDate d = (LocalDate) c.operand();
                return Filter.and(compare(a, Operator.GE, startOf(d)), compare(a, Operator.LT, startOf(d.plusDays(1))));
            }
            case BEFORE:
                return compare(a, Operator.LT, startOf((LocalDate) c.operand()));
            case AFTER:
                return compare(a, Operator.GE, startOf(((LocalDate) c.operand()).plusDays(1)));
            case BETWEEN:
                return Filter.and(compare(a, Operator.GE, startOf((LocalDate) c.operands().get(0))),
                        compare(a, Operator.LT, startOf(((LocalDate) c.operands().get(1)).plusDays(1))));
            case WITHIN_LAST:
                return Filter.and(compare(a, Operator.GE, shift((RelativePeriod) c.operand(), -1)), compare(a, Operator.LE, now));
            case MORE_THAN_AGO:
                return compare(a, Operator.LT, shift((RelativePeriod) c.operand(), -1));
            case WITHIN_NEXT:
                return Filter.and(compare(a, Operator.GE, now), compare(a, Operator.LE, shift((RelativePeriod) c.operand(), 1)));
            default:
                throw new IllegalStateException("unexpected date operator " + c.operator());
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Instant shift(RelativePeriod p, int sign) {
        long n = sign * p.amount();
        switch (p.unit()) {
            case MINUTES: return now.plus(Duration.ofMinutes(n));
            case HOURS: return now.plus(Duration.ofHours(n));
            case DAYS: return ZonedDateTime.ofInstant(now, zone).plusDays(n).toInstant();
            case WEEKS: return ZonedDateTime.ofInstant(now, zone).plusWeeks(n).toInstant();
            case MONTHS: return ZonedDateTime.ofInstant(now, zone).plusMonths(n).toInstant();
            default: throw new IllegalStateException(p.unit().name());
        }
    }

    /**
     * A comparison with an instant that may fall outside the storable range (a local day
     * of 1900-01-01 east of UTC, a period of 100000 months): every stored date is inside
     * the range, so such a bound is decided here instead of being sent to the store.
     */
    private static Filter compare(String attribute, Operator op, Instant t) {
        boolean lower = op == Operator.GE || op == Operator.GT;
        if (t.isBefore(Values.MIN_DATE)) {
            return lower ? Condition.of(attribute, Operator.HAS_ANY_VALUE) : Filter.none();
        }
        if (!t.isBefore(Values.MAX_DATE_EXCLUSIVE)) {
            return lower ? Filter.none() : Condition.of(attribute, Operator.HAS_ANY_VALUE);
        }
        return Condition.of(attribute, op, t);
    }
}
