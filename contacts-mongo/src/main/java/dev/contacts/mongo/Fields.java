package dev.contacts.mongo;

import com.mongodb.client.model.Filters;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import java.util.Objects;
import org.bson.conversions.Bson;

/**
 * Field names of the stored documents, and where each attribute lives. A contact or
 * organization document keeps the display values in the sub-document {@code v} (custom
 * values in {@code v.custom}) and, in {@code f}, the value every comparison and sort reads:
 * the fold of TEXT values, the array of folds of TEXT_SET values ({@code f.primaryEmail} and
 * {@code f.primaryPhone} too), and for custom attributes of the other types a copy of the
 * value, so {@code f.custom.<key>} orders and compares whatever the type. Unknown values are
 * absent: a document never holds null, {@code ""} or {@code []}.
 */
final class Fields {
    /** The document id: the entity's UUID in canonical lower-case text, whose order is the unsigned order of ids. */
    static final String ID = "_id";
    /** The property id, first key of every index. */
    static final String PROPERTY = "propertyId";
    /** Optimistic-locking version. */
    static final String VERSION = "version";
    /** Display values. */
    static final String VALUES = "v";
    /** Comparison keys: folds of text, copies of custom non-text values. */
    static final String KEYS = "f";
    /** Sub-document of custom values, inside {@link #VALUES} and {@link #KEYS}. */
    static final String CUSTOM = "custom";
    /** An organization's linked-contact count (Decimal128, always present), outside {@code v} so edits never overwrite it. */
    static final String LINKED_CONTACTS = "contacts";
    /** Set on an organization, attribute definition or property whose deletion is in progress. */
    static final String DELETING = "deleting";

    private Fields() {
    }

    /**
     * @param property a property
     * @return the condition every query of the property's documents starts with
     */
    static Bson scope(PropertyId property) {
        return Filters.eq(PROPERTY, Objects.requireNonNull(property, "property").value());
    }

    /**
     * @param property a property
     * @param id       a document id (an entity id's text)
     * @return the condition selecting that document of the property (another property's is not found)
     */
    static Bson one(PropertyId property, Object id) {
        return Filters.and(Filters.eq(ID, Objects.requireNonNull(id, "id").toString()), scope(property));
    }

    /** @return the condition that the document is not being deleted */
    static Bson notDeleting() {
        return Filters.ne(DELETING, true);
    }

    /**
     * The field a store-form condition or sort on an attribute reads.
     *
     * @param target    contacts or organizations
     * @param attribute a built-in name, {@code custom.<key>}, or the seek pseudo-attribute {@code id}
     * @return the dotted path
     * @throws IllegalArgumentException if the attribute is not one of the target
     */
    static String key(Target target, String attribute) {
        if (attribute.equals("id")) {
            return ID;
        }
        if (attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            return KEYS + "." + attribute;
        }
        AttributeDefinition d = BuiltInAttributes.find(target, attribute);
        if (d == null || attribute.equals(BuiltInAttributes.ORGANIZATION_NAME)) {
            throw new IllegalArgumentException("'" + attribute + "' is not a stored " + target.name().toLowerCase(java.util.Locale.ROOT)
                    + " attribute (the core resolves organization.name before a store sees it)");
        }
        if (target == Target.ORGANIZATION && attribute.equals("contacts")) {
            return LINKED_CONTACTS;
        }
        return (isText(d.type()) ? KEYS : VALUES) + "." + attribute;
    }

    /**
     * @param target    contacts or organizations
     * @param attribute a built-in name or {@code custom.<key>}
     * @return whether its key is always an array (a built-in TEXT_SET), never one (any other built-in), or may be
     *         either (a custom attribute, whose type a filter does not carry)
     */
    static Shape shape(Target target, String attribute) {
        if (attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
            return Shape.EITHER;
        }
        AttributeDefinition d = BuiltInAttributes.find(target, attribute);
        return d != null && d.type() == AttributeType.TEXT_SET ? Shape.ARRAY : Shape.SCALAR;
    }

    /** Whether a field holds an array. */
    enum Shape {
        /** Never an array. */
        SCALAR,
        /** Always an array. */
        ARRAY,
        /** Either, depending on the attribute's type. */
        EITHER
    }

    /**
     * @param type a type
     * @return whether values of it are compared by fold
     */
    static boolean isText(AttributeType type) {
        return type == AttributeType.TEXT || type == AttributeType.TEXT_SET;
    }

    /**
     * @param key a custom key (without {@code custom.})
     * @return the path of its display value
     */
    static String customValue(String key) {
        return VALUES + "." + CUSTOM + "." + key;
    }

    /**
     * @param key a custom key (without {@code custom.})
     * @return the path of its comparison key
     */
    static String customKey(String key) {
        return KEYS + "." + CUSTOM + "." + key;
    }
}
