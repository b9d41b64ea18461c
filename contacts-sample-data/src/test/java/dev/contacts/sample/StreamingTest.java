package dev.contacts.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.model.Contact;
import dev.contacts.model.PropertyId;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamingTest {

    @Test
    void twoHundredThousandRealisticContactsStreamOneByOne() {
        SampleData data = SampleData.generate(SampleSpec.realistic(2026, 200_000));
        PropertyId p = data.properties().get(0).id();
        Iterator<Contact> it = data.contactsStream(p).iterator();
        long count = 0;
        long emails = 0;
        long withActivity = 0;
        Contact previous = null;
        while (it.hasNext()) {
            Contact c = it.next();
            if (previous != null) {
                assertThat(c.id()).isGreaterThan(previous.id());
            }
            if (count % 10_000 == 0) {
                RealisticDataTest.checkActivity(c);
                assertThat(c.toBuilder().build()).isEqualTo(c);
            }
            emails += c.emails().size();
            if (c.lastSeen() != null) {
                withActivity++;
            }
            previous = c;
            count++;
        }
        assertThat(count).isEqualTo(200_000);
        assertThat(emails).isBetween(count, 3 * count);
        assertThat(withActivity).isBetween(count * 3 / 4, count * 19 / 20);
        assertThat(previous).isEqualTo(data.contact(p, 199_999));
    }

    @Test
    void contactsAreMadeOnDemandWithoutTheOnesBefore() {
        SampleData data = SampleData.generate(SampleSpec.realistic(1, 100_000_000));
        PropertyId p = data.properties().get(0).id();
        List<Contact> first = data.contactsStream(p).limit(100).collect(Collectors.toList());
        assertThat(first).hasSize(100);
        Contact last = data.contact(p, 99_999_999);
        assertThat(last.id()).isGreaterThan(first.get(99).id());
        assertThat(last.organizations()).allMatch(id -> id.compareTo(data.organization(p, 0).id()) >= 0);
        assertThat(data.organization(p, 4_999_999).id()).isNotNull();
    }
}
