package dev.contacts.sample;

import dev.contacts.UnknownAttributeException;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.spi.ContactStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Deterministic sample data: properties, custom attribute definitions, organizations and
 * contacts, all derived from a {@link SampleSpec}. Nothing is held in memory but the
 * properties: every contact and organization is a pure function of (seed, property,
 * index), made on demand through {@link Contact#builder} / {@link Organization#builder},
 * so it is in normal form and equal each time it is asked for. This makes
 * {@link #contactsStream(PropertyId)} suitable for a million contacts in bounded memory,
 * in parallel too.
 *
 * <pre>{@code
 * SampleData data = SampleData.generate(SampleSpec.adversarial(seed));
 * for (Property p : data.properties()) {
 *     store.createProperty(p);
 *     data.attributes(p.id()).forEach(d -> store.define(p.id(), d));
 *     data.organizations(p.id()).forEach(o -> store.insert(p.id(), o));
 *     data.contactsStream(p.id()).forEach(c -> store.insert(p.id(), c));
 * }
 * }</pre>
 *
 * <p>Ids are UUIDs shaped like version 7 whose time field is a fixed base plus the index in
 * milliseconds (contacts from 2026-01-01T00:00Z, organizations from 2020-01-01T00:00Z, each
 * property on its own range), so ids increase with the index and never collide across
 * properties. Links from a contact only ever point to organizations of the same property.
 * Organizations are generated with {@code contacts = 0}: the linked-contact count is the
 * store's to maintain.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SampleData {
    /**
     * The instant the data is made relative to: realistic activity and creation dates lie
     * before it. Set a test clock to it to make "within last N days" filters meaningful.
     * Adversarial dates surround it (and reach the limits of the DATE range).
     */
    public static final Instant REFERENCE_NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Contacts read per property to collect {@link #sampleLiterals} (all of them for smaller data). */
    public static final int LITERAL_SCAN_LIMIT = 5_000;

    private final SampleSpec spec;
    private final Generator generator;
    private final List<Property> properties;
    private final Map<PropertyId, Integer> indexes;
    private final Map<String, Map<String, List<Object>>> literals = new ConcurrentHashMap<>();

    private SampleData(SampleSpec spec) {
        this.spec = spec;
        this.generator = Generator.of(spec);
        List<Property> list = new ArrayList<>(spec.properties());
        Map<PropertyId, Integer> map = new HashMap<>();
        for (int p = 0; p < spec.properties(); p++) {
            Property property = generator.property(p);
            list.add(property);
            map.put(property.id(), p);
        }
        this.properties = List.copyOf(list);
        this.indexes = Map.copyOf(map);
    }

    /**
     * Prepares the data of a spec. Cheap: contacts and organizations are made when asked for.
     *
     * @param spec what to generate
     * @return the data
     */
    public static SampleData generate(SampleSpec spec) {
        return new SampleData(Objects.requireNonNull(spec, "spec"));
    }

    /** @return the spec this data was generated from */
    public SampleSpec spec() {
        return spec;
    }

    /**
     * @return the properties, ids {@code prop-a}, {@code prop-b}, … in order; adversarial
     *         zones cycle through UTC, Europe/Paris, Pacific/Chatham, America/New_York
     */
    public List<Property> properties() {
        return properties;
    }

    /**
     * The custom attribute definitions of a property: for contacts {@code custom.plan}
     * (TEXT), {@code custom.interests} (TEXT_SET), {@code custom.score} (NUMBER),
     * {@code custom.renewal} (DATE) and {@code custom.vip} (BOOLEAN); for organizations
     * {@code custom.industry} (TEXT), {@code custom.employees} (NUMBER) and
     * {@code custom.partner} (BOOLEAN). Define them before inserting contacts.
     *
     * @param property a property of this data
     * @return the definitions, contacts' first; see {@link AttributeDefinition#target()}
     * @throws IllegalArgumentException if the property is not part of this data
     */
    public List<AttributeDefinition> attributes(PropertyId property) {
        return generator.attributes(index(property));
    }

    /**
     * Makes all organizations of a property (afresh on each call; keep the list if you need it twice).
     *
     * @param property a property of this data
     * @return {@link SampleSpec#organizationsPerProperty()} organizations in id order
     * @throws IllegalArgumentException if the property is not part of this data
     */
    public List<Organization> organizations(PropertyId property) {
        int p = index(property);
        List<Organization> list = new ArrayList<>(spec.organizationsPerProperty());
        for (int i = 0; i < spec.organizationsPerProperty(); i++) {
            list.add(generator.organization(p, i));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Makes one organization alone.
     *
     * @param property a property of this data
     * @param index    0 ≤ index &lt; {@link SampleSpec#organizationsPerProperty()}
     * @return the organization, equal to {@code organizations(property).get(index)}
     */
    public Organization organization(PropertyId property, int index) {
        int p = index(property);
        Objects.checkIndex(index, spec.organizationsPerProperty());
        return generator.organization(p, index);
    }

    /**
     * Makes all contacts of a property into one list (afresh on each call). Meant for
     * test-sized data; for large sizes use {@link #contactsStream(PropertyId)}.
     *
     * @param property a property of this data
     * @return {@link SampleSpec#contactsPerProperty()} contacts in id order
     * @throws IllegalArgumentException if the property is not part of this data
     */
    public List<Contact> contacts(PropertyId property) {
        return contactsStream(property).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The contacts of a property, made lazily one by one in id order: nothing is retained,
     * so a million contacts stream in bounded memory. The stream may be made parallel
     * (each contact depends only on its index).
     *
     * @param property a property of this data
     * @return a lazy stream of {@link SampleSpec#contactsPerProperty()} contacts
     * @throws IllegalArgumentException if the property is not part of this data
     */
    public Stream<Contact> contactsStream(PropertyId property) {
        int p = index(property);
        return IntStream.range(0, spec.contactsPerProperty()).mapToObj(i -> generator.contact(p, i));
    }

    /**
     * Makes one contact alone, without the ones before it.
     *
     * @param property a property of this data
     * @param index    0 ≤ index &lt; {@link SampleSpec#contactsPerProperty()}
     * @return the contact, equal to {@code contacts(property).get(index)}
     */
    public Contact contact(PropertyId property, int index) {
        int p = index(property);
        Objects.checkIndex(index, spec.contactsPerProperty());
        return generator.contact(p, index);
    }

    /**
     * Literal values present in the data, for a filter generator that wants conditions
     * matching something. For contacts, see {@link #sampleLiterals(PropertyId, Target, String)}.
     *
     * @param property  a property of this data
     * @param attribute a contact attribute
     * @return the distinct values, see the three-argument form
     */
    public List<Object> sampleLiterals(PropertyId property, String attribute) {
        return sampleLiterals(property, Target.CONTACT, attribute);
    }

    /**
     * Literal values present in the data for one attribute, in order of first appearance,
     * distinct by {@code equals} (so fold-equal spellings such as "VIP" and "vip" both
     * appear when both are stored). They are stored normal forms, typed as a filter operand
     * would be:
     * <ul>
     *   <li>TEXT: the {@code String} values; TEXT_SET ({@code tags}, {@code emails}, …):
     *       the individual elements;</li>
     *   <li>NUMBER: {@code BigDecimal}; DATE: {@code Instant} (derive local days in the
     *       property's zone for day operators); BOOLEAN: {@code Boolean};</li>
     *   <li>{@code organization}: the ids of the property's organizations as canonical
     *       {@code String}s (as written in filters); {@code organization.name}: their names.</li>
     * </ul>
     * Unknown values are never listed (use {@code is unknown} for them). Contact values
     * are collected from the first {@value #LITERAL_SCAN_LIMIT} contacts of the property,
     * organization values from the first {@value #LITERAL_SCAN_LIMIT} organizations.
     * The result is computed once per property and target and cached.
     *
     * @param property  a property of this data
     * @param target    whose attribute
     * @param attribute a built-in attribute, {@code organization.name}, or a custom one defined for the target
     * @return the distinct values, possibly empty, unmodifiable
     * @throws IllegalArgumentException if the property is not part of this data
     * @throws UnknownAttributeException if the attribute is not one of the target's in this property
     */
    public List<Object> sampleLiterals(PropertyId property, Target target, String attribute) {
        int p = index(property);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(attribute, "attribute");
        Map<String, List<Object>> all = literals.computeIfAbsent(property.value() + "/" + target, k -> collect(p, target));
        List<Object> values = all.get(attribute);
        if (values == null) {
            throw new UnknownAttributeException(attribute, "'" + attribute + "' is not a " + target.name().toLowerCase(java.util.Locale.ROOT)
                    + " attribute of property " + property + " in this sample data");
        }
        return values;
    }

    private Map<String, List<Object>> collect(int p, Target target) {
        Map<String, Set<Object>> sets = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (AttributeDefinition d : BuiltInAttributes.of(target)) {
            names.add(d.name());
        }
        for (AttributeDefinition d : generator.attributes(p)) {
            if (d.target() == target) {
                names.add(d.name());
            }
        }
        for (String name : names) {
            sets.put(name, new LinkedHashSet<>());
        }
        int organizations = Math.min(spec.organizationsPerProperty(), LITERAL_SCAN_LIMIT);
        List<Organization> orgs = new ArrayList<>(organizations);
        for (int i = 0; i < organizations; i++) {
            orgs.add(generator.organization(p, i));
        }
        if (target == Target.ORGANIZATION) {
            for (Organization o : orgs) {
                add(sets, names, o);
            }
        } else {
            int contacts = Math.min(spec.contactsPerProperty(), LITERAL_SCAN_LIMIT);
            for (int i = 0; i < contacts; i++) {
                add(sets, names, generator.contact(p, i));
            }
            Set<Object> ids = new LinkedHashSet<>();
            Set<Object> orgNames = new LinkedHashSet<>();
            for (Organization o : orgs) {
                ids.add(o.id().toString());
                orgNames.add(o.name());
            }
            sets.put(BuiltInAttributes.ORGANIZATION, ids);
            sets.put(BuiltInAttributes.ORGANIZATION_NAME, orgNames);
        }
        Map<String, List<Object>> result = new HashMap<>();
        sets.forEach((name, values) -> result.put(name, List.copyOf(values)));
        return Map.copyOf(result);
    }

    private static void add(Map<String, Set<Object>> sets, List<String> names, Attributed item) {
        for (String name : names) {
            if (name.equals(BuiltInAttributes.ORGANIZATION)) {
                continue; // filled from the organizations themselves
            }
            Object value = item.value(name);
            if (value instanceof Collection) {
                sets.get(name).addAll((Collection<?>) value);
            } else if (value != null) {
                sets.get(name).add(value);
            }
        }
    }

    private int index(PropertyId property) {
        Integer p = indexes.get(Objects.requireNonNull(property, "property"));
        if (p == null) {
            throw new IllegalArgumentException("property " + property + " is not part of this sample data (it has "
                    + properties.stream().map(x -> x.id().value()).collect(Collectors.joining(", ")) + ")");
        }
        return p;
    }

    /**
     * Writes the custom attribute definitions, organizations and contacts of one property of
     * this data into a property of a store, through the store SPI (dates and statistics as
     * generated), streaming the contacts. The target property must exist and be empty.
     *
     * @param source one of {@link #properties()}
     * @param store  the store
     * @param target the store's property that receives them
     */
    public void load(PropertyId source, ContactStore store, PropertyId target) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(target, "target");
        attributes(source).forEach(d -> store.attributes().create(target, d));
        organizations(source).forEach(o -> store.organizations().insert(target, o));
        contactsStream(source).forEach(c -> store.contacts().insert(target, c));
    }

    @Override
    public String toString() {
        return "SampleData" + spec;
    }
}
