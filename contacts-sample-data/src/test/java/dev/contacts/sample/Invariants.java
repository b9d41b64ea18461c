package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks every flavour must pass. */
final class Invariants {
    private Invariants() {
    }

    /**
     * Every contact and organization is in normal form, links stay in the property and
     * emails are unique by fold in the property.
     */
    static void check(SampleData data) {
        for (Property p : data.properties()) {
            List<Organization> organizations = data.organizations(p.id());
            assertThat(organizations).hasSize(data.spec().organizationsPerProperty());
            Set<OrganizationId> own = organizations.stream().map(Organization::id).collect(Collectors.toSet());
            for (Organization o : organizations) {
                assertThat(o.toBuilder().build()).isEqualTo(o);
                assertThat(o.contacts()).isZero();
            }
            Set<String> emailFolds = new HashSet<>();
            List<Contact> contacts = data.contacts(p.id());
            assertThat(contacts).hasSize(data.spec().contactsPerProperty());
            for (Contact c : contacts) {
                assertThat(c.toBuilder().build()).as("contact %s is in normal form", c.id()).isEqualTo(c);
                assertThat(own).as("links of %s", c.id()).containsAll(c.organizations());
                for (String email : c.emails()) {
                    assertThat(emailFolds.add(Values.fold(email))).as("email %s is unique by fold in %s", email, p.id()).isTrue();
                }
                for (String key : c.custom().keySet()) {
                    assertThat(data.attributes(p.id())).anyMatch(d -> d.name().equals("custom." + key));
                }
            }
        }
    }
}
