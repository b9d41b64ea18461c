package dev.contacts;

import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterLimits;
import dev.contacts.filter.FilterParser;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.filter.FilterValidator;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.QueryRunner;
import dev.contacts.internal.SegmentCounts;
import dev.contacts.internal.ViewRules;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Cursor;
import dev.contacts.query.ListView;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.SegmentSummary;
import dev.contacts.query.Sort;
import dev.contacts.reference.ReferenceEvaluator;
import dev.contacts.spi.SegmentRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The saved segments of one property: a filter of contacts or organizations kept under a
 * name (unique per property and target, compared by fold) with the columns and sort of
 * its list. Obtain it from {@code contacts.property(id).segments()}.
 *
 * <ul>
 *   <li>{@link #save} checks the filter (limits, attributes, operators), the columns and
 *       the sort against the property's attributes and keeps the filter as canonical
 *       text.</li>
 *   <li>{@link #view}, {@link #count} and {@link #query} parse and validate that text again
 *       against the attributes of <em>now</em>. If a custom attribute it uses has been
 *       deleted since (see {@link AttributeService#forceDelete}), they throw
 *       {@link BrokenSegmentException} naming the segment and the attribute — a broken
 *       segment is never run unfiltered. Columns and a sort whose attribute no longer
 *       exists are left out (the sort falls back to the target's default): they do not
 *       change which items are listed.</li>
 *   <li>{@link #list} shows each segment with its number of matches. Those counts are
 *       cached per property for a TTL (default 60 s, {@code Contacts.builder()
 *       .segmentCountTtl(...)}) and say when they were computed; any write to the property
 *       through this SDK drops them, so within one process they are never older than the
 *       last write. Writes by other processes on a shared database, and the passing of time
 *       under relative date filters ({@code within last 7 days}), are only bounded by the
 *       TTL. {@link #count} is always exact.</li>
 *   <li>{@link #edit} and {@link #rename} are optimistic: a stale version is a
 *       {@link ConflictException}.</li>
 * </ul>
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class SegmentService {
    private static final Comparator<Segment> BY_NAME = Comparator
            .comparing(Segment::nameFold, ReferenceEvaluator.CODE_POINT_ORDER)
            .thenComparing(Segment::id);

    private final PropertyContext context;
    private final SegmentCounts counts;
    private final SegmentRepository segments;
    private final QueryRunner<?, ?> contactQueries;
    private final QueryRunner<?, ?> organizationQueries;

    SegmentService(PropertyContext context, SegmentCounts counts) {
        this.context = context;
        this.counts = counts;
        this.segments = context.store().segments();
        this.contactQueries = new QueryRunner<>(Target.CONTACT, context, context.store().contacts());
        this.organizationQueries = new QueryRunner<>(Target.ORGANIZATION, context, context.store().organizations());
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * Saves a filter as a new segment.
     *
     * @param target  contacts or organizations
     * @param name    the name, unique per property and target by fold
     * @param filter  the filter
     * @param columns the attribute names its list shows (1 to 50, any attribute of the target)
     * @param sort    the sort of its list, or null for the target's default
     * @return the saved segment, version 1
     * @throws ConflictException         if a segment of the target has that name (the message names it)
     * @throws UnknownAttributeException if the filter, a column or the sort names an attribute the target does not have
     * @throws InvalidFilterException    if the filter does not fit the attributes' types or breaks a limit
     * @throws InvalidValueException     if the name is blank, a column repeated, or the sort attribute not sortable
     */
    public Segment save(Target target, String name, Filter filter, List<String> columns, Sort sort) {
        return context.write(() -> {
            Objects.requireNonNull(target, "target");
            Instant now = context.now();
            AttributeCatalog catalog = context.catalog(target);
            String text = canonical(catalog, filter);
            Segment segment = checkedView(catalog, new Segment(SegmentId.generate(), target, name, text, columns,
                    sort != null ? sort : Sort.defaultFor(target), 1, now, now));
            requireFreeName(segment);
            segments.insert(pid(), segment);
            return segment;
        });
    }

    /**
     * Saves a filter given as canonical text (docs/filter-semantics.md §6) as a new segment.
     *
     * @param target     contacts or organizations
     * @param name       the name, unique per property and target by fold
     * @param filterText the filter's text, e.g. {@code tags is "vip" and lastSeen within last 30 days}
     * @param columns    the attribute names its list shows
     * @param sort       the sort of its list, or null for the target's default
     * @return the saved segment, version 1
     * @throws InvalidFilterException if the text does not parse (with line and column) or the filter does not validate
     * @see #save(Target, String, Filter, List, Sort)
     */
    public Segment save(Target target, String name, String filterText, List<String> columns, Sort sort) {
        return save(target, name, FilterParser.parse(Objects.requireNonNull(filterText, "filterText")), columns, sort);
    }

    /**
     * The segment as stored — also when its filter no longer validates, so it can be shown
     * and repaired. Columns and sort whose attribute no longer exists are left out.
     *
     * @param id the id
     * @return the segment
     * @throws NotFoundException if it is not in this property
     */
    public Segment get(SegmentId id) {
        Segment s = require(id);
        return shown(s, context.catalog(s.target()));
    }

    /**
     * @param target contacts or organizations
     * @param name   a name, compared by fold
     * @return the segment of that name, if any
     */
    public Optional<Segment> findByName(Target target, String name) {
        String normal = Values.text("name", name);
        if (normal == null) {
            return Optional.empty();
        }
        return segments.findByName(pid(), Objects.requireNonNull(target, "target"), normal)
                .map(s -> shown(s, context.catalog(target)));
    }

    /**
     * Every segment of a target with its number of matches, by name (fold, code point
     * order). Counts may come from the per-property cache (see the class documentation)
     * and carry the instant they were computed; a broken segment is listed with no count
     * and its problem.
     *
     * @param target contacts or organizations
     * @return the segments
     */
    public List<SegmentSummary> list(Target target) {
        Objects.requireNonNull(target, "target");
        AttributeCatalog catalog = context.catalog(target);
        List<Segment> all = new ArrayList<>(segments.list(pid(), target));
        all.sort(BY_NAME);
        List<SegmentSummary> summaries = new ArrayList<>(all.size());
        for (Segment s : all) {
            Segment shown = shown(s, catalog);
            try {
                SegmentCounts.Counted c = counts.count(pid(), s,
                        now -> run(s, filter -> runner(s.target()).count(filter, null, now)));
                summaries.add(SegmentSummary.counted(shown, c.count(), c.countedAt()));
            } catch (BrokenSegmentException e) {
                summaries.add(SegmentSummary.broken(shown, e.getMessage()));
            }
        }
        return summaries;
    }

    /**
     * The segment's query — its filter, parsed and validated against the attributes of now,
     * and its sort — for the first page of 50. Page on with
     * {@code contacts().find(query.withCursor(...))} (or {@code organizations()}), or use
     * {@link #view}.
     *
     * @param id the id
     * @return the query
     * @throws NotFoundException      if the segment is not in this property
     * @throws BrokenSegmentException if its filter no longer validates
     */
    public Query query(SegmentId id) {
        Segment s = require(id);
        AttributeCatalog catalog = context.catalog(s.target());
        return run(s, filter -> Query.of(filter).withSort(ViewRules.knownSort(catalog, s.sort())));
    }

    /**
     * One page of the segment's result, in its sort (keyset paging, as
     * {@link ContactService#find}). The items are {@code Contact}s or {@code Organization}s
     * as the segment's target says; {@link #viewContacts} and {@link #viewOrganizations}
     * return them typed. A cursor only works with the segment's filter and sort
     * it came from: after an edit, start again from the first page.
     *
     * @param id       the id
     * @param pageSize 1..1000
     * @param cursor   the previous page's cursor, or null for the first page
     * @return the page
     * @throws NotFoundException      if the segment is not in this property
     * @throws BrokenSegmentException if its filter no longer validates
     * @throws InvalidCursorException if the cursor is damaged or of another query
     */
    public Page<Attributed> view(SegmentId id, int pageSize, Cursor cursor) {
        return context.read(() -> {
            Segment s = require(id);
            AttributeCatalog catalog = context.catalog(s.target());
            Page<? extends Attributed> page = run(s, filter -> runner(s.target()).find(new Query(filter,
                    ViewRules.knownSort(catalog, s.sort()), pageSize, cursor, null, null)));
            return new Page<Attributed>(List.copyOf(page.items()), page.nextCursor(), page.now());
        });
    }

    /**
     * One page of a contact segment's result, typed: {@link #view} for a segment known to
     * list contacts, without a cast.
     *
     * @param id       the id of a segment of contacts
     * @param pageSize 1..1000
     * @param cursor   the previous page's cursor, or null for the first page
     * @return the page
     * @throws InvalidValueException  if the segment lists organizations (use {@link #viewOrganizations})
     * @throws NotFoundException      if the segment is not in this property
     * @throws BrokenSegmentException if its filter no longer validates
     * @throws InvalidCursorException if the cursor is damaged or of another query
     */
    public Page<Contact> viewContacts(SegmentId id, int pageSize, Cursor cursor) {
        return typedView(id, Target.CONTACT, Contact.class, pageSize, cursor);
    }

    /**
     * One page of an organization segment's result, typed: {@link #view} for a segment
     * known to list organizations, without a cast.
     *
     * @param id       the id of a segment of organizations
     * @param pageSize 1..1000
     * @param cursor   the previous page's cursor, or null for the first page
     * @return the page
     * @throws InvalidValueException  if the segment lists contacts (use {@link #viewContacts})
     * @throws NotFoundException      if the segment is not in this property
     * @throws BrokenSegmentException if its filter no longer validates
     * @throws InvalidCursorException if the cursor is damaged or of another query
     */
    public Page<Organization> viewOrganizations(SegmentId id, int pageSize, Cursor cursor) {
        return typedView(id, Target.ORGANIZATION, Organization.class, pageSize, cursor);
    }

    /** {@link #view} after checking the target, which a segment keeps for life, with its items cast to that target's type. */
    private <T extends Attributed> Page<T> typedView(SegmentId id, Target target, Class<T> type, int pageSize, Cursor cursor) {
        Segment s = require(id);
        if (s.target() != target) {
            String other = target == Target.CONTACT ? "viewOrganizations" : "viewContacts";
            throw new InvalidValueException("segment", "segment '" + s.name() + "' (" + id + ") lists "
                    + s.target().name().toLowerCase(Locale.ROOT) + "s, not " + target.name().toLowerCase(Locale.ROOT)
                    + "s; use " + other + " (or view) for it");
        }
        Page<Attributed> page = view(id, pageSize, cursor);
        List<T> items = new ArrayList<>(page.items().size());
        page.items().forEach(item -> items.add(type.cast(item)));
        return new Page<>(items, page.nextCursor(), page.now());
    }

    /**
     * @param id the id
     * @return the exact number of matches now (never cached)
     * @throws NotFoundException      if the segment is not in this property
     * @throws BrokenSegmentException if its filter no longer validates
     */
    public long count(SegmentId id) {
        return context.read(() -> {
            Segment s = require(id);
            return run(s, filter -> runner(s.target()).count(filter, null, null));
        });
    }

    /**
     * Replaces the filter, columns and sort of a segment if it is still at
     * {@code expectedVersion}; also the way to repair a broken segment.
     *
     * @param id              the id
     * @param expectedVersion the version the change is based on
     * @param filter          the new filter
     * @param columns         the new columns
     * @param sort            the new sort, or null for the target's default
     * @return the new state
     * @throws NotFoundException if the segment is not in this property
     * @throws ConflictException if it changed since that version (reload and retry)
     * @see #save(Target, String, Filter, List, Sort) for the checks of filter, columns and sort
     */
    public Segment edit(SegmentId id, long expectedVersion, Filter filter, List<String> columns, Sort sort) {
        return context.write(() -> {
            Segment current = requireVersion(id, expectedVersion);
            AttributeCatalog catalog = context.catalog(current.target());
            String text = canonical(catalog, filter);
            Segment next = checkedView(catalog, new Segment(id, current.target(), current.name(), text, columns,
                    sort != null ? sort : Sort.defaultFor(current.target()), expectedVersion + 1, current.created(), context.now()));
            segments.update(pid(), next, expectedVersion);
            return next;
        });
    }

    /**
     * {@link #edit(SegmentId, long, Filter, List, Sort)} with the filter as canonical text.
     *
     * @param id              the id
     * @param expectedVersion the version the change is based on
     * @param filterText      the new filter's text
     * @param columns         the new columns
     * @param sort            the new sort, or null for the target's default
     * @return the new state
     * @throws InvalidFilterException if the text does not parse or the filter does not validate
     */
    public Segment edit(SegmentId id, long expectedVersion, String filterText, List<String> columns, Sort sort) {
        return edit(id, expectedVersion, FilterParser.parse(Objects.requireNonNull(filterText, "filterText")), columns, sort);
    }

    /**
     * @param id              the id
     * @param expectedVersion the version the change is based on
     * @param name            the new name, unique per property and target by fold
     * @return the new state
     * @throws NotFoundException     if the segment is not in this property
     * @throws ConflictException     if it changed since that version, or another segment has that name
     * @throws InvalidValueException if the name is blank
     */
    public Segment rename(SegmentId id, long expectedVersion, String name) {
        return context.write(() -> {
            Segment current = requireVersion(id, expectedVersion);
            Segment next = new Segment(id, current.target(), name, current.filter(), current.columns(), current.sort(),
                    expectedVersion + 1, current.created(), context.now());
            requireFreeName(next);
            segments.update(pid(), next, expectedVersion);
            return next;
        });
    }

    /**
     * @param id the id
     * @throws NotFoundException if it is not in this property
     */
    public void delete(SegmentId id) {
        if (!segments.delete(pid(), Objects.requireNonNull(id, "id"))) {
            throw notFound(id);
        }
    }

    /** Checks a filter against the limits and the attributes of the target; returns its canonical text. */
    private static String canonical(AttributeCatalog catalog, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        FilterLimits.check(filter);
        FilterValidator.validate(filter, catalog);
        return FilterPrinter.print(filter);
    }

    /** Checks a new state's columns and sort against the attributes of its target. */
    private static Segment checkedView(AttributeCatalog catalog, Segment segment) {
        ViewRules.requireColumns(catalog, segment.columns());
        ViewRules.requireSortable(catalog, segment.sort());
        return segment;
    }

    private void requireFreeName(Segment segment) {
        Optional<Segment> holder = segments.findByName(pid(), segment.target(), segment.name());
        if (holder.isPresent() && !holder.get().id().equals(segment.id())) {
            throw new ConflictException("the " + segment.target().name().toLowerCase(Locale.ROOT) + " segment '"
                    + holder.get().name() + "' (" + holder.get().id() + ") already has the name '" + segment.name()
                    + "' in property " + pid() + "; choose another name or edit that segment");
        }
    }

    private Segment require(SegmentId id) {
        return segments.get(pid(), Objects.requireNonNull(id, "id")).orElseThrow(() -> notFound(id));
    }

    private Segment requireVersion(SegmentId id, long expectedVersion) {
        Segment current = require(id);
        if (current.version() != expectedVersion) {
            throw new ConflictException("segment " + id + " is at version " + current.version() + ", not " + expectedVersion
                    + "; reload it and apply the change again");
        }
        return current;
    }

    private QueryRunner<?, ?> runner(Target target) {
        return target == Target.CONTACT ? contactQueries : organizationQueries;
    }

    /**
     * Parses and validates a stored segment's filter against the attributes of now and runs
     * an action with it; any validation error, also one the action meets when an attribute
     * disappears meanwhile, becomes a {@link BrokenSegmentException}.
     */
    private <R> R run(Segment segment, Function<Filter, R> action) {
        try {
            Filter filter = FilterParser.parse(segment.filter());
            FilterLimits.check(filter);
            FilterValidator.validate(filter, context.catalog(segment.target()));
            return action.apply(filter);
        } catch (UnknownAttributeException e) {
            throw broken(segment, e.attribute(), e);
        } catch (InvalidFilterException e) {
            throw broken(segment, null, e);
        }
    }

    private static BrokenSegmentException broken(Segment segment, String attribute, RuntimeException cause) {
        String what = attribute != null && attribute.startsWith(AttributeDefinition.CUSTOM_PREFIX)
                ? "its filter uses " + attribute + ", which is no longer a " + segment.target().name().toLowerCase(Locale.ROOT)
                        + " attribute of this property"
                : "its filter no longer validates (" + cause.getMessage() + ")";
        return new BrokenSegmentException(segment.id(), segment.name(), attribute, "segment '" + segment.name() + "' ("
                + segment.id() + ") cannot be run: " + what + "; edit its filter or delete the segment", cause);
    }

    /** The segment as shown: columns whose attribute is gone left out (the default ones if none is left), sort fallen back. */
    private static Segment shown(Segment s, AttributeCatalog catalog) {
        List<String> columns = ViewRules.knownColumns(catalog, s.columns());
        Sort sort = ViewRules.knownSort(catalog, s.sort());
        if (columns.equals(s.columns()) && sort.equals(s.sort())) {
            return s;
        }
        return new Segment(s.id(), s.target(), s.name(), s.filter(), columns.isEmpty() ? ListView.defaultFor(s.target()).columns()
                : columns, sort, s.version(), s.created(), s.updated());
    }

    private NotFoundException notFound(SegmentId id) {
        return new NotFoundException("segment " + id + " does not exist in property " + pid());
    }
}
