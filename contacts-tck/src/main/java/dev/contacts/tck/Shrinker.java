package dev.contacts.tck;

import dev.contacts.filter.And;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Not;
import dev.contacts.filter.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing filter: repeatedly replaces it by a simpler one (a branch alone, the
 * group without one branch, the operand of a {@code not}, recursively) while the case
 * still fails, so that the report shows the smallest filter that shows the bug.
 */
final class Shrinker {
    private static final int MAX_CHECKS = 400;

    private Shrinker() {
    }

    static Filter shrink(Filter failing, Predicate<Filter> stillFails) {
        Filter current = failing;
        int checks = 0;
        boolean progress = true;
        while (progress && checks < MAX_CHECKS) {
            progress = false;
            for (Filter candidate : simpler(current)) {
                if (++checks > MAX_CHECKS) {
                    break;
                }
                if (stillFails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Simpler filters, simplest first. */
    static List<Filter> simpler(Filter f) {
        List<Filter> out = new ArrayList<>();
        if (f instanceof And || f instanceof Or) {
            List<Filter> children = f instanceof And ? ((And) f).filters() : ((Or) f).filters();
            out.addAll(children);
            for (int i = 0; i < children.size() && children.size() > 2; i++) {
                List<Filter> rest = new ArrayList<>(children);
                rest.remove(i);
                out.add(rebuild(f, rest));
            }
            for (int i = 0; i < children.size(); i++) {
                for (Filter s : simpler(children.get(i))) {
                    List<Filter> replaced = new ArrayList<>(children);
                    replaced.set(i, s);
                    out.add(rebuild(f, replaced));
                }
            }
        } else if (f instanceof Not) {
            Filter inner = ((Not) f).filter();
            out.add(inner);
            for (Filter s : simpler(inner)) {
                out.add(Filter.not(s));
            }
        }
        return out;
    }

    private static Filter rebuild(Filter group, List<Filter> children) {
        return group instanceof And ? Filter.and(children) : Filter.or(children);
    }
}
