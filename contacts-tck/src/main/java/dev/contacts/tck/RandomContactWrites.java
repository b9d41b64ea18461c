package dev.contacts.tck;

import dev.contacts.ContactService;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random writes to one property's contacts through the public facade, of the kinds
 * that must move a contact between a store's index entries: tags added and removed in bulk
 * by a filter, custom values changed (or made unknown), names changed, organizations
 * relinked, contacts deleted. {@link FilterTck} interleaves them with its queries so that a
 * stale index entry shows as a wrong answer.
 */
final class RandomContactWrites {
    /** Contacts this object deleted: never picked again. */
    private final java.util.Set<ContactId> deleted = new java.util.HashSet<>();
    private static final List<String> TAGS = List.of("w-alpha", "W-ALPHA", "w-beta", "ΣΟΦΙΑ", "vip");

    private final ContactService contacts;
    private final List<AttributeDefinition> customs;
    private final List<OrganizationId> organizations;

    /**
     * @param contacts      the property's contacts
     * @param customs       the property's custom contact attributes
     * @param organizations the property's organizations
     */
    RandomContactWrites(ContactService contacts, List<AttributeDefinition> customs, List<OrganizationId> organizations) {
        this.contacts = contacts;
        this.customs = customs;
        this.organizations = organizations;
    }

    /**
     * Applies one random write.
     *
     * @param random    the random source
     * @param current   the property's contacts as they are now (not changed here)
     * @param generator draws the filters of bulk tagging
     * @return what was done, for a failure report
     */
    String apply(SplittableRandom random, List<Contact> current, FilterGenerator generator) {
        // a contact this object deleted since the caller read `current` is not written again
        List<Contact> live = current.stream().filter(x -> !deleted.contains(x.id())).toList();
        Contact c = live.get(random.nextInt(live.size()));
        Contact other = live.get(random.nextInt(live.size()));
        int kinds = live.size() > 1 ? 6 : 5; // never delete the last contact
        int kind = random.nextInt(kinds);
        if (kind == 2 && customs.isEmpty()) {
            kind = 3;
        }
        switch (kind) {
            case 0: {
                Filter f = generator.tree(1);
                String tag = TAGS.get(random.nextInt(TAGS.size()));
                contacts.addTags(f, List.of(tag));
                return "tagged " + FilterPrinter.print(f) + " with " + tag;
            }
            case 1: {
                Filter f = generator.tree(1);
                String tag = random.nextBoolean() && !other.tags().isEmpty()
                        ? other.tags().get(random.nextInt(other.tags().size())) : TAGS.get(random.nextInt(TAGS.size()));
                contacts.removeTags(f, List.of(tag));
                return "untagged " + FilterPrinter.print(f) + " of " + tag;
            }
            case 2: {
                AttributeDefinition d = customs.get(random.nextInt(customs.size()));
                Object value = other.value(d.name());
                contacts.update(c.id(), AttributeChanges.builder().set(d.name(), value).build());
                return "set " + d.name() + " of " + c.id() + " to " + value;
            }
            case 3: {
                contacts.update(c.id(), AttributeChanges.builder().set("name", other.name()).build());
                return "renamed " + c.id() + " to " + other.name();
            }
            case 4: {
                List<OrganizationId> linked = new ArrayList<>();
                if (!organizations.isEmpty() && random.nextInt(4) != 0) {
                    linked.add(organizations.get(random.nextInt(organizations.size())));
                }
                contacts.update(c.id(), AttributeChanges.builder().set("organization", linked).build());
                return "linked " + c.id() + " to " + linked;
            }
            default: {
                ContactId id = c.id();
                contacts.delete(id);
                deleted.add(id);
                return "deleted " + id;
            }
        }
    }
}
