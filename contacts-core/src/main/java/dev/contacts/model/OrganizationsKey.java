package dev.contacts.model;

import java.util.List;

/**
 * The key of the contact attribute {@code organization}, the organizations a contact is
 * linked to (type {@link AttributeType#ORG_LINK}, values {@code List<OrganizationId>}): see
 * {@link AttrKey}. Its one instance is {@link Attr#ORGANIZATION}; there are no custom ones.
 */
public final class OrganizationsKey extends AttrKey<List<OrganizationId>> {
    OrganizationsKey(String name) {
        super(name, AttributeType.ORG_LINK);
    }
}
