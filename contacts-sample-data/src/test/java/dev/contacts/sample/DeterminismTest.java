package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.EntityId;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismTest {

    static List<SampleSpec> specs() {
        return List.of(SampleSpec.realistic(42, 500).withProperties(2), SampleSpec.adversarial(42, 300));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void sameSpecGivesEqualData(SampleSpec spec) {
        SampleData a = SampleData.generate(spec);
        SampleData b = SampleData.generate(spec);
        assertThat(a.properties()).isEqualTo(b.properties());
        for (Property p : a.properties()) {
            assertThat(a.attributes(p.id())).isEqualTo(b.attributes(p.id()));
            assertThat(a.organizations(p.id())).isEqualTo(b.organizations(p.id()));
            assertThat(a.contacts(p.id())).isEqualTo(b.contacts(p.id()));
            assertThat(a.sampleLiterals(p.id(), "name")).isEqualTo(b.sampleLiterals(p.id(), "name"));
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void differentSeedGivesDifferentData(SampleSpec spec) {
        SampleData a = SampleData.generate(spec);
        SampleData b = SampleData.generate(spec.withSeed(spec.seed() + 1));
        Property p = a.properties().get(0);
        List<Contact> ca = a.contacts(p.id());
        List<Contact> cb = b.contacts(p.id());
        assertThat(ca).hasSameSizeAs(cb);
        Set<ContactId> idsA = ca.stream().map(Contact::id).collect(Collectors.toSet());
        assertThat(cb).noneMatch(c -> idsA.contains(c.id()));
        // values differ too, not only ids
        long sameValues = 0;
        for (int i = 0; i < ca.size(); i++) {
            Contact x = ca.get(i);
            Contact y = cb.get(i);
            if (List.of(String.valueOf(x.name()), x.tags(), x.custom(), x.emails())
                    .equals(List.of(String.valueOf(y.name()), y.tags(), y.custom(), y.emails()))) {
                sameValues++;
            }
        }
        assertThat(sameValues).isLessThan(ca.size() / 10);
        assertThat(a.organizations(p.id()).get(0).id()).isNotEqualTo(b.organizations(p.id()).get(0).id());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void anyItemCanBeGeneratedAlone(SampleSpec spec) {
        SampleData data = SampleData.generate(spec);
        for (Property p : data.properties()) {
            List<Contact> contacts = data.contacts(p.id());
            for (int i : new int[] {0, 1, 17, contacts.size() - 1}) {
                assertThat(SampleData.generate(spec).contact(p.id(), i)).isEqualTo(contacts.get(i));
            }
            List<Organization> organizations = data.organizations(p.id());
            assertThat(data.organization(p.id(), organizations.size() - 1)).isEqualTo(organizations.get(organizations.size() - 1));
            assertThat(data.contactsStream(p.id()).parallel().collect(Collectors.toList())).isEqualTo(contacts);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void idsAreVersion7ShapedIncreasingAndUnique(SampleSpec spec) {
        SampleData data = SampleData.generate(spec);
        Set<EntityId> all = new HashSet<>();
        long count = 0;
        for (Property p : data.properties()) {
            List<EntityId> ids = new ArrayList<>();
            data.contacts(p.id()).forEach(c -> ids.add(c.id()));
            data.organizations(p.id()).forEach(o -> ids.add(o.id()));
            for (EntityId id : ids) {
                assertThat(id.value().version()).isEqualTo(7);
                assertThat(id.value().variant()).isEqualTo(2);
            }
            List<Contact> contacts = data.contacts(p.id());
            for (int i = 1; i < contacts.size(); i++) {
                assertThat(contacts.get(i).id()).isGreaterThan(contacts.get(i - 1).id());
                assertThat(contacts.get(i).id().toString()).isGreaterThan(contacts.get(i - 1).id().toString());
            }
            List<Organization> orgs = data.organizations(p.id());
            for (int i = 1; i < orgs.size(); i++) {
                assertThat(orgs.get(i).id()).isGreaterThan(orgs.get(i - 1).id());
            }
            long millis = contacts.get(0).id().value().getMostSignificantBits() >>> 16;
            assertThat(Instant.ofEpochMilli(millis)).isAfterOrEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            all.addAll(ids);
            count += ids.size();
        }
        assertThat(all).hasSize((int) count);
    }

    /**
     * Pins the output of seed 1, so data is the same on every machine and JDK and a TCK
     * seed reproduces a failure later. Change the constants only when the generator is
     * changed on purpose.
     */
    @org.junit.jupiter.api.Test
    void outputIsPinned() {
        assertThat(fingerprint(SampleSpec.realistic(1, 300))).isEqualTo(5113405575732149649L);
        assertThat(fingerprint(SampleSpec.adversarial(1, 300))).isEqualTo(-7693787932278067852L);
        SampleData data = SampleData.generate(SampleSpec.realistic(1, 1));
        assertThat(data.contact(data.properties().get(0).id(), 0).id())
                .isEqualTo(ContactId.parse("019b76da-a800-77fc-a399-631fd81e40ba"));
    }

    private static long fingerprint(SampleSpec spec) {
        SampleData data = SampleData.generate(spec);
        dev.contacts.model.PropertyId p = data.properties().get(0).id();
        long h = 0;
        for (Contact c : data.contacts(p)) {
            h = h * 31 + c.toString().hashCode();
        }
        for (Organization o : data.organizations(p)) {
            h = h * 31 + o.toString().hashCode();
        }
        return h;
    }
}
