package dev.contacts.sample;

import static dev.contacts.sample.EdgeValues.BOOLEANS;
import static dev.contacts.sample.EdgeValues.COUNTERS;
import static dev.contacts.sample.EdgeValues.DATES;
import static dev.contacts.sample.EdgeValues.TEXTS;

import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Edge values on every attribute. Each attribute draws from its pool in {@link EdgeValues}:
 * contact #i takes entry {@code (i + rotation) mod size} while {@code i < size}, the rotation
 * depending on seed, property and attribute, so every entry
 * of every pool occurs in every property once there are as many contacts as the largest pool
 * (see {@link SampleSpec#ADVERSARIAL_FULL_COVERAGE}); later contacts draw at random.
 */
final class AdversarialGenerator extends Generator {
    private static final String[] ZONES = {"UTC", "Europe/Paris", "Pacific/Chatham", "America/New_York"};
    private static final String[] NAME_SUFFIXES = {"Straße", "ΟΔΟΣ", "İstanbul " + EdgeValues.EMOJI, "Cafe\u0301 100%_"};

    /** Emails of one contact, by mode. */
    private enum EmailMode { UNSET, EMPTY, BLANK, CASE_DUPLICATE, PADDED, ONE, TWO, THREE }

    private static final EmailMode[] EMAIL_MODES = EmailMode.values();

    /** Organization links of one contact, by count; -1 unset, 0 empty list, 4 = three with a duplicate. */
    private static final Integer[] LINK_MODES = {-1, 0, 1, 1, 2, 3, 4};

    AdversarialGenerator(SampleSpec spec) {
        super(spec);
    }

    @Override
    Property property(int p) {
        String name = "Edge cases " + Character.toUpperCase(propertyKey(p).charAt(5)) + (p < 26 ? "" : String.valueOf(p))
                + " \u2014 " + NAME_SUFFIXES[p % NAME_SUFFIXES.length];
        return new Property(PropertyId.of(propertyKey(p)), name, ZoneId.of(ZONES[p % ZONES.length]));
    }

    /** @return the base of the per-attribute rotations of one kind of item in one property, which depends on the seed */
    private long salts(int stream, int p) {
        return Seeds.mix(Seeds.mix(spec.seed() ^ stream) + p);
    }

    /** @return the rotation of one attribute slot ({@code salts(..) + slot number}): independent between slots, seeds and properties */
    private static int rotation(long slot) {
        return (int) (Seeds.mix(slot) >>> 33);
    }

    /**
     * Draws from a pool: while {@code index < pool.length}, entry {@code (index + rotation) mod
     * length}, so the first {@code pool.length} items cover the whole pool; later ones at random.
     */
    private static <T> T edge(T[] pool, int index, long salt, SplittableRandom r) {
        if (index < pool.length) {
            return pool[Math.floorMod(index + rotation(salt), pool.length)];
        }
        return pool[r.nextInt(pool.length)];
    }

    /**
     * Organization names are unique per property by fold (stores enforce it), so the
     * edge names whose folds repeat (Acme/ACME, Café spelled two ways) are told apart by a
     * suffix, as are the names after the first round of the pool.
     */
    private static String organizationName(int index, long salt, SplittableRandom r) {
        String base = edge(EdgeValues.ORGANIZATION_NAMES, index, salt, r).strip();
        if (index < EdgeValues.ORGANIZATION_NAMES.length && EdgeValues.FIRST_OF_ITS_FOLD.contains(base)) {
            return base;
        }
        String suffix = " #" + index;
        int room = 500 - suffix.length();
        return (base.codePointCount(0, base.length()) > room ? base.substring(0, base.offsetByCodePoints(0, room)) : base) + suffix;
    }

    private static <T> T edge(List<T> pool, int index, long salt, SplittableRandom r) {
        if (index < pool.size()) {
            return pool.get(Math.floorMod(index + rotation(salt), pool.size()));
        }
        return pool.get(r.nextInt(pool.size()));
    }

    /** A set input: the explicit lists first, then mostly random subsets of the small element pool. */
    private static List<String> set(int index, long salt, SplittableRandom r) {
        if (index < EdgeValues.SET_LISTS.size() || Seeds.chance(r, 0.15)) {
            return edge(EdgeValues.SET_LISTS, index, salt, r);
        }
        int n = r.nextInt(5);
        List<String> elements = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            elements.add(Seeds.pick(r, EdgeValues.SET_ELEMENTS));
        }
        return elements;
    }

    /** Sets {@code first} and {@code last} to two pool dates, ordered when both are known. */
    private static void datePair(Contact.Builder b, String first, String last, int index, long salt, SplittableRandom r) {
        Instant a = edge(DATES, index, salt, r);
        Instant z = edge(DATES, index, salt + 1000, r);
        if (a != null && z != null && a.isAfter(z)) {
            Instant t = a;
            a = z;
            z = t;
        }
        b.set(first, a).set(last, z);
    }

    @Override
    Organization organization(int p, int index) {
        SplittableRandom r = Seeds.random(spec.seed(), Seeds.ORGANIZATION, p, index);
        long salt = salts(Seeds.ORGANIZATION, p);
        Organization.Builder b = Organization.builder(organizationId(p, index))
                .set("name", organizationName(index, salt, r))
                .set("domains", edge(EdgeValues.ORGANIZATION_DOMAINS, index, salt + 1, r))
                .set("tags", set(index, salt + 2, r))
                .set("phone", edge(EdgeValues.ORGANIZATION_PHONES, index, salt + 3, r))
                .set("country", edge(EdgeValues.COUNTRIES, index, salt + 4, r))
                .set("city", edge(EdgeValues.CITIES, index, salt + 5, r))
                .set("region", edge(EdgeValues.REGIONS, index, salt + 6, r));
        Instant created = edge(DATES, index, salt + 7, r);
        Instant updated = edge(DATES, index, salt + 8, r);
        if (created != null && updated != null && created.isAfter(updated)) {
            Instant t = created;
            created = updated;
            updated = t;
        }
        b.set("created", created).set("updated", updated);
        b.set(INDUSTRY.name(), edge(TEXTS, index, salt + 9, r));
        b.set(EMPLOYEES.name(), edge(EdgeValues.NUMBERS, index, salt + 10, r));
        b.set(PARTNER.name(), edge(BOOLEANS, index, salt + 11, r));
        return b.build();
    }

    @Override
    Contact contact(int p, int index) {
        SplittableRandom r = Seeds.random(spec.seed(), Seeds.CONTACT, p, index);
        long salt = salts(Seeds.CONTACT, p);
        Contact.Builder b = Contact.builder(contactId(p, index));
        b.set("name", edge(TEXTS, index, salt, r));
        b.set("emails", emails(edge(EMAIL_MODES, index, salt + 1, r), index, r));
        b.set("phones", edge(EdgeValues.PHONES, index, salt + 2, r));
        b.set("organization", links(edge(LINK_MODES, index, salt + 3, r), p, r));
        b.set("jobTitle", edge(EdgeValues.JOB_TITLES, index, salt + 4, r));
        b.set("tags", set(index, salt + 5, r));
        b.set("facebookUrl", edge(EdgeValues.FACEBOOK_URLS, index, salt + 6, r));
        b.set("linkedinUrl", edge(EdgeValues.LINKEDIN_URLS, index, salt + 7, r));
        b.set("twitterHandle", edge(EdgeValues.TWITTER_HANDLES, index, salt + 8, r));
        b.set("instagramHandle", edge(EdgeValues.INSTAGRAM_HANDLES, index, salt + 9, r));
        b.set("country", edge(EdgeValues.COUNTRIES, index, salt + 10, r));
        b.set("city", edge(EdgeValues.CITIES, index, salt + 11, r));
        b.set("region", edge(EdgeValues.REGIONS, index, salt + 12, r));
        b.set("hostname", edge(EdgeValues.HOSTNAMES, index, salt + 13, r));
        b.set("ip", edge(EdgeValues.IPS, index, salt + 14, r));
        b.set("os", edge(EdgeValues.OSES, index, salt + 15, r));
        b.set("browser", edge(EdgeValues.BROWSERS, index, salt + 16, r));
        datePair(b, "firstWebSession", "lastWebSession", index, salt + 17, r);
        b.set("totalWebSessions", edge(COUNTERS, index, salt + 18, r));
        b.set("pagesViewed", edge(COUNTERS, index, salt + 19, r));
        b.set("timeSpent", edge(EdgeValues.DURATIONS, index, salt + 20, r));
        datePair(b, "firstLiveChat", "lastLiveChat", index, salt + 21, r);
        b.set("totalLiveChats", edge(COUNTERS, index, salt + 22, r));
        datePair(b, "firstTicket", "lastTicket", index, salt + 23, r);
        b.set("totalTickets", edge(COUNTERS, index, salt + 24, r));
        datePair(b, "created", "updated", index, salt + 25, r);
        datePair(b, "firstSeen", "lastSeen", index, salt + 26, r);
        b.set(PLAN.name(), edge(TEXTS, index, salt + 27, r));
        b.set(INTERESTS.name(), set(index, salt + 28, r));
        b.set(SCORE.name(), edge(EdgeValues.NUMBERS, index, salt + 29, r));
        b.set(RENEWAL.name(), edge(DATES, index, salt + 30, r));
        b.set(VIP.name(), edge(BOOLEANS, index, salt + 31, r));
        return b.build();
    }

    private List<OrganizationId> links(int mode, int p, SplittableRandom r) {
        int organizations = spec.organizationsPerProperty();
        if (mode < 0 || organizations == 0) {
            return null;
        }
        List<OrganizationId> links = new ArrayList<>();
        for (int k = 0; k < Math.min(mode, 3); k++) {
            links.add(organizationId(p, r.nextInt(organizations)));
        }
        if (mode == 4) {
            links.add(links.get(0)); // a duplicate link, dropped by the builder
        }
        return links;
    }

    /**
     * Emails whose local part ends with {@code .<index>} after a digit-free prefix, so they
     * are unique by fold in the property whatever the case and Unicode of the rest.
     */
    private static List<String> emails(EmailMode mode, int index, SplittableRandom r) {
        switch (mode) {
            case UNSET:
                return null;
            case EMPTY:
                return List.of();
            case BLANK:
                return Arrays.asList("  ", "");
            case CASE_DUPLICATE:
                return List.of("Straße." + index + "@Example.COM", "straße." + index + "@example.com", "STRASSE." + index + "@example.com");
            case PADDED:
                return List.of("  a_b." + index + "@example.com\t");
            default:
                int n = mode.ordinal() - EmailMode.ONE.ordinal() + 1;
                List<String> emails = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    emails.add(Seeds.pick(r, EdgeValues.EMAIL_LOCALS) + "." + index + "@" + Seeds.pick(r, EdgeValues.EMAIL_DOMAINS));
                }
                return emails;
        }
    }
}
