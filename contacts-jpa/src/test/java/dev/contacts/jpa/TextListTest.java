package dev.contacts.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextList}: any list of texts round-trips, and a damaged column is reported, never misread. */
class TextListTest {
    private static final char[] ALPHABET = {'1', '2', '0', ':', ':', 'a', '<', '>', '@', ' ', '\n', '\u00e9', '9'};

    @Test
    void everyListRoundTripsWhateverItsTexts() {
        Random random = new Random(20261207);
        for (int i = 0; i < 10_000; i++) {
            List<String> elements = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int e = 0; e < count; e++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(random.nextBoolean() ? 5 : 40);
                for (int c = 0; c < length; c++) {
                    text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                }
                elements.add(text.toString());
            }
            assertThat(TextList.decode(TextList.encode(elements))).as("elements %s", elements).isEqualTo(elements);
        }
        assertThat(TextList.encode(List.of())).isNull();
        assertThat(TextList.decode(null)).isEmpty();
    }

    @Test
    void aDamagedColumnIsReported() {
        for (String damaged : List.of("3:ab", "x:abc", ":abc", "3abc", "2:ab4", "12345678901:a", "-1:a")) {
            assertThatThrownBy(() -> TextList.decode(damaged)).as(damaged).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("damaged text list");
        }
    }
}
