package dev.contacts.sample;

import static dev.contacts.sample.Seeds.chance;
import static dev.contacts.sample.Seeds.pick;
import static dev.contacts.sample.Seeds.weighted;

import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible contacts: mixed-language names, emails derived from name and index (so unique
 * per property), skewed countries with matching cities and phone prefixes, devices,
 * Zipf-distributed tags, and activity statistics that agree with each other.
 */
final class RealisticGenerator extends Generator {
    private static final String[] PROPERTY_NAMES = {
        "Acme Support", "Globex Help Desk", "Initech Customer Care", "Umbrella Service", "Northwind Sales",
    };
    private static final String[] ZONES = {
        "UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo",
    };
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long NOW = SampleData.REFERENCE_NOW.toEpochMilli();
    /** Contacts were created during the three years before {@link SampleData#REFERENCE_NOW}. */
    private static final long CONTACT_HISTORY = 3 * 365 * DAY;
    /** Organizations were created during the six years before. */
    private static final long ORGANIZATION_HISTORY = 6 * 365 * DAY;
    private static final double[] EMAIL_COUNT = Seeds.cumulative(70, 22, 8);
    private static final double[] PHONE_COUNT = Seeds.cumulative(35, 55, 10);
    private static final double[] LINK_COUNT = Seeds.cumulative(40, 50, 10);
    private static final double[] TAG_COUNT = Seeds.cumulative(30, 30, 20, 10, 6, 4);

    RealisticGenerator(SampleSpec spec) {
        super(spec);
    }

    @Override
    Property property(int p) {
        String name = PROPERTY_NAMES[p % PROPERTY_NAMES.length] + (p < PROPERTY_NAMES.length ? "" : " " + (p + 1));
        return new Property(PropertyId.of(propertyKey(p)), name, ZoneId.of(ZONES[p % ZONES.length]));
    }

    @Override
    Organization organization(int p, int index) {
        SplittableRandom r = Seeds.random(spec.seed(), Seeds.ORGANIZATION, p, index);
        Words.Place place = Words.PLACES.get(weighted(r, Words.PLACE_WEIGHTS));
        // names are unique per property by fold (stores enforce it): walk prefix x word
        // combinations by index, and number the rounds after the first
        int combinations = Words.ORG_PREFIXES.length * Words.ORG_WORDS.length;
        String prefix = Words.ORG_PREFIXES[index % Words.ORG_PREFIXES.length];
        String word = Words.ORG_WORDS[(index / Words.ORG_PREFIXES.length) % Words.ORG_WORDS.length];
        String round = index < combinations ? "" : " " + (index / combinations + 1);
        String suffix = Words.legalSuffix(place.country());
        Organization.Builder b = Organization.builder(organizationId(p, index))
                .set("name", prefix + " " + word + round + (suffix.isEmpty() ? "" : " " + suffix));
        String domain = Words.slug(prefix) + Words.slug(word) + "." + Words.companyTld(place.country());
        List<String> domains = new ArrayList<>();
        domains.add(domain);
        if (chance(r, 0.2)) {
            domains.add(Words.slug(prefix) + ".com");
        }
        b.set("domains", domains);
        List<String> tags = new ArrayList<>();
        int tagCount = r.nextInt(3);
        for (int t = 0; t < tagCount; t++) {
            tags.add(pick(r, Words.ORG_TAGS));
        }
        b.set("tags", tags);
        if (chance(r, 0.7)) {
            b.set("phone", phone(r, place));
        }
        if (chance(r, 0.9)) {
            String[] city = pick(r, place.cities());
            b.set("country", place.country()).set("city", city[0]).set("region", city[1]);
        }
        long created = NOW - 1 - r.nextLong(ORGANIZATION_HISTORY);
        b.set("created", Instant.ofEpochMilli(created));
        b.set("updated", Instant.ofEpochMilli(created + r.nextLong(NOW - created + 1)));
        if (chance(r, 0.7)) {
            b.set(INDUSTRY.name(), pick(r, Words.INDUSTRIES));
        }
        if (chance(r, 0.6)) {
            b.set(EMPLOYEES.name(), BigDecimal.valueOf((long) StrictMath.exp(r.nextDouble() * StrictMath.log(100_000))));
        }
        if (chance(r, 0.5)) {
            b.set(PARTNER.name(), chance(r, 0.2));
        }
        return b.build();
    }

