package dev.contacts.mongo;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Attributed;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/**
 * Maps contacts and organizations to the {@code v} (display values) and {@code f}
 * (comparison keys) sub-documents described in {@link Fields}, and back. Unknown values
 * are left out, so "unknown" is "field absent" everywhere.
 */
final class EntityCodec {
    private EntityCodec() {
    }

    /**
     * @param entity a contact or organization
     * @param target its target
     * @return its display values: built-in attributes (not the derived {@code primaryEmail},
     *         {@code primaryPhone}, nor an organization's count) and {@code custom}
     */
    static Document values(Attributed entity, Target target) {
        Document v = new Document();
        for (AttributeDefinition d : BuiltInAttributes.of(target)) {
            if (isStored(target, d.name())) {
                putIfKnown(v, d.name(), BsonValues.toBson(entity.value(d.name())));
            }
        }
        Document custom = new Document();
        for (Map.Entry<String, Object> e : custom(entity).entrySet()) {
            custom.append(e.getKey(), BsonValues.toBson(e.getValue()));
        }
        if (!custom.isEmpty()) {
            v.append(Fields.CUSTOM, custom);
        }
        return v;
    }

    /**
     * @param entity a contact or organization
     * @param target its target
     * @return its comparison keys: folds of every built-in text attribute (derived ones
     *         included) and every custom value's key
     */
    static Document keys(Attributed entity, Target target) {
        Document f = new Document();
        for (AttributeDefinition d : BuiltInAttributes.of(target)) {
            if (Fields.isText(d.type())) {
                putIfKnown(f, d.name(), BsonValues.key(entity.value(d.name())));
            }
        }
        Document custom = new Document();
        for (Map.Entry<String, Object> e : custom(entity).entrySet()) {
            custom.append(e.getKey(), BsonValues.key(e.getValue()));
        }
        if (!custom.isEmpty()) {
            f.append(Fields.CUSTOM, custom);
        }
        return f;
    }

    private static Map<String, Object> custom(Attributed entity) {
        return entity instanceof Contact ? ((Contact) entity).custom() : ((Organization) entity).custom();
    }

    private static boolean isStored(Target target, String attribute) {
        if (target == Target.CONTACT) {
            return !attribute.equals("primaryEmail") && !attribute.equals("primaryPhone");
        }
        return !attribute.equals("contacts");
    }

    private static void putIfKnown(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    /**
     * @param doc a contact document
     * @return the contact
     */
    static Contact contact(Document doc) {
        Contact.Builder b = Contact.builder(new ContactId(UUID.fromString(doc.getString(Fields.ID))))
                .version(version(doc));
        Document v = doc.get(Fields.VALUES, Document.class);
        for (AttributeDefinition d : BuiltInAttributes.of(Target.CONTACT)) {
            if (isStored(Target.CONTACT, d.name())) {
                Object raw = v.get(d.name());
                if (raw != null) {
                    b.set(d.name(), d.type() == AttributeType.ORG_LINK ? organizationIds(raw) : BsonValues.fromBson(raw));
                }
            }
        }
        setCustom(v, b::set);
        return b.build();
    }

    /**
     * @param doc an organization document
     * @return the organization, with the stored linked-contact count
     */
    static Organization organization(Document doc) {
        Organization.Builder b = Organization.builder(new OrganizationId(UUID.fromString(doc.getString(Fields.ID))))
                .version(version(doc)).contacts(BsonValues.toLong(doc.get(Fields.LINKED_CONTACTS)));
        Document v = doc.get(Fields.VALUES, Document.class);
        for (AttributeDefinition d : BuiltInAttributes.of(Target.ORGANIZATION)) {
            if (isStored(Target.ORGANIZATION, d.name())) {
                Object raw = v.get(d.name());
                if (raw != null) {
                    b.set(d.name(), BsonValues.fromBson(raw));
                }
            }
        }
        setCustom(v, b::set);
        return b.build();
    }

    private static long version(Document doc) {
        return ((Number) doc.get(Fields.VERSION)).longValue();
    }

    private static void setCustom(Document v, java.util.function.BiConsumer<String, Object> setter) {
        Document custom = v.get(Fields.CUSTOM, Document.class);
        if (custom != null) {
            for (Map.Entry<String, Object> e : custom.entrySet()) {
                setter.accept(AttributeDefinition.CUSTOM_PREFIX + e.getKey(), BsonValues.fromBson(e.getValue()));
            }
        }
    }

    /**
     * @param raw a stored array of organization id texts
     * @return the ids
     */
    static List<OrganizationId> organizationIds(Object raw) {
        List<OrganizationId> ids = new ArrayList<>();
        for (Object o : (List<?>) raw) {
            ids.add(new OrganizationId(UUID.fromString((String) o)));
        }
        return ids;
    }
}
