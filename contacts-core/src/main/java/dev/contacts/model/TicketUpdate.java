package dev.contacts.model;

import dev.contacts.InvalidValueException;
import java.util.List;
import java.util.Optional;

/**
 * A partial change of a ticket's fields: status, priority, assignee, tags. Fields not set
 * keep their value. Applied with optimistic locking by {@code TicketService.update}.
 *
 * <pre>{@code
 * TicketUpdate.builder().status(TicketStatus.SOLVED).assignee(Assignee.agent("alice")).build()
 * }</pre>
 */
public final class TicketUpdate {
    private final TicketStatus status;
    private final Priority priority;
    private final boolean assigneeSet;
    private final Assignee assignee;
    private final List<String> tags;

    private TicketUpdate(Builder b) {
        this.status = b.status;
        this.priority = b.priority;
        this.assigneeSet = b.assigneeSet;
        this.assignee = b.assignee;
        this.tags = b.tags == null ? null : Values.textSet("tags", b.tags);
    }

    /** @return a builder of an empty change */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param status the new status
     * @return a change of the status only
     */
    public static TicketUpdate status(TicketStatus status) {
        return builder().status(status).build();
    }

    /** @return the new status, if it changes */
    public Optional<TicketStatus> newStatus() {
        return Optional.ofNullable(status);
    }

    /** @return the new priority, if it changes */
    public Optional<Priority> newPriority() {
        return Optional.ofNullable(priority);
    }

    /** @return whether the assignee changes ({@link #newAssignee()} empty then means unassigned) */
    public boolean changesAssignee() {
        return assigneeSet;
    }

    /** @return the new assignee; empty when it does not change or is removed (see {@link #changesAssignee()}) */
    public Optional<Assignee> newAssignee() {
        return Optional.ofNullable(assignee);
    }

    /** @return the new tags (normal form), if they change */
    public Optional<List<String>> newTags() {
        return Optional.ofNullable(tags);
    }

    @Override
    public String toString() {
        return "TicketUpdate[status=" + status + ", priority=" + priority + (assigneeSet ? ", assignee=" + assignee : "")
                + (tags == null ? "" : ", tags=" + tags) + "]";
    }

    /** Collects the change. */
    public static final class Builder {
        private TicketStatus status;
        private Priority priority;
        private boolean assigneeSet;
        private Assignee assignee;
        private List<String> tags;

        private Builder() {
        }

        /**
         * @param value the new status
         * @return this builder
         */
        public Builder status(TicketStatus value) {
            this.status = required("status", value);
            return this;
        }

        /**
         * @param value the new priority
         * @return this builder
         */
        public Builder priority(Priority value) {
            this.priority = required("priority", value);
            return this;
        }

        /**
         * @param value the new assignee (use {@link #unassign()} to remove it)
         * @return this builder
         */
        public Builder assignee(Assignee value) {
            this.assignee = required("assignee", value);
            this.assigneeSet = true;
            return this;
        }

        /** @return this builder, removing the assignee */
        public Builder unassign() {
            this.assignee = null;
            this.assigneeSet = true;
            return this;
        }

        /**
         * @param value the new tags (an empty list removes them all)
         * @return this builder
         */
        public Builder tags(List<String> value) {
            this.tags = required("tags", value);
            return this;
        }

        private static <T> T required(String field, T value) {
            if (value == null) {
                throw new InvalidValueException(field, "give a value, or leave " + field + " out of the change");
            }
            return value;
        }

        /**
         * @return the change
         * @throws InvalidValueException if the tags are invalid
         */
        public TicketUpdate build() {
            return new TicketUpdate(this);
        }
    }
}
