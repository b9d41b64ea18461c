package dev.contacts.inmemory;

import dev.contacts.filter.And;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Or;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites store-form filters as a store gets them wrong whose translator believes
 * {@code or} binds tighter than {@code and}: it writes an {@code and} inside an {@code or}
 * in parentheses but an {@code or} inside an {@code and} without, and its database reads
 * the text with the real precedence, so {@code (a or b) and c} runs as
 * {@code a or (b and c)}.
 */
final class SwappedPrecedence {
    private static final Object AND = new Object();
    private static final Object OR = new Object();

    private SwappedPrecedence() {
    }

    static Filter rewrite(Filter f) {
        List<Object> tokens = new ArrayList<>();
        print(f, false, tokens);
        return parse(tokens);
    }

    /** Tokens of the text the translator writes: filters (atoms or parenthesised groups), AND and OR. */
    private static void print(Filter f, boolean insideOr, List<Object> out) {
        if (f instanceof Or or) {
            for (int i = 0; i < or.filters().size(); i++) {
                if (i > 0) {
                    out.add(OR);
                }
                print(or.filters().get(i), true, out);
            }
        } else if (f instanceof And and && !insideOr) {
            for (int i = 0; i < and.filters().size(); i++) {
                if (i > 0) {
                    out.add(AND);
                }
                print(and.filters().get(i), false, out);
            }
        } else if (f instanceof And and) {
            out.add(rewrite(and)); // in parentheses: read on its own
        } else {
            out.add(f);
        }
    }

    /** How the database reads the tokens: {@code and} binds tighter than {@code or}. */
    private static Filter parse(List<Object> tokens) {
        List<Filter> disjuncts = new ArrayList<>();
        List<Filter> conjuncts = new ArrayList<>();
        for (Object t : tokens) {
            if (t == OR) {
                disjuncts.add(Filter.and(conjuncts));
                conjuncts = new ArrayList<>();
            } else if (t != AND) {
                conjuncts.add((Filter) t);
            }
        }
        disjuncts.add(Filter.and(conjuncts));
        return Filter.or(disjuncts);
    }
}
