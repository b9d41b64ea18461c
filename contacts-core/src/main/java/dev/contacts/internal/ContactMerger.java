package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.MergeConflict;
import dev.contacts.MergeRefusedException;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes the contact that results from merging one contact into another, without
 * writing anything. The rule is "as if every event of both had happened to the kept
 * contact, and the kept contact's own edits win":
 * <ul>
 *   <li>sets (emails, phones, tags, organizations, custom {@code TEXT_SET}s): the kept
 *       contact's elements, then the removed one's that are new by fold; more than 100 is
 *       refused with the elements that do not fit;</li>
 *   <li>edited single values (name, job title, social handles, custom values): the kept
 *       contact's when known, else the removed one's; two different known values are a
 *       {@link MergeConflict};</li>
 *   <li>activity counters ({@code total*}, {@code pagesViewed}, {@code timeSpent}) are
 *       added, {@code first*}, {@code created} and {@code firstSeen} take the earlier,
 *       {@code last*} and {@code lastSeen} the later value;</li>
 *   <li>location and technical attributes (country, city, region, hostname, ip, os,
 *       browser) come from the contact whose latest web session is newer, as the newest
 *       web session sets them (docs/filter-semantics.md §2; chats carry no location); values it lacks
 *       come from the other.</li>
 * </ul>
 */
public final class ContactMerger {
    private static final List<String> SETS = List.of("emails", "phones", "tags");
    private static final List<String> EDITED = List.of("name", "jobTitle", "facebookUrl", "linkedinUrl", "twitterHandle",
            "instagramHandle");
    private static final List<String> LOCATION = List.of("country", "city", "region", "hostname", "ip", "os", "browser");
    private static final List<String> SUMS = List.of("totalWebSessions", "pagesViewed", "timeSpent", "totalLiveChats",
            "totalTickets");
    private static final List<String> EARLIEST = List.of("firstWebSession", "firstLiveChat", "firstTicket", "created",
            "firstSeen");
    private static final List<String> LATEST = List.of("lastWebSession", "lastLiveChat", "lastTicket", "lastSeen");

    private final Contact kept;
    private final Contact removed;
    private final Contact.Builder merged;
    private final List<MergeConflict> conflicts = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    private ContactMerger(Contact kept, Contact removed) {
        this.kept = kept;
        this.removed = removed;
        this.merged = kept.toBuilder().version(kept.version() + 1);
    }

    /**
     * The merged contact and its conflicts.
     *
     * @param contact   the merged contact, at the kept contact's next version
     * @param conflicts the attributes where the kept contact's value won over a different one
     */
    public record Outcome(Contact contact, List<MergeConflict> conflicts) {
    }

    /**
     * @param kept    the contact that stays
     * @param removed the contact merged into it
     * @param catalog the contact attributes of the property (for the custom ones)
     * @param updated the merged contact's {@code updated}
     * @return the merged contact and the conflicts
     * @throws MergeRefusedException if the merged contact would break a limit
     */
    public static Outcome merge(Contact kept, Contact removed, AttributeCatalog catalog, Instant updated) {
        ContactMerger m = new ContactMerger(Objects.requireNonNull(kept, "kept"), Objects.requireNonNull(removed, "removed"));
        SETS.forEach(m::union);
        m.organizations();
        EDITED.forEach(m::keptWins);
        m.location();
        SUMS.forEach(m::sum);
        EARLIEST.forEach(a -> m.extreme(a, Comparator.naturalOrder()));
        LATEST.forEach(a -> m.extreme(a, Comparator.reverseOrder()));
        for (AttributeDefinition d : catalog.custom()) {
            if (d.type() == AttributeType.TEXT_SET) {
                m.union(d.name());
            } else {
                m.keptWins(d.name());
            }
        }
        if (!m.violations.isEmpty()) {
            throw new MergeRefusedException(m.violations);
        }
        m.merged.set("updated", updated);
        try {
            return new Outcome(m.merged.build(), List.copyOf(m.conflicts));
        } catch (InvalidValueException e) {
            // every value was checked above; a value that still does not fit is reported the same way
            throw new MergeRefusedException(List.of(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private void union(String attribute) {
        Map<String, String> byFold = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        for (String v : listOf(kept.value(attribute))) {
            byFold.putIfAbsent(Values.fold(v), v);
        }
        for (String v : listOf(removed.value(attribute))) {
            if (byFold.putIfAbsent(Values.fold(v), v) == null) {
                extra.add(v);
            }
        }
        int over = byFold.size() - Values.MAX_SET_ELEMENTS;
        if (over > 0) {
            violations.add(attribute + ": " + over + " of the removed contact's values do not fit in the limit of "
                    + Values.MAX_SET_ELEMENTS + ": " + String.join(", ", extra.subList(extra.size() - over, extra.size())));
            return;
        }
        merged.set(attribute, byFold.isEmpty() ? null : new ArrayList<>(byFold.values()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    private void organizations() {
        Set<OrganizationId> ids = new LinkedHashSet<>(kept.organizations());
        ids.addAll(removed.organizations());
        merged.set(BuiltInAttributes.ORGANIZATION, new ArrayList<>(ids));
    }

    private void keptWins(String attribute) {
        Object mine = kept.value(attribute);
        Object theirs = removed.value(attribute);
        if (mine == null) {
            merged.set(attribute, theirs);
        } else if (theirs != null && !mine.equals(theirs)) {
            conflicts.add(new MergeConflict(attribute, mine, theirs));
        }
    }

    private void location() {
        Contact newer = latestWebSession(removed).compareTo(latestWebSession(kept)) > 0 ? removed : kept;
        Contact older = newer == kept ? removed : kept;
        for (String attribute : LOCATION) {
            Object value = newer.value(attribute);
            merged.set(attribute, value != null ? value : older.value(attribute));
        }
    }

    /** Web sessions are the events that carry a location (chats do not), so only they decide which is newer. */
    private static Instant latestWebSession(Contact c) {
        return c.lastWebSession() != null ? c.lastWebSession() : Values.MIN_DATE.minusMillis(1);
    }

    private void sum(String attribute) {
        BigDecimal a = (BigDecimal) kept.value(attribute);
        BigDecimal b = (BigDecimal) removed.value(attribute);
        BigDecimal total = a == null ? b : b == null ? a : a.add(b);
        try {
            merged.set(attribute, Values.number(attribute, total));
        } catch (InvalidValueException e) {
            violations.add(attribute + ": " + a.toPlainString() + " + " + b.toPlainString() + " is more than "
                    + Values.MAX_INTEGER_DIGITS + " digits");
        }
    }

    private void extreme(String attribute, Comparator<Instant> order) {
        Instant a = (Instant) kept.value(attribute);
        Instant b = (Instant) removed.value(attribute);
        merged.set(attribute, a == null ? b : b == null ? a : order.compare(a, b) <= 0 ? a : b);
    }
}
