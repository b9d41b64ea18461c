package dev.contacts.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code parse(print(f)).equals(f)} on thousands of random filters (docs/filter-semantics.md §6). A
 * failure names the seed, which {@code -Dcontacts.tck.seed=...} replays.
 */
class FilterTextRoundTripTest {
    private static final long DEFAULT_SEED = 0x5EED_F11E_2026L;
    private static final int CASES = 4000;
    private static final int MAX_DEPTH = 6;

    private static long seed() {
        String property = System.getProperty("contacts.tck.seed");
        return property == null || property.isBlank() ? DEFAULT_SEED : Long.parseLong(property.strip());
    }

    @Test
    void everyFilterParsesBackFromItsText() {
        long seed = seed();
        RandomFilters random = new RandomFilters(seed);
        Set<Operator> seen = EnumSet.noneOf(Operator.class);
        for (int i = 0; i < CASES; i++) {
            Filter f = random.filter(i % (MAX_DEPTH + 1));
            collectOperators(f, seen);
            String text = FilterPrinter.print(f);
            String where = "seed " + seed + " (replay with -Dcontacts.tck.seed=" + seed + "), case " + i + ", text: " + text;
            Filter parsed;
            try {
                parsed = FilterParser.parse(text);
            } catch (RuntimeException e) {
                throw new AssertionError("cannot parse the printed text; " + where, e);
            }
            assertThat(parsed).as(where).isEqualTo(f);
            assertThat(FilterPrinter.print(parsed)).as("printing is not idempotent; " + where).isEqualTo(text);
            assertThat(FilterParser.parse("(" + text + ")")).as("parenthesised; " + where).isEqualTo(f);
            assertThat(FilterParser.parse("not (not (" + text + "))")).as("not not f; " + where).isEqualTo(f);
        }
        assertThat(seen).as("the generator covers every operator with seed " + seed).containsExactlyInAnyOrder(Operator.values());
    }

    @Test
    void theGeneratorIsDeterministic() {
        long seed = seed();
        RandomFilters a = new RandomFilters(seed);
        RandomFilters b = new RandomFilters(seed);
        for (int i = 0; i < 50; i++) {
            Filter f = a.filter(4);
            if (!f.equals(b.filter(4))) {
                fail("seed " + seed + " gives different filters at case " + i + ": " + FilterPrinter.print(f));
            }
        }
    }

    private static void collectOperators(Filter f, Set<Operator> seen) {
        if (f instanceof Condition c) {
            seen.add(c.operator());
        } else if (f instanceof And and) {
            and.filters().forEach(child -> collectOperators(child, seen));
        } else if (f instanceof Or or) {
            or.filters().forEach(child -> collectOperators(child, seen));
        } else if (f instanceof Not not) {
            collectOperators(not.filter(), seen);
        }
    }
}
