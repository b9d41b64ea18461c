package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics of a contact hold what their names say: counters are whole numbers of zero
 * or more, the time spent is zero seconds or more, and each first* date is not later than
 * its last* twin.
 */
class ContactStatisticsTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-06-01T00:00:00Z");

    private static Contact.Builder contact() {
        return Contact.builder(ContactId.generate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"totalWebSessions", "pagesViewed", "totalLiveChats", "totalTickets"})
    void countersAreWholeAndNotNegative(String counter) {
        assertThatThrownBy(() -> contact().set(counter, -5).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo(counter))
                .hasMessageContaining("-5").hasMessageContaining("whole number");
        assertThatThrownBy(() -> contact().set(counter, new BigDecimal("1.5")).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo(counter))
                .hasMessageContaining("1.5");
        assertThat(contact().set(counter, 0).build().value(counter)).isEqualTo(BigDecimal.ZERO);
        assertThat(contact().set(counter, new BigDecimal("12.000")).build().value(counter)).isEqualTo(new BigDecimal("12"));
    }

    @Test
    void timeSpentIsZeroSecondsOrMoreWithFractionsAllowed() {
        assertThatThrownBy(() -> contact().set("timeSpent", -5).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo("timeSpent"))
                .hasMessageContaining("-5");
        assertThat(contact().set("timeSpent", new BigDecimal("12.75")).build().timeSpent()).isEqualTo(new BigDecimal("12.75"));
        assertThat(contact().set("timeSpent", 0).build().timeSpent()).isEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WebSession", "LiveChat", "Ticket", "Seen"})
    void firstIsNeverLaterThanLast(String pair) {
        String first = "first" + pair;
        String last = "last" + pair;
        assertThatThrownBy(() -> contact().set(first, LATE).set(last, EARLY).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.attribute()).isEqualTo(first))
                .hasMessageContaining(last);
        assertThat(contact().set(first, EARLY).set(last, LATE).build().value(first)).isEqualTo(EARLY);
        assertThat(contact().set(first, LATE).set(last, LATE).build().value(last)).isEqualTo(LATE);
        assertThat(contact().set(first, LATE).build().value(last)).isNull(); // one side unknown: nothing to compare
        assertThat(contact().set(last, EARLY).build().value(first)).isNull();
    }

    @Test
    void theSeededStatisticNamesAreThePairsAndCounters() {
        assertThat(BuiltInAttributes.contactStatistics()).containsAll(List.of("firstSeen", "lastSeen", "totalTickets", "timeSpent"));
    }
}
