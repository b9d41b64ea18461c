package dev.contacts.bench;

import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes an import writes and a digest compares: every built-in contact attribute
 * but the derived ones ({@code primaryEmail}, {@code primaryPhone}), the store-maintained
 * {@code updated}, and organization links; plus the workload's custom attributes.
 */
final class ContactFields {
    private static final Set<String> NOT_IMPORTED = Set.of("primaryEmail", "primaryPhone", "updated", BuiltInAttributes.ORGANIZATION);

    private final List<String> names;

    ContactFields(List<AttributeDefinition> custom) {
        List<String> list = new ArrayList<>();
        for (AttributeDefinition d : BuiltInAttributes.of(Target.CONTACT)) {
            if (!NOT_IMPORTED.contains(d.name()) && !d.name().contains(".")) {
                list.add(d.name());
            }
        }
        custom.stream().filter(d -> d.target() == Target.CONTACT).forEach(d -> list.add(d.name()));
        this.names = List.copyOf(list);
    }

    /** @return the attribute names, built-in first */
    List<String> names() {
        return names;
    }

    /** @return the changes that create this contact's values (its id aside) */
    AttributeChanges changes(Contact c) {
        AttributeChanges.Builder b = AttributeChanges.builder();
        for (String name : names) {
            Object v = c.value(name);
            if (v != null) {
                b.set(name, v);
            }
        }
        return b.build();
    }

    /** @return the values of these attributes, unknown ones left out: equal for equal data whatever the ids */
    Map<String, Object> values(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : names) {
            Object v = c.value(name);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    /** @return the values of each contact, ordered by primary email: a digest independent of ids and storage order */
    List<Map<String, Object>> digest(List<Contact> contacts) {
        List<Contact> sorted = new ArrayList<>(contacts);
        sorted.sort(Comparator.comparing(c -> String.valueOf(c.primaryEmail())));
        List<Map<String, Object>> out = new ArrayList<>();
        sorted.forEach(c -> out.add(values(c)));
        return out;
    }
}
