package dev.contacts.host;

/**
 * The host's directory of agents and departments: the SDK asks it whether an id exists
 * before storing it as a note author or a ticket assignee.
 *
 * <p>Implementations must be thread-safe: every service may call it from any thread.
 */
public interface Directory {
    /** A directory that accepts every id: the default when the host gives none. */
    Directory ACCEPT_ALL = new Directory() {
        @Override
        public boolean agentExists(String agentId) {
            return true;
        }

        @Override
        public boolean departmentExists(String departmentId) {
            return true;
        }
    };

    /**
     * @param agentId an agent id of the host
     * @return whether it names an agent
     */
    boolean agentExists(String agentId);

    /**
     * @param departmentId a department id of the host
     * @return whether it names a department
     */
    boolean departmentExists(String departmentId);
}
