package dev.contacts.bench;

import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.query.Sort;

/**
 * What the suite measures, each on the same generated data for every store and its baseline.
 * The filters are written in the canonical text of docs/filter-semantics.md §6 and chosen on the
 * realistic flavour of {@code contacts-sample-data}: tags are Zipf-distributed
 * ({@code newsletter} the most common, {@code vip} the fourth), countries weighted (US 25%,
 * DE and FR 7%), 60% of contacts have a {@code custom.plan} of which 8% {@code enterprise}.
 */
public enum Scenario {
    /** First page (50) of a selective filter: a tag and a country. */
    SELECTIVE_FIRST_PAGE("tags is \"vip\" and country is \"DE\"", Kind.FIRST_PAGE),
    /** First page of a broad filter (about half of the contacts) sorted by lastSeen desc. */
    BROAD_SORTED_FIRST_PAGE("tags is any of [\"newsletter\", \"lead\", \"customer\"]", Kind.FIRST_PAGE),
    /** First page of a negative filter: contacts without the most common tag, untagged ones included. */
    NEGATIVE_FIRST_PAGE("tags is not \"newsletter\"", Kind.FIRST_PAGE),
    /** First page of a custom attribute filter. */
    CUSTOM_ATTRIBUTE_FIRST_PAGE("custom.plan is \"enterprise\"", Kind.FIRST_PAGE),
    /** First page of an OR of three filter groups. */
    OR_OF_GROUPS_FIRST_PAGE("tags is \"vip\" and country is \"FR\" or custom.plan is \"business\" and country is \"GB\""
            + " or tags is \"trial\" and lastSeen within last 30 days", Kind.FIRST_PAGE),
    /**
     * First page of an OR of two rare groups (two of the rarest tags, about 0.7% each, with a
     * country: about 0.1% of the contacts): the case where a walk of the sort index stopped at
     * the page reads tens of thousands of rows, so a store must not take it unbounded.
     */
    RARE_OR_FIRST_PAGE("tags is \"survey-sent\" and country is \"DE\" or tags is \"gdpr-request\" and country is \"FR\"",
            Kind.FIRST_PAGE),
    /** The page of 50 after half of the broad filter's matching rows, reached by cursor. */
    DEEP_PAGE(BROAD_SORTED_FIRST_PAGE.filterText, Kind.DEEP_PAGE),
    /** Exact count of the broad filter. */
    BROAD_COUNT(BROAD_SORTED_FIRST_PAGE.filterText, Kind.COUNT),
    /** First page (50) of the timeline of a contact with 10,000 items (notes, chats, ticket messages). */
    TIMELINE_PAGE(null, Kind.TIMELINE),
    /** Import of contacts into an empty property in batches (upsert by email); reported in rows/s. */
    IMPORT_CONTACTS(null, Kind.IMPORT),
    /** Activity ingestion: web sessions of known contacts, two threads; reported in events/s. */
    INGEST_EVENTS(null, Kind.INGEST);

    /** How a scenario is run and reported. */
    public enum Kind {
        /** A first page of 50. */
        FIRST_PAGE,
        /** A page of 50 deep in the result. */
        DEEP_PAGE,
        /** An exact count. */
        COUNT,
        /** A timeline page. */
        TIMELINE,
        /** A bulk import, one iteration imports every row. */
        IMPORT,
        /** One ingested event per operation. */
        INGEST
    }

    /** Rows per page of the page scenarios. */
    public static final int PAGE_SIZE = 50;

    private final String filterText;
    private final Kind kind;

    Scenario(String filterText, Kind kind) {
        this.filterText = filterText;
        this.kind = kind;
    }

    /** @return how it runs */
    public Kind kind() {
        return kind;
    }

    /** @return whether it reads contacts by a filter */
    public boolean isQuery() {
        return filterText != null;
    }

    /** @return the filter in canonical text, or null for the scenarios that take none */
    public String filterText() {
        return filterText;
    }

    /** @return the parsed filter */
    public Filter filter() {
        if (filterText == null) {
            throw new IllegalStateException(this + " has no filter");
        }
        return FilterParser.parse(filterText);
    }

    /** @return the sort of the page scenarios: the default, lastSeen desc */
    public Sort sort() {
        return Sort.CONTACT_DEFAULT;
    }

    /** @return the JMH benchmark method that measures it */
    public String method() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /**
     * @param method a benchmark method name
     * @return the scenario it measures
     */
    public static Scenario ofMethod(String method) {
        for (Scenario s : values()) {
            if (s.method().equals(method)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario is measured by " + method);
    }
}
