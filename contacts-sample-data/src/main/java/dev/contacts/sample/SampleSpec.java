package dev.contacts.sample;

import java.util.Objects;

/**
 * What to generate: a flavour, a seed and sizes. Sizes are always <em>per property</em>;
 * the totals are {@link #totalContacts()} and {@link #totalOrganizations()}. Two equal
 * specs generate equal data (same ids, same values, same order).
 *
 * <p>Typical specs:
 * <ul>
 *   <li>{@code SampleSpec.realistic(42, 1_000_000)}: one property with a million plausible
 *       contacts (stream them with {@link SampleData#contactsStream}) and 50,000 organizations;</li>
 *   <li>{@code SampleSpec.adversarial(42)}: the TCK default, 3 properties &times;
 *       {@value #DEFAULT_ADVERSARIAL_CONTACTS_PER_PROPERTY} contacts (2,100 in total) and
 *       3 &times; {@value #MIN_ADVERSARIAL_ORGANIZATIONS_PER_PROPERTY} organizations;</li>
 *   <li>{@code SampleSpec.realistic(7, 5_000).withProperties(3)}: three demo properties.</li>
 * </ul>
 *
 * @param flavour                  realistic (demo, benchmarks) or adversarial (TCK edge cases)
 * @param seed                     the seed every value and id derives from
 * @param properties               number of properties, 1..{@value #MAX_PROPERTIES} (adversarial: at least {@value #MIN_ADVERSARIAL_PROPERTIES})
 * @param contactsPerProperty      contacts in each property, 0..{@value #MAX_PER_PROPERTY}
 * @param organizationsPerProperty organizations in each property, 0..{@value #MAX_PER_PROPERTY}
 */
public record SampleSpec(Flavour flavour, long seed, int properties, int contactsPerProperty, int organizationsPerProperty) {

    /** The two kinds of data the generator makes. */
    public enum Flavour {
        /** Plausible people and companies with consistent activity statistics: demos, CLI, benchmarks. */
        REALISTIC,
        /** Values on every edge of docs/filter-semantics.md (unknowns, Unicode folds, metacharacters, limits, DST): the TCK. */
        ADVERSARIAL
    }

    /** Most properties a spec may ask for. */
    public static final int MAX_PROPERTIES = 100;
    /** Most contacts (and organizations) per property: ids keep one distinct millisecond each. */
    public static final int MAX_PER_PROPERTY = 1 << 30;
    /** Fewest properties of adversarial data, so cross-property isolation is always exercised. */
    public static final int MIN_ADVERSARIAL_PROPERTIES = 3;
    /** Contacts per property of {@link #adversarial(long)}: 3 properties give 2,100 contacts. */
    public static final int DEFAULT_ADVERSARIAL_CONTACTS_PER_PROPERTY = 700;
    /** Fewest organizations per property that adversarial specs choose by default. */
    public static final int MIN_ADVERSARIAL_ORGANIZATIONS_PER_PROPERTY = 20;
    /**
     * Adversarial contacts per property from which every edge value of every attribute is
     * guaranteed to occur in each property (smaller sizes still work, with fewer edges).
     */
    public static final int ADVERSARIAL_FULL_COVERAGE = 200;

    /**
     * Validates the sizes.
     *
     * @param flavour                  realistic or adversarial
     * @param seed                     the seed
     * @param properties               number of properties
     * @param contactsPerProperty      contacts in each property
     * @param organizationsPerProperty organizations in each property
     * @throws IllegalArgumentException if a size is out of range for the flavour
     */
    public SampleSpec {
        Objects.requireNonNull(flavour, "flavour");
        int minProperties = flavour == Flavour.ADVERSARIAL ? MIN_ADVERSARIAL_PROPERTIES : 1;
        if (properties < minProperties || properties > MAX_PROPERTIES) {
            throw new IllegalArgumentException(flavour + " data needs " + minProperties + ".." + MAX_PROPERTIES
                    + " properties, not " + properties);
        }
        if (contactsPerProperty < 0 || contactsPerProperty > MAX_PER_PROPERTY) {
            throw new IllegalArgumentException("contacts per property must be 0.." + MAX_PER_PROPERTY + ", not " + contactsPerProperty);
        }
        if (organizationsPerProperty < 0 || organizationsPerProperty > MAX_PER_PROPERTY) {
            throw new IllegalArgumentException("organizations per property must be 0.." + MAX_PER_PROPERTY + ", not " + organizationsPerProperty);
        }
    }

    /**
     * Realistic data in one property, with about one organization per 20 contacts.
     *
     * @param seed                the seed
     * @param contactsPerProperty contacts in the property (1,000,000 is fine when streamed)
     * @return the spec
     */
    public static SampleSpec realistic(long seed, int contactsPerProperty) {
        int organizations = contactsPerProperty == 0 ? 0 : Math.max(1, (int) ((contactsPerProperty + 19L) / 20));
        return new SampleSpec(Flavour.REALISTIC, seed, 1, contactsPerProperty, organizations);
    }

    /**
     * Adversarial data in {@value #MIN_ADVERSARIAL_PROPERTIES} properties, with
     * max({@value #MIN_ADVERSARIAL_ORGANIZATIONS_PER_PROPERTY}, contacts / 20) organizations
     * in each. Every edge value occurs in every property once {@code contactsPerProperty}
     * is at least {@value #ADVERSARIAL_FULL_COVERAGE}.
     *
     * @param seed                the seed
     * @param contactsPerProperty contacts in <em>each</em> property
     * @return the spec
     */
    public static SampleSpec adversarial(long seed, int contactsPerProperty) {
        int organizations = Math.max(MIN_ADVERSARIAL_ORGANIZATIONS_PER_PROPERTY, (int) ((contactsPerProperty + 19L) / 20));
        return new SampleSpec(Flavour.ADVERSARIAL, seed, MIN_ADVERSARIAL_PROPERTIES, contactsPerProperty, organizations);
    }

    /**
     * The TCK's default: adversarial data in 3 properties of
     * {@value #DEFAULT_ADVERSARIAL_CONTACTS_PER_PROPERTY} contacts and
     * {@value #MIN_ADVERSARIAL_ORGANIZATIONS_PER_PROPERTY} organizations each (2,100
     * contacts and 60 organizations in total).
     *
     * @param seed the seed
     * @return the spec
     */
    public static SampleSpec adversarial(long seed) {
        return adversarial(seed, DEFAULT_ADVERSARIAL_CONTACTS_PER_PROPERTY);
    }

    /**
     * @param count number of properties (sizes stay per property)
     * @return this spec with another number of properties
     * @throws IllegalArgumentException if out of range for the flavour
     */
    public SampleSpec withProperties(int count) {
        return new SampleSpec(flavour, seed, count, contactsPerProperty, organizationsPerProperty);
    }

    /**
     * @param count organizations in each property
     * @return this spec with another number of organizations per property
     */
    public SampleSpec withOrganizationsPerProperty(int count) {
        return new SampleSpec(flavour, seed, properties, contactsPerProperty, count);
    }

    /**
     * @param newSeed another seed
     * @return this spec with another seed
     */
    public SampleSpec withSeed(long newSeed) {
        return new SampleSpec(flavour, newSeed, properties, contactsPerProperty, organizationsPerProperty);
    }

    /** @return contacts over all properties */
    public long totalContacts() {
        return (long) properties * contactsPerProperty;
    }

    /** @return organizations over all properties */
    public long totalOrganizations() {
        return (long) properties * organizationsPerProperty;
    }
}
