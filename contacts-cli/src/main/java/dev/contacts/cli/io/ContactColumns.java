package dev.contacts.cli.io;

import dev.contacts.UnknownAttributeException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.OrganizationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a contact listing or file and their values: attribute names of docs/filter-semantics.md
 * §2 (built-in and {@code custom.<key>}), plus {@code id}, and {@code organizations} (names of
 * the linked organizations; {@code organization} shows the same names in listings).
 */
public final class ContactColumns {
    /** The list's default columns, as in the product: primary email, primary phone, organization, tags, last seen. */
    public static final List<String> DEFAULT = List.of("primaryEmail", "primaryPhone", BuiltInAttributes.ORGANIZATION, "tags", "lastSeen");
    /** Key of a contact's id in files. */
    public static final String ID = "id";
    /** Key of the names of a contact's organizations in files. */
    public static final String ORGANIZATIONS = "organizations";

    /** Derived or SDK-maintained attributes a file does not carry: import derives or sets them. */
    private static final Set<String> NOT_EXPORTED = Set.of("primaryEmail", "primaryPhone", "updated",
            BuiltInAttributes.ORGANIZATION, BuiltInAttributes.ORGANIZATION_NAME);

    private final List<String> columns;
    private final OrganizationNames organizations;

    /**
     * @param columns       the columns, checked with {@link #check}
     * @param organizations names of organizations by id
     */
    public ContactColumns(List<String> columns, OrganizationNames organizations) {
        this.columns = List.copyOf(columns);
        this.organizations = organizations;
    }

    /**
     * @param catalog the contact attributes of the property
     * @return every column {@code import} reads back: id, the writable built-in attributes in the product's
     *         order (organizations by name), then the custom ones
     */
    public static List<String> exportColumns(AttributeCatalog catalog) {
        List<String> columns = new ArrayList<>();
        columns.add(ID);
        for (AttributeDefinition d : sorted(catalog.all())) {
            if (d.name().equals(BuiltInAttributes.ORGANIZATION)) {
                columns.add(ORGANIZATIONS);
            } else if (!NOT_EXPORTED.contains(d.name())) {
                columns.add(d.name());
            }
        }
        return columns;
    }

    /**
     * @param definitions attribute definitions
     * @return the built-in ones in the product's order, then the custom ones by name (a catalogue has no order of its own)
     */
    public static List<AttributeDefinition> sorted(List<AttributeDefinition> definitions) {
        List<AttributeDefinition> result = new ArrayList<>();
        List<AttributeDefinition> custom = new ArrayList<>();
        for (AttributeDefinition d : definitions) {
            (d.builtIn() ? result : custom).add(d);
        }
        custom.sort(java.util.Comparator.comparing(AttributeDefinition::name));
        result.addAll(custom);
        return result;
    }

    /**
     * @param catalog   the contact attributes of the property
     * @param requested column names
     * @return them, checked
     * @throws UnknownAttributeException naming the first column that is not a contact attribute
     */
    public static List<String> check(AttributeCatalog catalog, List<String> requested) {
        for (String c : requested) {
            if (!c.equals(ID) && !c.equals(ORGANIZATIONS)
                    && (catalog.find(c) == null || c.equals(BuiltInAttributes.ORGANIZATION_NAME))) {
                throw new UnknownAttributeException(c, "'" + c + "' is not a contact attribute"
                        + (c.startsWith(AttributeDefinition.CUSTOM_PREFIX) ? " of this property (define it with 'contacts attributes define')"
                        : " (see 'contacts attributes list')"));
            }
        }
        return List.copyOf(requested);
    }

    /** @return the column names */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param contact a contact
     * @return its value in each column (organization names for {@code organization} and {@code organizations})
     */
    public List<Object> values(Contact contact) {
        List<Object> values = new ArrayList<>(columns.size());
        for (String c : columns) {
            values.add(value(contact, c));
        }
        return values;
    }

    private Object value(Contact contact, String column) {
        switch (column) {
            case ID:
                return contact.id().toString();
            case ORGANIZATIONS:
            case BuiltInAttributes.ORGANIZATION:
                List<OrganizationId> ids = contact.organizations();
                return organizations.names(ids);
            default:
                return contact.value(column);
        }
    }
}
