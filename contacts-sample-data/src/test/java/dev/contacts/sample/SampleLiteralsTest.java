package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.UnknownAttributeException;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleLiteralsTest {
    private final SampleData data = SampleData.generate(SampleSpec.adversarial(3));
    private final PropertyId p = data.properties().get(1).id();

    @Test
    void everyAttributeOfBothTargetsHasLiteralsOfItsType() {
        for (Target target : Target.values()) {
            List<AttributeDefinition> attributes = new ArrayList<>(BuiltInAttributes.of(target));
            data.attributes(p).stream().filter(d -> d.target() == target).forEach(attributes::add);
            for (AttributeDefinition d : attributes) {
                List<Object> literals = data.sampleLiterals(p, target, d.name());
                if (target == Target.ORGANIZATION && d.name().equals("contacts")) {
                    assertThat(literals).containsExactly(BigDecimal.ZERO);
                    continue;
                }
                assertThat(literals).as("%s %s", target, d.name()).isNotEmpty().doesNotContainNull().doesNotHaveDuplicates();
                Class<?> expected;
                switch (d.type()) {
                    case NUMBER: expected = BigDecimal.class; break;
                    case DATE: expected = Instant.class; break;
                    case BOOLEAN: expected = Boolean.class; break;
                    default: expected = String.class; break;
                }
                assertThat(literals).as("%s %s", target, d.name()).allMatch(expected::isInstance);
            }
        }
    }

    @Test
    void literalsArePresentInTheData() {
        List<Contact> contacts = data.contacts(p);
        for (String name : List.of("name", "city", "custom.plan", "primaryEmail")) {
            for (Object literal : data.sampleLiterals(p, name)) {
                assertThat(contacts).as("%s %s", name, literal).anyMatch(c -> literal.equals(c.value(name)));
            }
        }
        for (Object tag : data.sampleLiterals(p, "tags")) {
            assertThat(contacts).anyMatch(c -> c.tags().contains(tag));
        }
        assertThat(data.sampleLiterals(p, "tags")).contains("VIP", "Straße", "t099", "%");
        assertThat(data.sampleLiterals(p, "custom.vip")).containsExactlyInAnyOrder(true, false);
        assertThat(data.sampleLiterals(p, "name")).contains("ΟΔΟΣ", "οδος").anyMatch(v -> Values.fold((String) v).equals("straße"));
    }

    @Test
    void organizationLiteralsAreIdsAndNamesOfTheSameProperty() {
        List<Object> ids = data.sampleLiterals(p, BuiltInAttributes.ORGANIZATION);
        List<Object> own = data.organizations(p).stream().map(o -> o.id().toString()).collect(Collectors.toList());
        assertThat(ids).containsExactlyElementsOf(own);
        ids.forEach(id -> OrganizationId.parse((String) id));
        assertThat(data.sampleLiterals(p, BuiltInAttributes.ORGANIZATION_NAME)).contains("Acme", "test")
                .anyMatch(n -> ((String) n).startsWith("ACME #"));
        assertThat(data.sampleLiterals(p, Target.ORGANIZATION, "custom.industry")).isNotEmpty();
    }

    @Test
    void unknownAttributesAndPropertiesAreRefused() {
        assertThatThrownBy(() -> data.sampleLiterals(p, "custom.nope")).isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> data.sampleLiterals(p, "custom.industry")).isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> data.sampleLiterals(p, Target.ORGANIZATION, "emails")).isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> data.sampleLiterals(PropertyId.of("elsewhere"), "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prop-a");
        assertThatThrownBy(() -> data.contacts(PropertyId.of("elsewhere"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realisticLiteralsComeFromABoundedScan() {
        SampleData big = SampleData.generate(SampleSpec.realistic(9, 1_000_000));
        PropertyId id = big.properties().get(0).id();
        assertThat(big.sampleLiterals(id, "country")).contains("US", "FR");
        assertThat(big.sampleLiterals(id, "tags")).contains("vip", "newsletter");
        assertThat(big.sampleLiterals(id, BuiltInAttributes.ORGANIZATION)).hasSize(SampleData.LITERAL_SCAN_LIMIT);
        assertThat(big.sampleLiterals(id, "emails")).hasSizeGreaterThan(SampleData.LITERAL_SCAN_LIMIT);
    }
}
