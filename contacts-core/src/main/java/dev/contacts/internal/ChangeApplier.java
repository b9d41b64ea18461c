package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Values;
import dev.contacts.spi.OrganizationRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@link AttributeChanges} to a contact or organization builder: every name must
 * be an attribute of the property, every value must fit its type, SDK-maintained
 * attributes are refused, linked organizations must exist in the same property.
 */
public final class ChangeApplier {
    private ChangeApplier() {
    }

    /**
     * @param builder       the contact being changed
     * @param changes       the changes
     * @param catalog       contact attributes of the property
     * @param property      the property
     * @param organizations to check that linked organizations exist
     */
    public static void apply(Contact.Builder builder, AttributeChanges changes, AttributeCatalog catalog, PropertyId property,
                             OrganizationRepository organizations) {
        apply(builder, changes, catalog, property, OrganizationLookup.of(organizations));
    }

    /**
     * @param builder       the contact being changed
     * @param changes       the changes
     * @param catalog       contact attributes of the property
     * @param property      the property
     * @param organizations tells which linked organizations exist
     */
    @SuppressWarnings("unchecked")
    public static void apply(Contact.Builder builder, AttributeChanges changes, AttributeCatalog catalog, PropertyId property,
                             OrganizationLookup organizations) {
        for (Map.Entry<String, Object> e : changes.values().entrySet()) {
            String attribute = e.getKey();
            Object value = e.getValue();
            AttributeDefinition d = catalog.require(attribute);
            switch (attribute) {
                case "updated":
                case BuiltInAttributes.ORGANIZATION_NAME:
                    throw new InvalidValueException(attribute, "is maintained by the SDK and cannot be written");
                case "primaryEmail":
                    builder.set("emails", withFirst((List<String>) builder.get("emails"), Values.of(attribute, d.type(), value)));
                    break;
                case "primaryPhone":
                    builder.set("phones", withFirst((List<String>) builder.get("phones"), Values.of(attribute, d.type(), value)));
                    break;
                case BuiltInAttributes.ORGANIZATION:
                    builder.set(attribute, organizationIds(value, property, organizations));
                    break;
                default:
                    builder.set(attribute, Values.of(attribute, d.type(), value));
            }
        }
    }

    /**
     * @param builder the organization being changed
     * @param changes the changes
     * @param catalog organization attributes of the property
     */
    public static void apply(Organization.Builder builder, AttributeChanges changes, AttributeCatalog catalog) {
        for (Map.Entry<String, Object> e : changes.values().entrySet()) {
            String attribute = e.getKey();
            AttributeDefinition d = catalog.require(attribute);
            if (attribute.equals("updated") || attribute.equals("contacts")) {
                throw new InvalidValueException(attribute, "is maintained by the SDK and cannot be written");
            }
            builder.set(attribute, Values.of(attribute, d.type(), e.getValue()));
        }
    }

    /** Setting a primary value moves it first; clearing it drops the first element. */
    private static List<String> withFirst(List<String> current, Object primary) {
        List<String> result = new ArrayList<>();
        List<String> rest = current == null ? List.of() : current;
        if (primary == null) {
            return rest.isEmpty() ? List.of() : new ArrayList<>(rest.subList(1, rest.size()));
        }
        result.add((String) primary);
        result.addAll(rest); // fold-duplicates of the new primary are dropped by normalisation, keeping it first
        return result;
    }

    /**
     * The organization ids a change links, for reading them ahead of a batch; a malformed
     * value gives none (applying the change rejects it).
     *
     * @param changes a contact change
     * @return the ids it names
     */
    public static List<OrganizationId> linkedOrganizations(AttributeChanges changes) {
        try {
            return parseOrganizationIds(changes.values().get(BuiltInAttributes.ORGANIZATION));
        } catch (InvalidValueException e) {
            return List.of();
        }
    }

    private static List<OrganizationId> parseOrganizationIds(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection)) {
            throw new InvalidValueException(BuiltInAttributes.ORGANIZATION, "expected a list of organization ids");
        }
        List<OrganizationId> ids = new ArrayList<>();
        for (Object o : (Collection<?>) value) {
            if (o instanceof OrganizationId) {
                ids.add((OrganizationId) o);
            } else if (o instanceof String) {
                ids.add(OrganizationId.parse((String) o));
            } else {
                throw new InvalidValueException(BuiltInAttributes.ORGANIZATION, "expected organization ids, got " + o);
            }
        }
        return ids;
    }

    private static List<OrganizationId> organizationIds(Object value, PropertyId property, OrganizationLookup organizations) {
        List<OrganizationId> ids = parseOrganizationIds(value);
        if (ids.isEmpty()) {
            return ids;
        }
        Set<OrganizationId> found = organizations.existing(property, ids);
        for (OrganizationId id : ids) {
            if (!found.contains(id)) {
                throw new NotFoundException("organization " + id + " does not exist in property " + property);
            }
        }
        return ids;
    }
}
