package dev.contacts.model;

import dev.contacts.InvalidValueException;

/**
 * Who a ticket is assigned to: an agent or a department of the host, by the host's id.
 * The SDK checks the id with the host's {@link dev.contacts.host.Directory} when a ticket
 * is created or reassigned.
 *
 * @param kind agent or department
 * @param id   the host's id, normalised as TEXT (at most 500 characters), not blank
 */
public record Assignee(Kind kind, String id) {
    /** What an assignee is. */
    public enum Kind {
        /** One agent. */
        AGENT,
        /** A department (a team of agents). */
        DEPARTMENT
    }

    /**
     * Validates and normalises the id.
     *
     * @param kind agent or department
     * @param id   the host's id, normalised as TEXT (at most 500 characters), not blank
     * @throws InvalidValueException naming {@code assignee} if the kind is missing or the id blank or invalid
     */
    public Assignee {
        if (kind == null) {
            throw new InvalidValueException("assignee", "say whether the assignee is an agent or a department");
        }
        id = Values.text("assignee", id);
        if (id == null) {
            throw new InvalidValueException("assignee", "the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " id is blank");
        }
    }

    /**
     * @param agentId the host's agent id
     * @return an agent assignee
     */
    public static Assignee agent(String agentId) {
        return new Assignee(Kind.AGENT, agentId);
    }

    /**
     * @param departmentId the host's department id
     * @return a department assignee
     */
    public static Assignee department(String departmentId) {
        return new Assignee(Kind.DEPARTMENT, departmentId);
    }
}
