package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.contacts.UnknownAttributeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Custom values are read as {@code custom.<key>} only: a bare key could equal a built-in
 * name ({@code name}, {@code city}, {@code tags} are valid custom keys), so it is refused
 * with a message that gives the right name.
 */
class CustomValueNamesTest {

    @Test
    void aBareCustomKeyIsRefusedWithTheNameToUse() {
        Contact ada = Contact.builder(ContactId.generate()).set("name", "Ada").set("custom.plan", "pro").build();
        assertThat(ada.custom()).isEqualTo(Map.of("plan", "pro"));
        assertThat(ada.value("custom.plan")).isEqualTo("pro");
        UnknownAttributeException e = catchThrowableOfType(UnknownAttributeException.class, () -> ada.value("plan"));
        assertThat(e.attribute()).isEqualTo("plan");
        assertThat(e.getMessage()).contains("value(\"custom.plan\")");
        Organization acme = Organization.builder(OrganizationId.generate()).set("name", "Acme").set("custom.tier", "gold").build();
        assertThat(catchThrowableOfType(UnknownAttributeException.class, () -> acme.value("tier")).getMessage())
                .contains("value(\"custom.tier\")");
    }

    @Test
    void aCustomKeyThatIsABuiltInNameNeverShadowsTheBuiltIn() {
        Contact ada = Contact.builder(ContactId.generate()).set("name", "Ada").set("custom.name", "Countess").build();
        assertThat(ada.value("name")).isEqualTo("Ada");
        assertThat(ada.value("custom.name")).isEqualTo("Countess");
    }

    @Test
    void anUnknownNameThatIsNoCustomKeyGetsNoCustomHint() {
        Contact ada = Contact.builder(ContactId.generate()).build();
        assertThat(catchThrowableOfType(UnknownAttributeException.class, () -> ada.value("Plan!")).getMessage())
                .doesNotContain("custom.");
    }
}
