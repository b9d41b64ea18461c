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
        return withCachedCatalog(catalog -> find(query, catalog));
    }

    /**
     * Runs a read with the cached catalog, then checks in the same unit of work that the
     * catalog was current (a JPA store read its version with the page: no statement); if
     * another node changed it meanwhile, the read runs again with the new one. A refusal
     * (unknown attribute, invalid filter) made with a stale catalog is checked the same way,
     * since the current catalog may accept what the stale one refused.
     */
    private <R> R withCachedCatalog(java.util.function.Function<AttributeCatalog, R> read) {
        for (int attempt = 1; ; attempt++) {
            CatalogCache.Versioned used = context.cachedCatalog(target);
            R result;
            try {
                result = read.apply(used.catalog());
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

    private Page<T> find(Query query, AttributeCatalog catalog) {
        Sort sort = query.sort() != null ? query.sort() : Sort.defaultFor(target);
        AttributeDefinition sortDefinition = ViewRules.requireSortable(catalog, sort);
        checkFilter(query.filter(), catalog);
        ZoneId zone = query.zone() != null ? query.zone() : context.property().zone();
        String filterText = FilterPrinter.print(query.filter());

        Instant now;
        KeysetPlanner.Position after = null;
        byte[] fingerprint;
        if (query.cursor() != null) {
            CursorCodec.Decoded decoded = CursorCodec.decode(query.cursor(), sortDefinition.type(), target == Target.CONTACT);
            now = decoded.now();
            if (query.now() != null && !query.now().truncatedTo(ChronoUnit.MILLIS).equals(now)) {
                throw new InvalidCursorException("this cursor was made at now=" + now + ", not at the query's now=" + query.now()
                        + "; drop the query's now or start again from the first page");
            }
            fingerprint = fingerprint(filterText, sort, zone, now);
            CursorCodec.verify(decoded, fingerprint);
            after = decoded.position();
        } else {
            now = query.now() != null ? query.now().truncatedTo(ChronoUnit.MILLIS) : context.now();
            fingerprint = fingerprint(filterText, sort, zone, now);
        }

        Filter lowered = lower(query.filter(), catalog, zone, now);
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
        return withCachedCatalog(catalog -> count(filter, zone, now, catalog));
    }

    private long count(Filter filter, ZoneId zone, Instant now, AttributeCatalog catalog) {
        Filter lowered = prepare(filter, zone, now, catalog);
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
