package dev.contacts.jpa;

import java.util.List;

/** The entity classes that map the schema, for Hibernate's validation and a host's persistence unit. */
final class Mapping {
    /** Every entity class, one per table. */
    static final List<Class<?>> ENTITY_CLASSES = List.of(
            dev.contacts.jpa.mapping.PropertyEntity.class,
            dev.contacts.jpa.mapping.AttributeDefinitionEntity.class,
            dev.contacts.jpa.mapping.OrganizationEntity.class,
            dev.contacts.jpa.mapping.OrganizationDomainEntity.class,
            dev.contacts.jpa.mapping.OrganizationTagEntity.class,
            dev.contacts.jpa.mapping.OrganizationCustomEntity.class,
            dev.contacts.jpa.mapping.ContactEntity.class,
            dev.contacts.jpa.mapping.ContactEmailEntity.class,
            dev.contacts.jpa.mapping.ContactPhoneEntity.class,
            dev.contacts.jpa.mapping.ContactTagEntity.class,
            dev.contacts.jpa.mapping.ContactOrganizationEntity.class,
            dev.contacts.jpa.mapping.ContactCustomEntity.class,
            dev.contacts.jpa.mapping.TicketCounterEntity.class,
            dev.contacts.jpa.mapping.TicketEntity.class,
            dev.contacts.jpa.mapping.TicketMessageEntity.class,
            dev.contacts.jpa.mapping.TicketEmailEntity.class,
            dev.contacts.jpa.mapping.SegmentEntity.class,
            dev.contacts.jpa.mapping.ListViewEntity.class,
            dev.contacts.jpa.mapping.ContactMergeEntity.class,
            dev.contacts.jpa.mapping.NoteEntity.class,
            dev.contacts.jpa.mapping.ActivityEventEntity.class,
            dev.contacts.jpa.mapping.ChatMessageEntity.class,
            dev.contacts.jpa.mapping.AttachmentBlobEntity.class);

    private Mapping() {
    }

    /** @return the names of the mapped tables, in the order of {@link #ENTITY_CLASSES} */
    static List<String> tables() {
        return ENTITY_CLASSES.stream().map(c -> c.getAnnotation(jakarta.persistence.Table.class).name()).toList();
    }
}
