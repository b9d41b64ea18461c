package dev.contacts.jpa;

import java.util.List;

/** The entity classes that map the schema, for Hibernate's validation and a host's persistence unit. */
final class Mapping {
    /** Every entity class, one per table. */
    static final List<Class<?>> ENTITY_CLASSES = List.of();

    private Mapping() {
    }
}
