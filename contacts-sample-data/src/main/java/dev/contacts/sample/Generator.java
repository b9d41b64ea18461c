package dev.contacts.sample;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import java.util.List;

/** One flavour of data: every object is a pure function of (spec, property index, index). */
abstract class Generator {
    /** Contact custom attributes: one of each customizable type. */
    static final AttributeDefinition PLAN = AttributeDefinition.custom(Target.CONTACT, "plan", "Plan", AttributeType.TEXT);
    static final AttributeDefinition INTERESTS = AttributeDefinition.custom(Target.CONTACT, "interests", "Interests", AttributeType.TEXT_SET);
    static final AttributeDefinition SCORE = AttributeDefinition.custom(Target.CONTACT, "score", "Score", AttributeType.NUMBER);
    static final AttributeDefinition RENEWAL = AttributeDefinition.custom(Target.CONTACT, "renewal", "Renewal date", AttributeType.DATE);
    static final AttributeDefinition VIP = AttributeDefinition.custom(Target.CONTACT, "vip", "VIP", AttributeType.BOOLEAN);
    /** Organization custom attributes. */
    static final AttributeDefinition INDUSTRY = AttributeDefinition.custom(Target.ORGANIZATION, "industry", "Industry", AttributeType.TEXT);
    static final AttributeDefinition EMPLOYEES = AttributeDefinition.custom(Target.ORGANIZATION, "employees", "Employees", AttributeType.NUMBER);
    static final AttributeDefinition PARTNER = AttributeDefinition.custom(Target.ORGANIZATION, "partner", "Partner", AttributeType.BOOLEAN);

    static final List<AttributeDefinition> ATTRIBUTES = List.of(PLAN, INTERESTS, SCORE, RENEWAL, VIP, INDUSTRY, EMPLOYEES, PARTNER);

    final SampleSpec spec;

    Generator(SampleSpec spec) {
        this.spec = spec;
    }

    static Generator of(SampleSpec spec) {
        return spec.flavour() == SampleSpec.Flavour.REALISTIC ? new RealisticGenerator(spec) : new AdversarialGenerator(spec);
    }

    /** @return the property id text of property #p: prop-a, prop-b, …, prop-z, prop-aa, … */
    static String propertyKey(int p) {
        StringBuilder letters = new StringBuilder();
        int n = p;
        do {
            letters.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return "prop-" + letters;
    }

    abstract Property property(int p);

    /** @return the custom attribute definitions of property #p (contacts and organizations) */
    List<AttributeDefinition> attributes(int p) {
        return ATTRIBUTES;
    }

    abstract Organization organization(int p, int index);

    abstract Contact contact(int p, int index);

    ContactId contactId(int p, int index) {
        return new ContactId(Seeds.contactUuid(spec.seed(), p, index));
    }

    OrganizationId organizationId(int p, int index) {
        return new OrganizationId(Seeds.organizationUuid(spec.seed(), p, index));
    }
}
