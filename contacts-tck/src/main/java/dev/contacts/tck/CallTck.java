package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.Contacts;
import dev.contacts.InvalidValueException;
import dev.contacts.NotConfiguredException;
import dev.contacts.NotFoundException;
import dev.contacts.host.Directory;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Contact;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls: a number of the contact's, an agent of the directory, the host's telephony
 * provider — and a clear {@link NotConfiguredException} without one. A store runs it by
 * extending this class.
 */
public abstract class CallTck extends FixtureTck {
    private final List<String> placed = new ArrayList<>();
    private Contacts withTelephony;

    @BeforeEach
    void createSdkWithTelephony() {
        withTelephony = Contacts.builder().store(store).clock(Clock.fixed(TckFixture.NOW, ZoneOffset.UTC))
                .directory(new Directory() {
                    @Override
                    public boolean agentExists(String agentId) {
                        return agentId.startsWith("agent-");
                    }

                    @Override
                    public boolean departmentExists(String departmentId) {
                        return true;
                    }
                })
                .telephony((contact, number, agent) -> {
                    placed.add(contact.id() + " " + number + " " + agent);
                    return "call-" + placed.size();
                }).build();
        fx.p1.contacts().update(fx.ada.id(), AttributeChanges.builder().set("phones", List.of("+33 1 23 45 67 89", "+44 20 7946 0000")).build());
    }

    @Test
    void callingWithoutTelephonyNamesTheSpiToProvide() {
        assertThatThrownBy(() -> fx.p1.calls().call(fx.ada.id(), "+33 1 23 45 67 89", "agent-1"))
                .isInstanceOf(NotConfiguredException.class).hasMessageContaining("telephony(");
    }

    @Test
    void aCallGoesToTheProviderWithTheContactsNumber() {
        String id = withTelephony.property("p1").calls().call(fx.ada.id(), "  +44 20 7946 0000 ", "agent-7");
        assertThat(id).isEqualTo("call-1");
        assertThat(placed).containsExactly(fx.ada.id() + " +44 20 7946 0000 agent-7");
    }

    @Test
    void aNumberTheContactDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> withTelephony.property("p1").calls().call(fx.ada.id(), "+1 555 0100", "agent-1"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("phoneNumber");
        assertThatThrownBy(() -> withTelephony.property("p1").calls().call(fx.bob.id(), "+33 1 23 45 67 89", "agent-1"))
                .isInstanceOf(InvalidValueException.class);
        assertThat(placed).isEmpty();
    }

    @Test
    void unknownAgentsAndContactsOfOtherPropertiesAreRefused() {
        assertThatThrownBy(() -> withTelephony.property("p1").calls().call(fx.ada.id(), "+33 1 23 45 67 89", "intruder"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("agentId");
        Contact other = fx.other;
        assertThatThrownBy(() -> withTelephony.property("p1").calls().call(other.id(), "+33 1 23 45 67 89", "agent-1"))
                .isInstanceOf(NotFoundException.class);
        assertThat(placed).isEmpty();
    }
}
