package dev.contacts.model;

import dev.contacts.InvalidValueException;

/** The normal form of ids the host gives (agent ids, external ids of activity events), shared by the records holding them. */
final class HostIds {
    private HostIds() {
    }

    /**
     * @param field the field, for the error message
     * @param id    an id as given
     * @param hint  what to give instead of nothing, for the error message
     * @return its normal form: TEXT (NFC, stripped, at most 500 characters) on one line without tabs
     * @throws InvalidValueException if it is missing, blank, not one line or too long
     */
    static String required(String field, String id, String hint) {
        String normal = Values.text(field, id);
        if (normal == null) {
            throw new InvalidValueException(field, hint);
        }
        if (normal.indexOf('\n') >= 0 || normal.indexOf('\r') >= 0 || normal.indexOf('\t') >= 0) {
            throw new InvalidValueException(field, "an id is one line without tabs");
        }
        return normal;
    }

    /**
     * @param field   the field, for the error message
     * @param agentId an agent id as given
     * @return its normal form
     * @throws InvalidValueException if it is missing, blank, not one line or too long
     */
    static String agent(String field, String agentId) {
        return required(field, agentId, "give the id of an agent of the host's directory");
    }
}
