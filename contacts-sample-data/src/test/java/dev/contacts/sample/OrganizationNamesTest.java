package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.Values;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stores keep organization names unique per property by fold, so the data must too. */
class OrganizationNamesTest {
    @Test
    void organizationNamesAreUniqueByFoldInEveryProperty() {
        for (SampleSpec spec : new SampleSpec[] {SampleSpec.adversarial(7, 700).withOrganizationsPerProperty(200),
                SampleSpec.realistic(7, 20_000)}) {
            SampleData data = SampleData.generate(spec);
            for (Property p : data.properties()) {
                Set<String> folds = new HashSet<>();
                for (Organization o : data.organizations(p.id())) {
                    assertThat(folds.add(Values.fold(o.name()))).as(spec + " " + p.id() + " " + o.name()).isTrue();
                }
            }
        }
    }

    @Test
    void theFoldVariantsOfTheEdgeNamesStillAppear() {
        SampleData data = SampleData.generate(SampleSpec.adversarial(7, 700));
        Set<String> names = new HashSet<>();
        data.properties().forEach(p -> data.organizations(p.id()).forEach(o -> names.add(o.name())));
        assertThat(names).contains("Acme", "Straße GmbH", "STRASSE GMBH", "Café");
        assertThat(names.stream().filter(n -> Values.fold(n).startsWith("acme #"))).isNotEmpty();
    }
}
