package dev.contacts.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.FilterLimitException;
import org.junit.jupiter.api.Test;

/**
 * The depth limit of docs/filter-semantics.md §5 — at most 16 levels, every {@code and}, {@code or} and
 * {@code not} counting — holds for text as written and for filters built in Java, at 16 and 17.
 */
class FilterDepthTest {
    private static final String LEAF = "lastSeen within last 3 days"; // no negative spelling: a not stays a not

    private static String nots(int n) {
        return "not ".repeat(n) + LEAF;
    }

    /** and/or/not alternating, each level a real node of the canonical filter. */
    private static Filter nested(int depth) {
        Filter f = Filter.attr("totalTickets").gt(0);
        for (int i = 0; i < depth; i++) {
            switch (i % 3) {
                case 0: f = Filter.and(f, Filter.attr("pagesViewed").gt(i)); break;
                case 1: f = Filter.or(f, Filter.attr("pagesViewed").lt(i)); break;
                default: f = Filter.not(f); break;
            }
        }
        return f;
    }

    @Test
    void sixteenWrittenNotsAreAcceptedAndSeventeenRefused() {
        Filter sixteen = FilterParser.parse(nots(16));
        FilterLimits.check(sixteen);
        assertThat(FilterPrinter.print(sixteen)).isEqualTo(LEAF);
        assertThatThrownBy(() -> FilterParser.parse(nots(17)))
                .isInstanceOfSatisfying(FilterLimitException.class, e -> assertThat(e.limit()).isEqualTo("depth"))
                .hasMessageContaining("17").hasMessageContaining("16");
        assertThatThrownBy(() -> FilterParser.parse(nots(18))).isInstanceOf(FilterLimitException.class);
    }

    @Test
    void writtenGroupsCountAsWritten() {
        String sixteen = "(a is \"x\" or ".repeat(16) + LEAF + ")".repeat(16);
        FilterParser.parse(sixteen);
        String seventeen = "(a is \"x\" or ".repeat(17) + LEAF + ")".repeat(17);
        assertThatThrownBy(() -> FilterParser.parse(seventeen)).isInstanceOf(FilterLimitException.class);
        String mixed = "not (a is \"x\" and ".repeat(8) + "not " + LEAF + ")".repeat(8);
        assertThatThrownBy(() -> FilterParser.parse(mixed)).isInstanceOf(FilterLimitException.class); // 8 × 2 + 1
        FilterParser.parse("((((" + LEAF + "))))"); // parentheses alone are not levels
    }

    @Test
    void javaFiltersSixteenDeepAreAcceptedAndSeventeenRefused() {
        FilterLimits.check(nested(16));
        assertThatThrownBy(() -> FilterLimits.check(nested(17)))
                .isInstanceOfSatisfying(FilterLimitException.class, e -> assertThat(e.limit()).isEqualTo("depth"));
    }

    @Test
    void textAndJavaAgreeOnTheSameFilter() {
        for (int depth : new int[] {15, 16, 17}) {
            Filter java = nested(depth);
            String text = FilterPrinter.print(java);
            boolean javaRefused = refused(() -> FilterLimits.check(java));
            boolean textRefused = refused(() -> FilterLimits.check(FilterParser.parse(text)));
            assertThat(textRefused).as("depth " + depth + ": " + text).isEqualTo(javaRefused).isEqualTo(depth > 16);
        }
    }

    private static boolean refused(Runnable check) {
        try {
            check.run();
            return false;
        } catch (FilterLimitException e) {
            return true;
        }
    }
}