    @Override
    Contact contact(int p, int index) {
        SplittableRandom r = Seeds.random(spec.seed(), Seeds.CONTACT, p, index);
        Contact.Builder b = Contact.builder(contactId(p, index));

        String first;
        String last;
        if (chance(r, 0.05)) {
            b.set("name", pick(r, Words.NATIVE_NAMES));
            first = "user";
            last = "";
        } else {
            first = pick(r, Words.FIRST_NAMES);
            last = pick(r, Words.LAST_NAMES);
            if (!chance(r, 0.04)) { // a few visitors left only an email
                b.set("name", first + " " + last);
            }
        }
        b.set("emails", emails(r, first, last, index));
        Words.Place place = Words.PLACES.get(weighted(r, Words.PLACE_WEIGHTS));
        List<String> phones = new ArrayList<>();
        int phoneCount = weighted(r, PHONE_COUNT);
        for (int k = 0; k < phoneCount; k++) {
            phones.add(phone(r, place));
        }
        b.set("phones", phones);
        if (spec.organizationsPerProperty() > 0) {
            List<OrganizationId> links = new ArrayList<>();
            int linkCount = weighted(r, LINK_COUNT);
            for (int k = 0; k < linkCount; k++) {
                links.add(organizationId(p, r.nextInt(spec.organizationsPerProperty())));
            }
            b.set("organization", links);
        }
        if (chance(r, 0.6)) {
            b.set("jobTitle", pick(r, Words.JOB_TITLES));
        }
        List<String> tags = new ArrayList<>();
        int tagCount = weighted(r, TAG_COUNT);
        for (int k = 0; k < tagCount; k++) {
            tags.add(Words.TAGS[weighted(r, Words.TAG_WEIGHTS)]);
        }
        b.set("tags", tags);
        String handle = Words.slug(first) + Words.slug(last);
        if (chance(r, 0.15)) {
            b.set("facebookUrl", "https://www.facebook.com/" + handle + "." + index);
        }
        if (chance(r, 0.25)) {
            b.set("linkedinUrl", "https://www.linkedin.com/in/" + handle + "-" + index);
        }
        if (chance(r, 0.10)) {
            b.set("twitterHandle", "@" + handle + index);
        }
        if (chance(r, 0.10)) {
            b.set("instagramHandle", "@" + handle + "_" + index);
        }

        long created = NOW - 1 - r.nextLong(CONTACT_HISTORY);
        b.set("created", Instant.ofEpochMilli(created));
        b.set("updated", Instant.ofEpochMilli(created + r.nextLong(NOW - created + 1)));
        if (chance(r, 0.85)) {
            activity(r, b, place, created);
        }

        if (chance(r, 0.6)) {
            b.set(PLAN.name(), Words.PLANS[weighted(r, Words.PLAN_WEIGHTS)]);
        }
        if (chance(r, 0.4)) {
            List<String> interests = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                interests.add(pick(r, Words.INTERESTS));
            }
            b.set(INTERESTS.name(), interests);
        }
        if (chance(r, 0.5)) {
            BigDecimal score = chance(r, 0.8) ? BigDecimal.valueOf(r.nextInt(101)) : BigDecimal.valueOf(r.nextInt(1001), 1);
            b.set(SCORE.name(), score);
        }
        if (chance(r, 0.3)) {
            long day = NOW / DAY - 180 + r.nextInt(545);
            b.set(RENEWAL.name(), Instant.ofEpochMilli(day * DAY));
        }
        if (chance(r, 0.4)) {
            b.set(VIP.name(), chance(r, 0.1));
        }
        return b.build();
    }

    /** Web sessions, live chats and tickets between {@code created} and now, with consistent statistics. */
    private static void activity(SplittableRandom r, Contact.Builder b, Words.Place place, long created) {
        boolean web = chance(r, 0.85);
        boolean chat = chance(r, 0.4);
        boolean tickets = chance(r, 0.2);
        if (!web && !chat && !tickets) {
            web = true;
        }
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        if (web) {
            long sessions = 1 + geometric(r, 4.0, 500);
            long[] span = span(r, created, sessions);
            long pages = 0;
            for (long s = 0; s < Math.min(sessions, 50); s++) {
                pages += 1 + r.nextInt(8);
            }
            pages = sessions <= 50 ? pages : pages * sessions / 50;
            b.set("firstWebSession", Instant.ofEpochMilli(span[0]))
                    .set("lastWebSession", Instant.ofEpochMilli(span[1]))
                    .set("totalWebSessions", BigDecimal.valueOf(sessions))
                    .set("pagesViewed", BigDecimal.valueOf(pages))
                    .set("timeSpent", BigDecimal.valueOf(pages * (5 + r.nextInt(175))));
            firstSeen = Math.min(firstSeen, span[0]);
            lastSeen = Math.max(lastSeen, span[1]);
        }
        if (chat) {
            long chats = 1 + geometric(r, 1.5, 40);
            long[] span = span(r, created, chats);
            b.set("firstLiveChat", Instant.ofEpochMilli(span[0]))
                    .set("lastLiveChat", Instant.ofEpochMilli(span[1]))
                    .set("totalLiveChats", BigDecimal.valueOf(chats));
            firstSeen = Math.min(firstSeen, span[0]);
            lastSeen = Math.max(lastSeen, span[1]);
        }
        if (tickets) {
            long count = 1 + geometric(r, 1.0, 20);
            long[] span = span(r, created, count);
            b.set("firstTicket", Instant.ofEpochMilli(span[0]))
                    .set("lastTicket", Instant.ofEpochMilli(span[1]))
                    .set("totalTickets", BigDecimal.valueOf(count));
            firstSeen = Math.min(firstSeen, span[0]);
            lastSeen = Math.max(lastSeen, span[1]);
        }
        b.set("firstSeen", Instant.ofEpochMilli(firstSeen)).set("lastSeen", Instant.ofEpochMilli(lastSeen));
        if (web || chat) { // location and device come with sessions and chats
            String[] city = pick(r, place.cities());
            b.set("country", place.country());
            if (chance(r, 0.9)) {
                b.set("city", city[0]).set("region", city[1]);
            }
            String ip = ip(r);
            b.set("ip", ip);
            if (chance(r, 0.7)) {
                b.set("hostname", (ip.indexOf(':') >= 0 ? "v6-" + Integer.toHexString(r.nextInt(1 << 20)) : ip.replace('.', '-'))
                        + "." + pick(r, Words.ISPS));
            }
            String[] device = Words.DEVICES[weighted(r, Words.DEVICE_WEIGHTS)];
            b.set("os", device[0]).set("browser", device[1]);
        }
    }

    /** @return first and last instant of {@code count} events after {@code created}; equal when count is 1 */
    private static long[] span(SplittableRandom r, long created, long count) {
        long first = created + r.nextLong(NOW - created);
        long last = count == 1 ? first : first + r.nextLong(NOW - first);
        return new long[] {first, last};
    }

    /** @return a geometric-like count with the given mean, at most max */
    private static long geometric(SplittableRandom r, double mean, long max) {
        return Math.min(max, (long) (-StrictMath.log(1 - r.nextDouble()) * mean));
    }

    private static List<String> emails(SplittableRandom r, String first, String last, int index) {
        String f = Words.slug(first);
        String l = Words.slug(last);
        if (f.isEmpty()) {
            f = "user";
        }
        String local;
        switch (r.nextInt(l.isEmpty() ? 1 : 6)) {
            case 1: local = f + "." + l + "."; break;
            case 2: local = f + l; break;
            case 3: local = f.charAt(0) + "." + l; break;
            case 4: local = f + "_" + l + "_"; break;
            case 5: local = l + "." + f; break;
            default: local = f + "."; break;
        }
        // The slug has no digits, so the trailing index makes every address unique in the property.
        local = local + index;
        int count = 1 + weighted(r, EMAIL_COUNT);
        List<String> emails = new ArrayList<>(count);
        List<String> domains = new ArrayList<>(count);
        while (domains.size() < count) {
            String d = Words.EMAIL_DOMAINS[weighted(r, Words.EMAIL_DOMAIN_WEIGHTS)];
            if (!domains.contains(d)) {
                domains.add(d);
            }
        }
        for (String d : domains) {
            emails.add(local + "@" + d);
        }
        return emails;
    }

    private static String phone(SplittableRandom r, Words.Place place) {
        return "+" + place.callingCode() + " " + (100 + r.nextInt(900)) + " " + (100 + r.nextInt(900)) + " " + (1000 + r.nextInt(9000));
    }

    private static String ip(SplittableRandom r) {
        if (chance(r, 0.1)) {
            return String.format("2a01:%x:%x::%x", r.nextInt(1 << 16), r.nextInt(1 << 16), 1 + r.nextInt(1 << 16));
        }
        int a;
        do {
            a = 1 + r.nextInt(223);
        } while (a == 10 || a == 127);
        return a + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
