package dev.contacts.query;

import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.util.List;
import java.util.Objects;

/**
 * How a list of contacts or organizations is shown: its columns and its sort. A property
 * may save one list view per target, and each agent one of their own; reading falls back
 * from the agent's view to the property's to {@link #defaultFor the built-in one}.
 *
 * <p>The record checks the shape (1 to {@value #MAX_COLUMNS} columns, none twice, the
 * agent id in TEXT normal form); the {@code ListViewService} checks that every column is
 * an attribute of the property (built in, or {@code custom.<key>} defined for the target)
 * and that the sort attribute is sortable.
 *
 * @param target  contacts or organizations
 * @param agent   the host's agent id whose view this is, or {@code null} for the property's
 * @param columns the attribute names shown, in order
 * @param sort    the sort
 */
public record ListView(Target target, String agent, List<String> columns, Sort sort) {
    /** Most columns of a list view or a segment. */
    public static final int MAX_COLUMNS = 50;

    private static final ListView CONTACT_DEFAULT = new ListView(Target.CONTACT, null,
            List.of("primaryEmail", "primaryPhone", BuiltInAttributes.ORGANIZATION, "tags", "lastSeen"), Sort.CONTACT_DEFAULT);
    private static final ListView ORGANIZATION_DEFAULT = new ListView(Target.ORGANIZATION, null,
            List.of("domains", "phone", "country", "contacts", "updated"), Sort.ORGANIZATION_DEFAULT);

    /**
     * Validates the shape.
     *
     * @param target  contacts or organizations
     * @param agent   the host's agent id whose view this is, or {@code null} for the property's
     * @param columns the attribute names shown, in order
     * @param sort    the sort
     * @throws dev.contacts.InvalidValueException if the columns are empty, more than 50, blank or repeated, or the agent
     *                                            id is not acceptable text
     */
    public ListView {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sort, "sort");
        agent = Values.text("agent", agent);
        columns = ViewColumns.check(columns);
    }

    /**
     * The view every list has until the property or an agent saves another: for contacts the
     * primary email, primary phone, organization, tags and last seen, sorted by
     * {@code lastSeen desc}; for organizations the domains, phone, country, number of
     * contacts and last update, sorted by {@code name asc}.
     *
     * @param target contacts or organizations
     * @return the built-in view (no agent)
     */
    public static ListView defaultFor(Target target) {
        return Objects.requireNonNull(target, "target") == Target.CONTACT ? CONTACT_DEFAULT : ORGANIZATION_DEFAULT;
    }

    /**
     * @param target  contacts or organizations
     * @param columns the attribute names shown
     * @param sort    the sort
     * @return the property's view
     */
    public static ListView ofProperty(Target target, List<String> columns, Sort sort) {
        return new ListView(target, null, columns, sort);
    }

    /**
     * @param target  contacts or organizations
     * @param agent   the host's agent id
     * @param columns the attribute names shown
     * @param sort    the sort
     * @return that agent's view
     */
    public static ListView ofAgent(Target target, String agent, List<String> columns, Sort sort) {
        return new ListView(target, Objects.requireNonNull(agent, "agent"), columns, sort);
    }

    /** @return whether this is an agent's own view rather than the property's or the built-in one */
    public boolean forAgent() {
        return agent != null;
    }
}
