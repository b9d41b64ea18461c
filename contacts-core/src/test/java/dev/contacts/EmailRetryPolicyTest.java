package dev.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailRetryPolicyTest {
    @Test
    void delaysDoubleFromTheFirstUpToTheMaximum() {
        EmailRetryPolicy p = EmailRetryPolicy.DEFAULT;
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(p.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(p.delayAfter(100)).as("no overflow").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void outOfRangeSettingsNameTheSetting() {
        assertThatThrownBy(() -> new EmailRetryPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("maxAttempts");
        assertThatThrownBy(() -> new EmailRetryPolicy(3, Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("firstDelay");
        assertThatThrownBy(() -> new EmailRetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("maxDelay");
        assertThatThrownBy(() -> new EmailRetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(1), null))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("claimTimeout");
        assertThatThrownBy(() -> Contacts.builder().messageIdDomain("not a domain"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("messageIdDomain");
    }
}
