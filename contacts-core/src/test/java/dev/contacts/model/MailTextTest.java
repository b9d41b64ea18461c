package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link MailText}'s Message-ID scanner against the regular expression it replaced,
 * {@code <[\x21-\x3B\x3D\x3F-\x7E]+>}, on seeded random header values crowded with the
 * characters that matter (angle brackets, spaces, {@code @}, DEL, non-ASCII).
 */
class MailTextTest {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3B\\x3D\\x3F-\\x7E]+>");
    private static final char[] ALPHABET = {'<', '>', '<', '>', 'a', 'b', '@', '.', ' ', '\t', '=', '\u007f', '\u00e9', '\u0020', '!', '~', 'x'};

    @Test
    void findsTheSameMessageIdsAsTheRegularExpression() {
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            List<String> values = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int v = 0; v < count; v++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(24);
                for (int c = 0; c < length; c++) {
                    value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                }
                values.add(value.toString());
            }
            assertThat(MailText.messageIds(values)).as("values %s", values).isEqualTo(byRegex(values));
            for (String value : values) {
                assertThat(MailText.isMessageId(value)).as("one id: '%s'", value).isEqualTo(MESSAGE_ID.matcher(value).matches());
            }
        }
    }

    @Test
    void aHeaderOfReferencesKeepsItsIdsInOrderWithoutDuplicates() {
        assertThat(MailText.messageIds(List.of("<a@x> <b@x>\t<a@x> junk <c@x", "d@x"))).containsExactly("<a@x>", "<b@x>", "<d@x>");
        assertThat(MailText.messageIds(List.of("<<a@x>>", "<>", "< a@x>"))).containsExactly("<a@x>");
    }

    /**
     * Lists that are almost the normal form (what a store reads back), which the scanner
     * returns as they are when they are exactly it: one id per element, each once, none too
     * long. Each list breaks the form in at most one place (a duplicate, spaces, a bare id,
     * two ids in one element, an id over the limit, a null), so both paths are taken.
     */
    @Test
    void listsInNormalFormOrOneStepFromItGiveTheRegularExpressionsAnswer() {
        Random random = new Random(20261208);
        int unchanged = 0;
        for (int i = 0; i < 5_000; i++) {
            List<String> values = new ArrayList<>();
            int count = 1 + random.nextInt(60);
            for (int v = 0; v < count; v++) {
                values.add("<m" + random.nextInt(80) + "." + v + "@host.example>");
            }
            int at = random.nextInt(values.size());
            switch (random.nextInt(8)) {
                case 0 -> values.set(at, values.get(random.nextInt(values.size())));
                case 1 -> values.set(at, " " + values.get(at) + " ");
                case 2 -> values.set(at, values.get(at).substring(1, values.get(at).length() - 1));
                case 3 -> values.set(at, values.get(at) + " <extra@host.example>");
                case 4 -> values.set(at, "<" + "x".repeat(MailText.MAX_MESSAGE_ID) + "@host.example>");
                case 5 -> values.set(at, null);
                default -> { }
            }
            List<String> expected = byRegex(values);
            List<String> actual = MailText.messageIds(values);
            assertThat(actual).as("values %s", values).isEqualTo(expected);
            if (actual.equals(values)) {
                unchanged++;
            }
        }
        assertThat(unchanged).as("lists already in normal form").isGreaterThan(1_000);
    }

    /** The former implementation, kept as the reference. */
    private static List<String> byRegex(List<String> values) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            Matcher m = MESSAGE_ID.matcher(value);
            boolean any = false;
            while (m.find()) {
                any = true;
                if (m.group().length() <= MailText.MAX_MESSAGE_ID) {
                    ids.add(m.group());
                }
            }
            if (!any && !value.isBlank() && value.strip().indexOf(' ') < 0 && value.strip().indexOf('<') < 0) {
                String bare = "<" + value.strip() + ">";
                if (bare.length() <= MailText.MAX_MESSAGE_ID && MESSAGE_ID.matcher(bare).matches()) {
                    ids.add(bare);
                }
            }
        }
        return List.copyOf(ids);
    }
}
