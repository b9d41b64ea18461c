package dev.contacts.filter;

/**
 * The operators of the contact attribute {@code organization} (docs/filter-semantics.md §4), for
 * {@code Filter.attr(Attr.ORGANIZATION)}: membership of organization ids, written as their
 * text ({@code OrganizationId.toString()}). To match organization names use
 * {@code Filter.attr(Attr.ORGANIZATION_NAME)}.
 */
public interface OrganizationConditions extends AttributeConditions {
    /**
     * @param organizationId an organization id
     * @return the contact is linked to it
     */
    Filter is(String organizationId);

    /**
     * @param organizationId an organization id
     * @return complement of {@link #is(String)}
     */
    Filter isNot(String organizationId);

    /**
     * @param organizationIds organization ids
     * @return the contact is linked to one of them
     */
    Filter isAnyOf(String... organizationIds);

    /**
     * @param organizationIds organization ids
     * @return complement of {@link #isAnyOf(String...)}
     */
    Filter isNoneOf(String... organizationIds);
}
