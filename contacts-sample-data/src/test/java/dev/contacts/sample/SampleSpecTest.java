package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SampleSpecTest {

    @Test
    void adversarialDefaultIsLargeEnoughForTheTck() {
        SampleSpec spec = SampleSpec.adversarial(1);
        assertThat(spec.properties()).isGreaterThanOrEqualTo(3);
        assertThat(spec.totalContacts()).isGreaterThanOrEqualTo(2_000);
        assertThat(spec.totalOrganizations()).isGreaterThanOrEqualTo(50);
        assertThat(spec.contactsPerProperty()).isGreaterThanOrEqualTo(SampleSpec.ADVERSARIAL_FULL_COVERAGE);
    }

    @Test
    void realisticHasOneOrganizationPerTwentyContacts() {
        assertThat(SampleSpec.realistic(1, 1_000_000).organizationsPerProperty()).isEqualTo(50_000);
        assertThat(SampleSpec.realistic(1, 21).organizationsPerProperty()).isEqualTo(2);
        assertThat(SampleSpec.realistic(1, 1).organizationsPerProperty()).isEqualTo(1);
        assertThat(SampleSpec.realistic(1, 0).organizationsPerProperty()).isZero();
        assertThat(SampleSpec.realistic(1, 10).properties()).isEqualTo(1);
        assertThat(SampleSpec.realistic(1, 10).withProperties(4).totalContacts()).isEqualTo(40);
    }

    @Test
    void sizesAreValidated() {
        assertThatThrownBy(() -> SampleSpec.adversarial(1).withProperties(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSpec.realistic(1, 10).withProperties(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSpec.realistic(1, 10).withProperties(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSpec.realistic(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSpec.realistic(1, 10).withOrganizationsPerProperty(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withersKeepTheRest() {
        SampleSpec spec = SampleSpec.adversarial(5, 300).withProperties(4).withOrganizationsPerProperty(7).withSeed(6);
        assertThat(spec).isEqualTo(new SampleSpec(SampleSpec.Flavour.ADVERSARIAL, 6, 4, 300, 7));
    }
}
