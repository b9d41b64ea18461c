package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.EntityId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.EntityRepository;
import dev.contacts.spi.SeekOrder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reads contacts and organizations share, each one transaction: a query on the main
 * table (filter translated by {@link FilterSql}) completed by {@link EntityRows} with a
 * fixed number of child queries.
 *
 * @param <I> id type
 * @param <T> aggregate type
 */
abstract class JpaEntityRepository<I extends EntityId, T extends Attributed> implements EntityRepository<I, T> {
    /** The column of the catalog version in the queries of {@link #select(Db, String, boolean, String, Filter, SeekOrder)}. */
    static final String CATALOG_VERSION = "catalog_version_";
    final Transactions tx;
    final EntityRows rows;
    final EntityTable table;

    JpaEntityRepository(Transactions tx, EntityTable table) {
        this.tx = tx;
        this.table = table;
        this.rows = new EntityRows(table);
    }

    /** A check or a further write of one aggregate inside the transaction of its insert or update. */
    @FunctionalInterface
    interface Step<T> {
        void run(Db db, String property, T entity) throws SQLException;
    }

    /**
     * Inserts an aggregate in one transaction: property and id checked, uniqueness rules
     * checked (a readable error before a unique key would refuse the row), main row and
     * values written, then {@code more}.
     */
    void insertEntity(PropertyId property, T entity, Step<T> checkUnique, Step<T> more) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(entity, "entity");
        String p = property.value();
        tx.run("insert " + noun(), db -> {
            requireProperty(db, p, "insert " + noun() + " " + entity.entityId());
            if (exists(db, p, entity.entityId().value())) {
                throw new ConflictException(noun() + " " + entity.entityId() + " already exists in property " + p);
            }
            checkUnique.run(db, p, entity);
            rows.insertMain(db, p, entity);
            rows.insertValues(db, p, List.of(entity));
            more.run(db, p, entity);
            return null;
        });
    }

    /**
     * Replaces an aggregate in one transaction if its version is {@code expectedVersion}: main
     * row (the version condition in the UPDATE itself), uniqueness rules, values, then {@code more}.
     */
    void updateEntity(PropertyId property, T entity, long expectedVersion, Step<T> checkUnique, Step<T> more) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(entity, "entity");
        checkNextVersion(entity, expectedVersion);
        String p = property.value();
        tx.run("update " + noun(), db -> {
            if (!rows.updateMain(db, p, entity, expectedVersion)) {
                throw updateRefused(db, p, entity, expectedVersion);
            }
            checkUnique.run(db, p, entity);
            rows.deleteValues(db, p, entity.entityId().value());
            rows.insertValues(db, p, List.of(entity));
            more.run(db, p, entity);
            return null;
        });
    }

    /** @return the id of a UUID */
    abstract I id(UUID value);

    /** @return the aggregate's name in messages */
    abstract String noun();

    /** The main-table query with the filter and the property. */
    Sql select(Db db, String columns, String property, Filter filter, SeekOrder order) {
        return select(db, columns, false, property, filter, order);
    }

    /**
     * The main-table query; with {@code catalogVersion}, each row also carries the property's
     * catalog version as column {@value #CATALOG_VERSION} (an uncorrelated subquery the
     * database evaluates once), so that the core checks its cached attribute catalog without
     * a statement of its own.
     */
    Sql select(Db db, String columns, boolean catalogVersion, String property, Filter filter, SeekOrder order) {
        Sql sql = db.sql((order == null ? "SELECT " : db.dialect().orderedSelect()) + columns);
        if (catalogVersion) {
            catalogVersion(sql, property);
        }
        sql.append(" FROM " + table.table() + " t");
        if (order != null) {
            FilterSql.sortJoin(table, sql, order);
        }
        sql.append(" WHERE t.property_id = ").value(property).append(" AND ");
        FilterSql.where(table, sql, filter);
        return sql;
    }

    /** Appends the column {@value #CATALOG_VERSION}: an uncorrelated subquery the database evaluates once. */
    private static void catalogVersion(Sql sql, String property) {
        sql.append(", (SELECT catalog_version FROM property WHERE id = ").value(property).append(") AS " + CATALOG_VERSION);
    }

    @Override
    public Optional<T> get(PropertyId property, I id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("get " + noun(), db -> load(db, property.value(), id.value()));
    }

    /** {@inheritDoc} One indexed query on the main table; no values are read. */
    @Override
    public boolean exists(PropertyId property, I id) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(id, "id");
        return tx.run("check " + noun(), db -> db.exists(db.sql("SELECT 1 FROM " + table.table() + " WHERE property_id = ")
                .value(property.value()).append(" AND id = ").value(id.value())));
    }

    Optional<T> load(Db db, String property, UUID id) throws SQLException {
        List<T> found = rows.load(db, property, db.sql("SELECT " + rows.mainColumns("t") + " FROM " + table.table() + " t WHERE t.property_id = ").value(property)
                .append(" AND t.id = ").value(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<T> getAll(PropertyId property, List<I> ids) {
        Objects.requireNonNull(property, "property");
        Set<UUID> distinct = new LinkedHashSet<>();
        for (I id : ids) {
            distinct.add(id.value());
        }
        if (distinct.isEmpty()) {
            return List.of();
        }
        return tx.run("get " + noun() + "s", db -> rows.load(db, property.value(),
                db.sql("SELECT " + rows.mainColumns("t")).fromIdSet(table.table(), "t", property.value(), "id", distinct)));
    }

    @Override
    public List<T> find(PropertyId property, Filter filter, SeekOrder order, int limit) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > 1001) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1..1001");
        }
        String p = property.value();
        EntityRows.RowExtra catalog = rs -> tx.sawCatalogVersion(p, rs.getLong(CATALOG_VERSION));
        return tx.run("find " + noun() + "s", db -> {
            BoundedWalks walks = tx.boundedWalks();
            Optional<FilterSql.WalkSplit> split = isCustom(order) || !walks.on(db.dialect())
                    ? Optional.empty() : FilterSql.walkSplit(table, filter);
            if (split.isPresent()) {
                Optional<List<T>> page = rows.loadIfAtLeast(db, p, boundedWalkSql(db, p, split.get(), order, limit, walks), catalog, limit);
                if (page.isPresent()) {
                    return page.get();
                }
            }
            return rows.load(db, p, findSql(db, p, filter, order, limit), catalog);
        });
    }

    private static boolean isCustom(SeekOrder order) {
        return order.attribute() != null && order.attribute().startsWith(AttributeDefinition.CUSTOM_PREFIX);
    }

    /**
     * The page of a filter with an {@code or} over other tables, looked for in the first
     * {@link BoundedWalks#rowsPerPageRow} rows per row of the page, in the page's order:
     * {@code SELECT … FROM (SELECT * FROM contact t WHERE <column conjuncts> ORDER BY … LIMIT w) t
     * WHERE <the or> ORDER BY … LIMIT n}. When it finds {@code n} rows, they are the page:
     * the first {@code n} matches among the first {@code w} rows in the page's order are the
     * first {@code n} matches of all. When it finds fewer, {@link #find} runs the plain query.
     *
     * <p>Why: under an {@code or}, PostgreSQL runs each {@code EXISTS} either as a hashed
     * subplan that reads the whole value table (1.5 s for three groups at 1,000,000
     * contacts) or as a probe per row of an unbounded walk of the sort index (16.8 s when
     * the groups are rare). The bound makes the walk safe to take: a common {@code or} finds
     * its page after a few hundred rows, each with an index probe per {@code EXISTS}; a rare
     * one costs at most the walk before the plain query.
     */
    private Sql boundedWalkSql(Db db, String property, FilterSql.WalkSplit split, SeekOrder order, int limit, BoundedWalks walks) {
        Sql sql = db.sql(db.dialect().orderedSelect() + rows.mainColumns("t"));
        catalogVersion(sql, property);
        sql.append(" FROM (SELECT * FROM " + table.table() + " t WHERE t.property_id = ").value(property).append(" AND ");
        FilterSql.where(table, sql, split.walked());
        FilterSql.orderBy(table, sql, order);
        // the outer scope states the property again: the value tables' EXISTS are correlated on
        // t.property_id, and a sharded database (Citus) routes by an equality it can see at their level
        sql.append(" LIMIT " + (long) limit * walks.rowsPerPageRow() + ") t WHERE t.property_id = ").value(property).append(" AND ");
        FilterSql.where(table, sql, split.probed());
        FilterSql.orderBy(table, sql, order);
        return sql.append(" LIMIT " + limit);
    }

    /** @return the query of {@link #find}: the main rows of a page (completed by {@link EntityRows#load}) */
    Sql findSql(Db db, String property, Filter filter, SeekOrder order, int limit) {
        Sql sql = select(db, rows.mainColumns("t"), true, property, filter, order);
        FilterSql.orderBy(table, sql, order);
        return sql.append(" LIMIT " + limit);
    }

    @Override
    public List<I> findIds(PropertyId property, Filter filter) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(filter, "filter");
        return tx.run("find " + noun() + " ids", db -> findIds(db, property.value(), filter));
    }

    List<I> findIds(Db db, String property, Filter filter) throws SQLException {
        return db.list(select(db, "t.id", property, filter, null), rs -> id(db.id(rs, "id")));
    }

    @Override
    public long count(PropertyId property, Filter filter) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(filter, "filter");
        String p = property.value();
        return tx.run("count " + noun() + "s", db -> db.first(select(db, "COUNT(*)", true, p, filter, null), rs -> {
            tx.sawCatalogVersion(p, rs.getLong(CATALOG_VERSION));
            return rs.getLong(1);
        }).orElse(0L));
    }

    /**
     * @throws NotFoundException if the property does not exist
     */
    static void requireProperty(Db db, String property, String action) throws SQLException {
        if (!db.exists(db.sql("SELECT 1 FROM property WHERE id = ").value(property))) {
            throw new NotFoundException("cannot " + action + ": property " + property + " does not exist");
        }
    }

    /**
     * Locks the main row of a contact or an organization until the end of the transaction
     * ({@code SELECT … FOR UPDATE}), so that history written for it cannot race its deletion.
     *
     * @return whether it exists
     */
    static boolean lock(Db db, EntityTable table, String property, UUID id) throws SQLException {
        return db.exists(db.sql("SELECT id FROM " + table.table() + " WHERE property_id = ").value(property).append(" AND id = ")
                .value(id).append(" FOR UPDATE"));
    }

    /** @return whether the main row exists */
    boolean exists(Db db, String property, UUID id) throws SQLException {
        return db.exists(db.sql("SELECT 1 FROM " + table.table() + " WHERE property_id = ").value(property).append(" AND id = ").value(id));
    }

    /** Checks that the new state is one version above the one it is based on (a programming error otherwise). */
    void checkNextVersion(T entity, long expectedVersion) {
        if (entity.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("the new state of " + noun() + " " + entity.entityId() + " must have version "
                    + (expectedVersion + 1) + ", not " + entity.version());
        }
    }

    /** After an update matched no row: the entity is missing, or at another version. */
    RuntimeException updateRefused(Db db, String property, T entity, long expectedVersion) throws SQLException {
        Optional<Long> stored = db.first(db.sql("SELECT version FROM " + table.table() + " WHERE property_id = ").value(property)
                .append(" AND id = ").value(entity.entityId().value()), rs -> rs.getLong(1));
        if (stored.isEmpty()) {
            return new NotFoundException(noun() + " " + entity.entityId() + " does not exist in property " + property);
        }
        return new ConflictException(noun() + " " + entity.entityId() + " is at version " + stored.get() + ", not " + expectedVersion
                + "; reload it and apply the change again");
    }

    static <X> List<X> sorted(List<X> list, java.util.Comparator<X> order) {
        List<X> copy = new ArrayList<>(list);
        copy.sort(order);
        return copy;
    }
}
