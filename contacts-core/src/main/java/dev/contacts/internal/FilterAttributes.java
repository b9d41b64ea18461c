package dev.contacts.internal;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterVisitor;
import dev.contacts.filter.Not;
import dev.contacts.filter.Or;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The attribute names a filter's conditions use. */
public final class FilterAttributes implements FilterVisitor<Void> {
    private final Set<String> names = new LinkedHashSet<>();

    private FilterAttributes() {
    }

    /**
     * @param filter a filter
     * @return the attributes of its conditions, in order of first use
     */
    public static Set<String> of(Filter filter) {
        FilterAttributes visitor = new FilterAttributes();
        filter.accept(visitor);
        return Collections.unmodifiableSet(visitor.names);
    }

    @Override
    public Void visitAll() {
        return null;
    }

    @Override
    public Void visitNone() {
        return null;
    }

    @Override
    public Void visitCondition(Condition condition) {
        names.add(condition.attribute());
        return null;
    }

    @Override
    public Void visitAnd(And and) {
        and.filters().forEach(f -> f.accept(this));
        return null;
    }

    @Override
    public Void visitOr(Or or) {
        or.filters().forEach(f -> f.accept(this));
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        not.filter().accept(this);
        return null;
    }
}
