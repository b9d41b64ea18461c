package dev.contacts.internal;

import dev.contacts.ConflictException;
import dev.contacts.ContactsException;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import dev.contacts.spi.ListViewRepository;
import dev.contacts.spi.SegmentRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the segments and list views of a property use an attribute, and taking it out of
 * their columns and sorts once it is deleted. The attribute deletion itself, and the
 * decision to refuse it, are {@code AttributeService}'s.
 */
public final class AttributeUsage {
    private static final Logger LOG = LoggerFactory.getLogger(AttributeUsage.class);
    private static final int UPDATE_ATTEMPTS = 8;

    /**
     * How one segment uses the attribute.
     *
     * @param segment the segment as read
     * @param filter  its filter has a condition on it
     * @param columns it is one of its columns
     * @param sort    its sort is on it
     */
    public record SegmentUse(Segment segment, boolean filter, boolean columns, boolean sort) {
        /** @return the places, e.g. {@code filter, columns} */
        public String places() {
            List<String> places = new ArrayList<>(3);
            if (filter) {
                places.add("filter");
            }
            if (columns) {
                places.add("columns");
            }
            if (sort) {
                places.add("sort");
            }
            return String.join(", ", places);
        }
    }

    private AttributeUsage() {
    }

    /**
     * @param segments  the segments of the property
     * @param property  the property
     * @param target    contacts or organizations
     * @param attribute an attribute name
     * @return the segments of the target that use it, with how
     */
    public static List<SegmentUse> segmentsUsing(SegmentRepository segments, PropertyId property, Target target, String attribute) {
        List<SegmentUse> uses = new ArrayList<>();
        for (Segment s : segments.list(property, target)) {
            SegmentUse use = new SegmentUse(s, filterUses(s, attribute), s.columns().contains(attribute),
                    s.sort().attribute().equals(attribute));
            if (use.filter() || use.columns() || use.sort()) {
                uses.add(use);
            }
        }
        uses.sort((a, b) -> a.segment().id().compareTo(b.segment().id()));
        return uses;
    }

    private static boolean filterUses(Segment segment, String attribute) {
        try {
            return FilterAttributes.of(FilterParser.parse(segment.filter())).contains(attribute);
        } catch (ContactsException e) {
            LOG.warn("segment {} has a filter that does not parse; it is broken already: {}", segment.id(), e.getMessage());
            return false;
        }
    }

    /**
     * Takes a deleted attribute out of a segment's columns and sort, re-reading and
     * retrying when a concurrent edit wins the race.
     *
     * @param segments  the segments of the property
     * @param property  the property
     * @param segment   a segment that showed or sorted by the attribute
     * @param attribute the deleted attribute
     * @param now       the segment's new {@code updated}
     * @return the segment as stored afterwards, or empty when it no longer exists or no longer uses the attribute
     */
    public static Optional<Segment> dropFromSegment(SegmentRepository segments, PropertyId property, Segment segment, String attribute,
                                                    Instant now) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Optional<Segment> current = segments.get(property, segment.id());
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Segment s = current.get();
            List<String> columns = without(s.columns(), attribute, s.target());
            Sort sort = s.sort().attribute().equals(attribute) ? Sort.defaultFor(s.target()) : s.sort();
            if (columns.equals(s.columns()) && sort.equals(s.sort())) {
                return Optional.empty();
            }
            Segment next = new Segment(s.id(), s.target(), s.name(), s.filter(), columns, sort, s.version() + 1, s.created(), now);
            try {
                segments.update(property, next, s.version());
                return Optional.of(next);
            } catch (ConflictException e) {
                LOG.debug("segment {} changed while {} was taken out of it; retrying", s.id(), attribute);
            }
        }
        LOG.warn("segment {} kept changing; {} stays in its columns or sort, where it is ignored", segment.id(), attribute);
        return Optional.empty();
    }

    /**
     * Takes a deleted attribute out of every saved list view of the target; a view left
     * without columns is removed, so it falls back to the next level.
     *
     * @param views     the list views of the property
     * @param property  the property
     * @param target    contacts or organizations
     * @param attribute the deleted attribute
     * @return how many views changed
     */
    public static int dropFromListViews(ListViewRepository views, PropertyId property, Target target, String attribute) {
        int changed = 0;
        for (ListView v : views.list(property, target)) {
            boolean inColumns = v.columns().contains(attribute);
            boolean inSort = v.sort().attribute().equals(attribute);
            if (!inColumns && !inSort) {
                continue;
            }
            List<String> columns = new ArrayList<>(v.columns());
            columns.remove(attribute);
            if (columns.isEmpty()) {
                views.delete(property, target, v.agent());
            } else {
                views.put(property, new ListView(target, v.agent(), columns, inSort ? Sort.defaultFor(target) : v.sort()));
            }
            changed++;
        }
        return changed;
    }

    private static List<String> without(List<String> columns, String attribute, Target target) {
        List<String> rest = new ArrayList<>(columns);
        rest.remove(attribute);
        return rest.isEmpty() ? ListView.defaultFor(target).columns() : rest;
    }
}
