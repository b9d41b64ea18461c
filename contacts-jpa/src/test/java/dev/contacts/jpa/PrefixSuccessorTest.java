package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code-point range that stands for {@code starts with} on MariaDB: {@code [p, successor(p))}
 * holds exactly the texts that start with p, also when the next character is above U+FFFF.
 */
class PrefixSuccessorTest {

    private static boolean inRange(String s, String prefix) {
        String end = FilterSql.prefixSuccessor(prefix);
        return compare(s, prefix) >= 0 && (end == null || compare(s, end) < 0);
    }

    /** Code-point order, the order of utf8mb4_nopad_bin. */
    private static int compare(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }

    @Test
    void theSuccessorIncrementsTheLastCodePoint() {
        assertThat(FilterSql.prefixSuccessor("ab")).isEqualTo("ac");
        assertThat(FilterSql.prefixSuccessor("a\uD7FF")).as("surrogates are skipped").isEqualTo("a\uE000");
        assertThat(FilterSql.prefixSuccessor("a\uFFFF")).isEqualTo("a\uD800\uDC00");
        assertThat(FilterSql.prefixSuccessor("a" + Character.toString(Character.MAX_CODE_POINT))).isEqualTo("b");
        assertThat(FilterSql.prefixSuccessor(Character.toString(Character.MAX_CODE_POINT))).isNull();
    }

    @Test
    void theRangeHoldsExactlyTheTextsStartingWithThePrefix() {
        List<String> prefixes = List.of("x", "ab", "a\uD7FF", "a\uFFFF", "a\uDBFF\uDFFF", "x ");
        List<String> tails = List.of("", " ", "a", "\uE000", "\uFFFD", "\uFF5E", "\uD83D\uDE00", "\uD840\uDC00", "\uDBFF\uDFFF", "zzz");
        for (String p : prefixes) {
            for (String head : List.of("", "a", "w", "x", "y", "ab", "ac", "a\uE000", "a\uD800\uDC00")) {
                for (String tail : tails) {
                    String s = head + tail;
                    assertThat(inRange(s, p)).as("'%s' in the range of '%s'", s, p).isEqualTo(s.startsWith(p));
                }
            }
            for (String tail : tails) {
                assertThat(inRange(p + tail, p)).as("'%s' in the range of '%s'", p + tail, p).isTrue();
            }
        }
    }
}
