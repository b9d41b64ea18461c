package dev.contacts;

import java.util.List;

/**
 * A merge of two contacts was refused because the merged contact would break a limit
 * (more than 100 emails, phones or tags, a counter beyond 18 digits…). Nothing was
 * changed; {@link #violations()} lists what does not fit, so the caller can remove it
 * from one of the contacts and merge again.
 */
public class MergeRefusedException extends ContactsException {
    private static final long serialVersionUID = 1L;

    /** The violations, each naming the attribute and what does not fit. */
    private final List<String> violations;

    /** @param violations each naming the attribute and what does not fit */
    public MergeRefusedException(List<String> violations) {
        super("the merged contact would break " + violations.size() + " limit(s): " + String.join("; ", violations)
                + "; remove what does not fit from one of the contacts and merge again");
        this.violations = List.copyOf(violations);
    }

    /** @return what does not fit, one sentence per attribute */
    public List<String> violations() {
        return violations;
    }
}
