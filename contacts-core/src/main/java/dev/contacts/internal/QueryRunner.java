package dev.contacts.internal;

import dev.contacts.InvalidCursorException;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterLimits;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.filter.FilterValidator;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import dev.contacts.spi.EntityRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs paged finds and counts for one target over its repository: checks limits,
 * validates against the property's attributes, lowers the filter to store form, plans
 * keyset phases and encodes cursors. Stores only run the phases.
 *
 * @param <I> id type
 * @param <T> aggregate type
 */
public final class QueryRunner<I extends EntityId, T extends Attributed> {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);
    private static final int CATALOG_ATTEMPTS = 5;

    private final Target target;
    private final PropertyContext context;
    private final EntityRepository<I, T> repository;

    /**
     * @param target     contacts or organizations
     * @param context    the property
     * @param repository the target's repository
     */
    public QueryRunner(Target target, PropertyContext context, EntityRepository<I, T> repository) {
        this.target = target;
        this.context = context;
        this.repository = repository;
    }

    /**
     * @param query the query
     * @return its page
     */
    public Page<T> find(Query query) {
        return withCachedCatalog(used -> find(query, used));
    }

    /**
     * Runs a read with the cached catalog, then checks in the same unit of work that the
     * catalog was current (a JPA store read its version with the page: no statement); if
     * another node changed it meanwhile, the read runs again with the new one. A refusal
     * (unknown attribute, invalid filter) made with a stale catalog is checked the same way,
     * since the current catalog may accept what the stale one refused.
     */
    private <R> R withCachedCatalog(java.util.function.Function<CatalogCache.Versioned, R> read) {
        for (int attempt = 1; ; attempt++) {
            CatalogCache.Versioned used = context.cachedCatalog(target);
            R result;
            try {
                result = read.apply(used);
            } catch (dev.contacts.ContactsException e) {
                if (attempt < CATALOG_ATTEMPTS && !context.isCurrent(used)) {
                    continue;
                }
                throw e;
            }
            if (context.isCurrent(used)) {
                return result;
            }
            if (attempt == CATALOG_ATTEMPTS) {
                throw new dev.contacts.ConflictException("the attributes of property " + context.property().id()
                        + " changed during each of " + CATALOG_ATTEMPTS + " attempts of this query; try again");
            }
            LOG.debug("{}: the attribute catalog changed during a query; running it again", context.property().id());
        }
    }

    /**
     * A filter and sort checked against a catalog: the sort's definition and the filter's canonical text.
     *
     * @param sortDefinition the definition of the sort's attribute
     * @param filterText     the filter's canonical text
     */
    private record Checked(AttributeDefinition sortDefinition, String filterText) {
    }

    /** The parts of a query that {@link Checked} depends on (with the catalog the cache belongs to). */
    private record CheckKey(Filter filter, Sort sort) {
    }

    /**
     * A filter in store form for one zone and now, with the fingerprint of its cursors (null for a count).
     *
     * @param filter      the store-form filter
     * @param fingerprint the cursor fingerprint, or null
     */
    private record Lowered(Filter filter, byte[] fingerprint) {
    }

    /** The parts of a query that {@link Lowered} depends on (sort null for a count). */
    private record LowerKey(Filter filter, Sort sort, ZoneId zone, Instant now) {
    }

    private Page<T> find(Query query, CatalogCache.Versioned used) {
        AttributeCatalog catalog = used.catalog();
        Sort sort = query.sort() != null ? query.sort() : Sort.defaultFor(target);
        Checked checked = used.prepared().get(new CheckKey(query.filter(), sort), k -> {
            AttributeDefinition definition = ViewRules.requireSortable(catalog, k.sort());
            checkFilter(k.filter(), catalog);
            return new Checked(definition, FilterPrinter.print(k.filter()));
        });
        AttributeDefinition sortDefinition = checked.sortDefinition();
        ZoneId zone = query.zone() != null ? query.zone() : context.property().zone();
        String filterText = checked.filterText();

        Instant now;
        KeysetPlanner.Position after = null;
        Lowered prepared;
        if (query.cursor() != null) {
            CursorCodec.Decoded decoded = CursorCodec.decode(query.cursor(), sortDefinition.type(), target == Target.CONTACT);
            now = decoded.now();
            if (query.now() != null && !query.now().truncatedTo(ChronoUnit.MILLIS).equals(now)) {
                throw new InvalidCursorException("this cursor was made at now=" + now + ", not at the query's now=" + query.now()
                        + "; drop the query's now or start again from the first page");
            }
            prepared = lowered(used, new LowerKey(query.filter(), sort, zone, now), filterText, true);
            CursorCodec.verify(decoded, prepared.fingerprint());
            after = decoded.position();
        } else {
            // a now of the clock differs from one call to the next: not worth caching
            now = query.now() != null ? query.now().truncatedTo(ChronoUnit.MILLIS) : context.now();
            prepared = lowered(used, new LowerKey(query.filter(), sort, zone, now), filterText, query.now() != null);
        }
        byte[] fingerprint = prepared.fingerprint();
        Filter lowered = prepared.filter();
        if (lowered instanceof dev.contacts.filter.None) {
            return new Page<>(List.of(), null, now); // e.g. an organization name no organization has
        }
        int wanted = query.pageSize() + 1; // one more tells whether a next page exists
        List<T> items = new ArrayList<>(wanted);
        for (KeysetPlanner.Phase phase : KeysetPlanner.plan(sort, after)) {
            long start = System.nanoTime();
            List<T> rows = repository.find(context.property().id(), Filter.and(lowered, phase.predicate()), phase.order(),
                    wanted - items.size());
            debug("find", start, rows.size());
            items.addAll(rows);
            if (items.size() >= wanted) {
                break;
            }
        }
        if (items.size() <= query.pageSize()) {
            return new Page<>(items, null, now);
        }
        List<T> page = items.subList(0, query.pageSize());
        T last = page.get(page.size() - 1);
        return new Page<>(page, CursorCodec.encode(fingerprint, now,
                new KeysetPlanner.Position(last.value(sort.attribute()), last.entityId())), now);
    }

    /**
     * @param filter the user's filter
     * @param zone   zone of local days, or null for the property's
     * @param now    instant of relative periods, or null for the clock's
     * @return the exact number of matches
     */
    public long count(Filter filter, ZoneId zone, Instant now) {
        return withCachedCatalog(used -> count(filter, zone, now, used));
    }

    private long count(Filter filter, ZoneId zone, Instant now, CatalogCache.Versioned used) {
        Filter lowered;
        if (now == null) { // the clock's now: prepared afresh, as a find does
            lowered = prepare(filter, zone, null, used.catalog());
        } else {
            ZoneId z = zone != null ? zone : context.property().zone();
            lowered = lowered(used, new LowerKey(filter, null, z, now.truncatedTo(ChronoUnit.MILLIS)), null, true).filter();
        }
        if (lowered instanceof dev.contacts.filter.None) {
            return 0;
        }
        long start = System.nanoTime();
        long n = repository.count(context.property().id(), lowered);
        debug("count", start, n);
        return n;
    }

    /**
     * Checks and lowers a user filter for a store call (bulk operations use it).
     *
     * @param filter the user's filter
     * @param zone   zone of local days, or null for the property's
     * @param now    instant of relative periods, or null for the clock's
     * @return the store-form filter
     */
    public Filter prepare(Filter filter, ZoneId zone, Instant now) {
        return prepare(filter, zone, now, context.catalog(target));
    }

    private Filter prepare(Filter filter, ZoneId zone, Instant now, AttributeCatalog catalog) {
        checkFilter(filter, catalog);
        return lower(filter, catalog, zone != null ? zone : context.property().zone(),
                now != null ? now.truncatedTo(ChronoUnit.MILLIS) : context.now());
    }

    private static void checkFilter(Filter filter, AttributeCatalog catalog) {
        FilterLimits.check(filter);
        FilterValidator.validate(filter, catalog);
    }

    private Filter lower(Filter filter, AttributeCatalog catalog, ZoneId zone, Instant now) {
        return new StoreFilterLowering(catalog, zone, now, this::organizationsMatching).lower(filter);
    }

    /**
     * The filter in store form and its cursor fingerprint, from the catalog's prepared queries
     * when {@code cacheable}. A lowering that looked organizations up is never cached: it
     * depends on the organizations, not only on the catalog.
     *
     * @param used       the catalog, with its prepared queries
     * @param key        the filter, the sort (null for a count: no fingerprint), the zone and the now
     * @param filterText the filter's canonical text (for the fingerprint), or null for a count
     * @param cacheable  whether the result may be taken from and kept in the cache
     */
    private Lowered lowered(CatalogCache.Versioned used, LowerKey key, String filterText, boolean cacheable) {
        if (cacheable) {
            Lowered cached = used.prepared().peek(key);
            if (cached != null) {
                return cached;
            }
        }
        if (filterText == null) {
            checkFilter(key.filter(), used.catalog());
        }
        boolean[] lookedUp = {false};
        Filter lowered = new StoreFilterLowering(used.catalog(), key.zone(), key.now(), organizationFilter -> {
            lookedUp[0] = true;
            return organizationsMatching(organizationFilter);
        }).lower(key.filter());
        Lowered made = new Lowered(lowered, key.sort() == null ? null : fingerprint(filterText, key.sort(), key.zone(), key.now()));
        if (cacheable && !lookedUp[0]) {
            used.prepared().put(key, made);
        }
        return made;
    }

    private List<OrganizationId> organizationsMatching(Filter organizationFilter) {
        long start = System.nanoTime();
        List<OrganizationId> ids = context.store().organizations().findIds(context.property().id(), organizationFilter);
        debug("organizations.findIds", start, ids.size());
        return ids;
    }

    private byte[] fingerprint(String filterText, Sort sort, ZoneId zone, Instant now) {
        return CursorCodec.fingerprint(context.property().id().value(), target.name(), filterText, sort.toString(), zone.getId(),
                Long.toString(now.toEpochMilli()));
    }

    private void debug(String operation, long startNanos, long rows) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}.{} -> {} rows in {} µs", context.property().id(), target.name().toLowerCase(java.util.Locale.ROOT),
                    operation, rows, (System.nanoTime() - startNanos) / 1000);
        }
    }
}
