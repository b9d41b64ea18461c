package dev.contacts.examples;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of the host application itself, written in the same transaction as SDK calls ({@link OneTransaction}). */
@Entity
@Table(name = "support_case")
public class SupportCase {
    @Id
    private long id;
    private String title;

    /** For JPA. */
    protected SupportCase() {
    }

    /**
     * @param id    the case number
     * @param title what it is about
     */
    public SupportCase(long id, String title) {
        this.id = id;
        this.title = title;
    }

    /** @return what it is about */
    public String title() {
        return title;
    }
}
