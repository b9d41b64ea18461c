package dev.contacts.model;

import dev.contacts.InvalidValueException;

/** The normal form of the host's agent ids, shared by the records that name an agent. */
final class AgentIds {
    private AgentIds() {
    }

    /**
     * @param field   the field, for the error message
     * @param agentId an agent id as given
     * @return its normal form (TEXT on one line)
     * @throws InvalidValueException if it is missing, blank, not one line or too long
     */
    static String required(String field, String agentId) {
        String normal = Values.text(field, agentId);
        if (normal == null) {
            throw new InvalidValueException(field, "give the id of an agent of the host's directory");
        }
        if (normal.indexOf('\n') >= 0 || normal.indexOf('\r') >= 0 || normal.indexOf('\t') >= 0) {
            throw new InvalidValueException(field, "an agent id is one line without tabs");
        }
        return normal;
    }
}
