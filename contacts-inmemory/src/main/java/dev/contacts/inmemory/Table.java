package dev.contacts.inmemory;

import dev.contacts.filter.All;
import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.None;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.model.Attributed;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.EntityId;
import dev.contacts.model.OrganizationId;
import dev.contacts.query.Direction;
import dev.contacts.spi.SeekOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts or the organizations of one property: rows by id, a dense array of rows
 * for scans, hash indexes and sorted indexes, all kept in step by {@link #insert},
 * {@link #replace} and {@link #remove}; and the query planner. Not thread-safe by
 * itself: callers hold the property's read lock to query and its write lock to change.
 *
 * <h2>Plans</h2>
 * <ul>
 *   <li><b>Candidates</b>: a positive {@code is}/{@code is any of} leaf on a hash-indexed
 *       attribute gives a superset of the matches, and so does a range that top-level
 *       comparisons bound on a sorted index (collected only while it stays small); an
 *       {@code and} takes its smallest child's candidates, an {@code or} the union of its
 *       children's when every child has some. The full predicate is always tested on each
 *       candidate, so candidates only ever save work.</li>
 *   <li><b>Sorted walk</b>: when the order's attribute has a sorted index and the filter
 *       implies a known value, the known tree is walked from the seek position (taken from
 *       the top-level seek conjuncts, {@code k >= v and (k > v or id > x)}), stopping after
 *       {@code limit} matches or once a top-level bound on the key is passed. The unknown
 *       phase ({@code k is unknown}, ordered by id) walks the index's tree of unknown rows
 *       from the seek id. A small candidate set is preferred to a walk; a walk that visits
 *       its budget of rows without finishing (a selective filter) gives way to the
 *       candidates of another index, if any.</li>
 *   <li>Otherwise the candidates (or every row) are tested and the best {@code limit}
 *       are kept in a bounded heap.</li>
 *   <li>Conjuncts that cannot hold together ({@code k is unknown} beside a positive
 *       condition on k) return nothing at once; a count of a complement is the row count
 *       minus the count of its positive twin.</li>
 * </ul>
 *
 * @param <T> entity type
 */
final class Table<T extends Attributed> {
    private static final Logger LOG = LoggerFactory.getLogger(Table.class);
    /** Rows a first, short walk may visit per row the page needs (see find). */
    private static final int PROBE_ROWS_PER_MATCH = 8;
    /** Most compiled predicates a table keeps. */
    private static final int MAX_COMPILED = 256;
    /** What {@link #buildCost} says of a filter that no index narrows: {@link #candidates} gives null. */
    private static final long NO_CANDIDATES = Long.MAX_VALUE;

    private final Schema schema;
    private final Map<EntityId, Row<T>> byId = new HashMap<>();
    private final ArrayList<Row<T>> dense = new ArrayList<>();
    private final Map<String, HashIndex> hashIndexes = new LinkedHashMap<>();
    private final Map<String, SortedIndex<T>> sortedIndexes = new LinkedHashMap<>();
    /** Compiled predicates by filter (see {@link #compiled}); readers under the read lock share it. */
    private final Map<Filter, Predicate<Row<?>>> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    Table(Schema schema) {
        this.schema = schema;
        for (String attribute : schema.hashIndexed()) {
            hashIndexes.put(attribute, new HashIndex());
        }
        for (String attribute : schema.sortIndexed()) {
            sortedIndexes.put(attribute, new SortedIndex<>(attribute, schema.sortSlot(attribute)));
        }
    }

    Schema schema() {
        return schema;
    }

    int size() {
        return dense.size();
    }

    Row<T> get(EntityId id) {
        return byId.get(id);
    }

    /** @return every row, in no particular order (a live view: copy before changing the table) */
    List<Row<T>> rows() {
        return dense;
    }

    /**
     * @param attribute a hash-indexed attribute
     * @return its index
     */
    HashIndex hashIndex(String attribute) {
        HashIndex index = hashIndexes.get(attribute);
        if (index == null) {
            throw new IllegalArgumentException(attribute + " has no hash index");
        }
        return index;
    }

    // ------------------------------------------------------------------ writes

    void insert(Row<T> row) {
        if (byId.putIfAbsent(row.id, row) != null) {
            throw new IllegalStateException("duplicate id " + row.id);
        }
        row.slot = dense.size();
        dense.add(row);
        for (Map.Entry<String, HashIndex> e : hashIndexes.entrySet()) {
            for (Object key : schema.indexKeys(e.getKey(), row)) {
                e.getValue().add(key, row.id);
            }
        }
        for (SortedIndex<T> index : sortedIndexes.values()) {
            index.add(row);
        }
    }

    void replace(Row<T> old, Row<T> next) {
        if (!old.id.equals(next.id) || byId.get(old.id) != old) {
            throw new IllegalStateException("replace of a row that is not stored: " + old.id);
        }
        byId.put(next.id, next);
        next.slot = old.slot;
        dense.set(old.slot, next);
        for (Map.Entry<String, HashIndex> e : hashIndexes.entrySet()) {
            List<Object> before = schema.indexKeys(e.getKey(), old);
            List<Object> after = schema.indexKeys(e.getKey(), next);
            for (Object key : before) {
                if (!after.contains(key)) {
                    e.getValue().remove(key, old.id);
                }
            }
            for (Object key : after) {
                if (!before.contains(key)) {
                    e.getValue().add(key, next.id);
                }
            }
        }
        for (SortedIndex<T> index : sortedIndexes.values()) {
            index.remove(old);
            index.add(next);
        }
    }

    void remove(Row<T> row) {
        if (byId.get(row.id) != row) {
            throw new IllegalStateException("remove of a row that is not stored: " + row.id);
        }
        byId.remove(row.id);
        Row<T> last = dense.remove(dense.size() - 1);
        if (last != row) {
            dense.set(row.slot, last);
            last.slot = row.slot;
        }
        row.slot = -1;
        for (Map.Entry<String, HashIndex> e : hashIndexes.entrySet()) {
            for (Object key : schema.indexKeys(e.getKey(), row)) {
                e.getValue().remove(key, row.id);
            }
        }
        for (SortedIndex<T> index : sortedIndexes.values()) {
            index.remove(row);
        }
    }

    // ------------------------------------------------------------------ queries

    /**
     * @param filter store-form filter
     * @return the exact number of matching rows
     */
    long count(Filter filter) {
        if (filter instanceof All) {
            return dense.size();
        }
        if (contradictory(conjuncts(filter))) {
            return 0;
        }
        // A complement counts as everything minus its positive twin, which an index may answer.
        if (filter instanceof Not) {
            return dense.size() - count(((Not) filter).filter());
        }
        if (filter instanceof Condition && !((Condition) filter).operator().isPositive()) {
            Condition c = (Condition) filter;
            Operator twin = c.operator().complement();
            if (twin != null && twin.isPositive() && leafCandidates(new Condition(c.attribute(), twin, c.operands())) != null) {
                return dense.size() - count(new Condition(c.attribute(), twin, c.operands()));
            }
        }
        Predicate<Row<?>> p = compiled(filter);
        long n = 0;
        for (Row<T> row : source(candidates(filter, dense.size() / 4, null))) {
            if (p.test(row)) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param filter store-form filter
     * @return the matching rows, in no particular order (a new list)
     */
    List<Row<T>> matching(Filter filter) {
        List<Row<T>> result = new ArrayList<>();
        if (contradictory(conjuncts(filter))) {
            return result;
        }
        Predicate<Row<?>> p = compiled(filter);
        for (Row<T> row : source(candidates(filter, dense.size() / 4, null))) {
            if (p.test(row)) {
                result.add(row);
            }
        }
        return result;
    }

    /**
     * One phase of a page, planned as described in the class documentation.
     *
     * @param filter store-form filter
     * @param order  the order
     * @param limit  most rows
     * @return the rows, in order
     */
    List<T> find(Filter filter, SeekOrder order, int limit) {
        return find(filter, order, limit, true);
    }

    /**
     * @param filter     store-form filter
     * @param order      the order
     * @param limit      most rows
     * @param useIndexes false to test every row and sort (tests compare both plans)
     * @return the rows, in order
     */
    List<T> find(Filter filter, SeekOrder order, int limit, boolean useIndexes) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        long start = System.nanoTime();
        Predicate<Row<?>> p = compiled(filter);
        List<Filter> conjuncts = conjuncts(filter);
        boolean asc = order.direction() == Direction.ASC;
        List<T> result;
        String plan;
        if (!useIndexes) {
            plan = "scan";
            result = topK(dense, p, comparator(order), limit);
        } else if (contradictory(conjuncts)) {
            plan = "contradiction";
            result = List.of();
        } else {
            SortedIndex<T> known = order.attribute() == null || !impliesKnown(conjuncts, order.attribute())
                    ? null : sortedIndexes.get(order.attribute());
            SortedIndex<T> unknown = order.attribute() == null ? unknownPhaseIndex(conjuncts) : null;
            SortedIndex<T> walkable = known != null ? known : unknown;
            long n = Math.max(1, dense.size());
            if (walkable == null) {
                Collection<EntityId> candidates = candidates(filter, n / 4, null);
                plan = candidates == null ? "scan" : "candidates(" + candidates.size() + ")";
                result = topK(source(candidates), p, comparator(order), limit);
            } else {
                // A walk visits about limit / selectivity rows; c candidates cost c. With c
                // candidates the selectivity is at most c / n, so they surely win when c * c <= 4 * limit * n.
                long threshold = (long) Math.sqrt(4.0 * limit * n);
                // But building candidates costs more than c: a conjunction's intersection probes a hash
                // set for each id of its smallest one, and a probe costs more than testing the next row
                // of a walk. So a walk goes first, with a budget of half as many rows as the candidates
                // would take probes (at least PROBE_ROWS_PER_MATCH per row the page needs): a filter that
                // fills the page within it is answered (an OR of groups: 45 times faster, measured), and
                // the others lose at most that half (a selective AND: about 1.2 times slower).
                long budget = Math.max(PROBE_ROWS_PER_MATCH * (long) limit,
                        Math.min(buildCost(filter, threshold, walkable.attribute) / 2, 4 * threshold));
                List<T> probed = walk(known, unknown, conjuncts, p, asc, limit, budget);
                Collection<EntityId> few = probed != null ? null : candidates(filter, threshold, walkable.attribute);
                if (probed != null) {
                    plan = (known != null ? "sorted walk of " : "unknown walk of ") + walkable.attribute + " (probe)";
                    result = probed;
                } else if (few != null && few.size() <= threshold) {
                    plan = "candidates(" + few.size() + ")";
                    result = topK(source(few), p, comparator(order), limit);
                } else {
                    // Walk with a budget; a walk that finds too few matches in it means a selective
                    // filter, for which a wider candidate set (a range of another sorted index) is cheaper.
                    // A probe that already had this budget would only fail again.
                    String walkPlan = (known != null ? "sorted walk of " : "unknown walk of ") + walkable.attribute;
                    result = budget >= 4 * threshold ? null : walk(known, unknown, conjuncts, p, asc, limit, 4 * threshold);
                    plan = walkPlan;
                    if (result == null) {
                        Collection<EntityId> candidates = candidates(filter, n / 4, walkable.attribute);
                        if (candidates != null) {
                            plan = walkPlan + " over budget, then candidates(" + candidates.size() + ")";
                            result = topK(source(candidates), p, comparator(order), limit);
                        } else {
                            plan = walkPlan + " over budget, then a full walk";
                            result = walk(known, unknown, conjuncts, p, asc, limit, Long.MAX_VALUE);
                        }
                    }
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} find by {} {}: {} -> {} rows in {} µs", schema.target(), order.attribute() == null ? "id" : order.attribute(),
                    order.direction(), plan, result.size(), (System.nanoTime() - start) / 1000);
        }
        return result;
    }

    /**
     * The filter's predicate, compiled once per distinct filter: a repeated query (the same
     * first page, the same count) skips the compilation. The predicates only read the rows,
     * so readers share them; the map starts again from empty when it holds
     * {@value #MAX_COMPILED} filters.
     */
    private Predicate<Row<?>> compiled(Filter filter) {
        Predicate<Row<?>> p = compiled.get(filter);
        if (p == null) {
            p = FilterCompiler.compile(filter, schema);
            if (compiled.size() >= MAX_COMPILED) {
                compiled.clear();
            }
            compiled.put(filter, p);
        }
        return p;
    }

    private static List<Filter> conjuncts(Filter filter) {
        return filter instanceof And ? ((And) filter).filters() : List.of(filter);
    }

    /**
     * Whether the top-level conjuncts cannot hold together: {@code none}, or {@code k is
     * unknown} beside a positive condition on k (the unknown phase of a page sorted by an
     * attribute the filter bounds, such as {@code lastSeen within last 30 days}).
     */
    private static boolean contradictory(List<Filter> conjuncts) {
        Set<String> unknown = new HashSet<>();
        Set<String> known = new HashSet<>();
        for (Filter f : conjuncts) {
            if (f instanceof None) {
                return true;
            }
            if (f instanceof Condition) {
                Condition c = (Condition) f;
                if (c.operator() == Operator.IS_UNKNOWN) {
                    unknown.add(c.attribute());
                } else if (c.operator().isPositive()) {
                    known.add(c.attribute());
                }
            }
        }
        unknown.retainAll(known);
        return !unknown.isEmpty();
    }

    private Iterable<Row<T>> source(Collection<EntityId> candidates) {
        if (candidates == null) {
            return dense;
        }
        List<Row<T>> rows = new ArrayList<>(candidates.size());
        for (EntityId id : candidates) {
            Row<T> row = byId.get(id);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * @param filter  store-form filter
     * @param cap     a range of a sorted index is collected only while it has at most this many rows
     * @param exclude an attribute whose ranges are not collected (the one a walk will bound itself), or null
     * @return ids of a superset of the matching rows, or null when no index narrows it
     */
    Collection<EntityId> candidates(Filter filter, long cap, String exclude) {
        if (filter instanceof None) {
            return List.of();
        }
        if (filter instanceof Condition) {
            Collection<EntityId> hash = leafCandidates((Condition) filter);
            return hash != null ? hash : rangeCandidates(List.of(filter), cap, exclude);
        }
        if (filter instanceof And) {
            List<Collection<EntityId>> sets = new ArrayList<>();
            for (Filter f : ((And) filter).filters()) {
                Collection<EntityId> c = candidates(f, cap, exclude);
                if (c != null) {
                    sets.add(c);
                }
            }
            Collection<EntityId> best = intersection(sets);
            long rangeCap = best == null ? cap : Math.min(cap, best.size() - 1L);
            Collection<EntityId> range = rangeCap < 0 ? null : rangeCandidates(((And) filter).filters(), rangeCap, exclude);
            return range != null ? range : best;
        }
        if (filter instanceof Or) {
            List<Collection<EntityId>> parts = new ArrayList<>();
            long total = 0;
            for (Filter f : ((Or) filter).filters()) {
                Collection<EntityId> c = candidates(f, cap, exclude);
                if (c == null) {
                    return null;
                }
                total += c.size();
                if (total > dense.size() / 2) {
                    return null; // not selective: a scan is as cheap
                }
                parts.add(c);
            }
            Set<EntityId> union = new HashSet<>();
            parts.forEach(union::addAll);
            return union;
        }
        return null;
    }

    /**
     * About how many ids {@link #candidates} would go through for a filter, from the index
     * sizes alone, mirroring what it does: a hash leaf its sets; a comparison that a sorted
     * index other than {@code exclude} can bound at most {@code cap} (the range is collected
     * no further); a conjunction its cheapest part, since the intersection iterates the
     * smallest set and a part that no index narrows is left out of it (so it neither adds nor
     * caps the cost: {@code tags is "vip" and country is "DE" and lastSeen has any value}
     * costs the vip set, not {@code cap}); a disjunction the sum of its parts.
     *
     * @param filter  store-form filter
     * @param cap     the cap of a sorted-index range, as passed to {@link #candidates}
     * @param exclude the attribute whose ranges {@link #candidates} will not collect, or null
     * @return the cost, or {@link #NO_CANDIDATES} when no index narrows the filter
     */
    private long buildCost(Filter filter, long cap, String exclude) {
        if (filter instanceof None) {
            return 0;
        }
        if (filter instanceof Condition) {
            Condition c = (Condition) filter;
            String indexed = hashIndexed(c);
            List<Object> keys = indexed == null ? null : hashKeys(indexed, c);
            if (keys == null) {
                return rangeable(c, exclude) ? cap : NO_CANDIDATES;
            }
            long total = 0;
            for (Object key : keys) {
                total += hashIndexes.get(indexed).size(key);
            }
            // leafCandidates gives up on a union of several keys covering more than half the rows
            return keys.size() > 1 && total > dense.size() / 2 ? NO_CANDIDATES : total;
        }
        if (filter instanceof And) {
            long cheapest = NO_CANDIDATES;
            for (Filter f : ((And) filter).filters()) {
                cheapest = Math.min(cheapest, buildCost(f, cap, exclude));
            }
            return cheapest;
        }
        if (filter instanceof Or) {
            long sum = 0;
            for (Filter f : ((Or) filter).filters()) {
                long part = buildCost(f, cap, exclude);
                if (part == NO_CANDIDATES) {
                    return NO_CANDIDATES;
                }
                sum += part;
            }
            return sum;
        }
        return NO_CANDIDATES;
    }

    /** Whether {@link #rangeCandidates} may bound a range of a sorted index (other than {@code exclude}) by this condition. */
    private boolean rangeable(Condition c, String exclude) {
        Operator op = c.operator();
        return (op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE) && c.operands().size() == 1
                && sortedIndexes.containsKey(c.attribute()) && !c.attribute().equals(exclude);
    }

    /**
     * The rows in every candidate set of a conjunction: the smallest set, kept to the ids that
     * the other hash sets contain. Two common conditions can be selective together (a tag and
     * a country) while each alone is not; a set that is not a hash set is left out, which only
     * keeps more candidates (each is still tested by the predicate).
     */
    private static Collection<EntityId> intersection(List<Collection<EntityId>> sets) {
        if (sets.isEmpty()) {
            return null;
        }
        sets.sort(Comparator.comparingInt(Collection::size));
        Collection<EntityId> smallest = sets.get(0);
        List<Set<EntityId>> others = new ArrayList<>();
        for (Collection<EntityId> c : sets.subList(1, sets.size())) {
            if (c instanceof Set) {
                others.add((Set<EntityId>) c);
            }
        }
        if (others.isEmpty()) {
            return smallest;
        }
        List<EntityId> kept = new ArrayList<>();
        for (EntityId id : smallest) {
            boolean inAll = true;
            for (Set<EntityId> other : others) {
                if (!other.contains(id)) {
                    inAll = false;
                    break;
                }
            }
            if (inAll) {
                kept.add(id);
            }
        }
        return kept;
    }

    /** @return the hash index that answers an {@code is} / {@code is any of} condition, or null */
    private String hashIndexed(Condition c) {
        return c.operator() == Operator.IS || c.operator() == Operator.IS_ANY_OF ? schema.hashIndexFor(c.attribute()) : null;
    }

    /** @return the condition's operands as keys of the hash index (folds, organization ids), or null if one cannot be */
    private static List<Object> hashKeys(String indexed, Condition c) {
        List<Object> keys = new ArrayList<>();
        for (Object operand : c.operands()) {
            if (BuiltInAttributes.ORGANIZATION.equals(indexed)) {
                if (operand instanceof OrganizationId) {
                    keys.add(operand);
                } else if (operand instanceof String) {
                    keys.add(OrganizationId.parse((String) operand));
                } else {
                    return null;
                }
            } else if (operand instanceof String) {
                keys.add(Schema.fold((String) operand));
            } else {
                return null;
            }
        }
        return keys;
    }

    private Collection<EntityId> leafCandidates(Condition c) {
        String indexed = hashIndexed(c);
        List<Object> keys = indexed == null ? null : hashKeys(indexed, c);
        if (keys == null) {
            return null;
        }
        HashIndex index = hashIndexes.get(indexed);
        if (keys.size() == 1) {
            return index.get(keys.get(0));
        }
        long total = 0;
        for (Object key : keys) {
            total += index.size(key);
        }
        if (total > dense.size() / 2) {
            return null;
        }
        Set<EntityId> union = new HashSet<>();
        for (Object key : keys) {
            union.addAll(index.get(key));
        }
        return union;
    }

    /**
     * The rows of the narrowest range that top-level comparisons bound on a sorted index,
     * collected while there are at most {@code cap} of them.
     */
    private Collection<EntityId> rangeCandidates(List<Filter> conjuncts, long cap, String exclude) {
        Collection<EntityId> best = null;
        for (SortedIndex<T> index : sortedIndexes.values()) {
            if (index.attribute.equals(exclude)) {
                continue;
            }
            SortedIndex.Probe low = null;
            SortedIndex.Probe high = null;
            for (Filter f : conjuncts) {
                if (!(f instanceof Condition) || !((Condition) f).attribute().equals(index.attribute)) {
                    continue;
                }
                Condition c = (Condition) f;
                if (c.operands().size() != 1) {
                    continue;
                }
                Object key = sortKey(c.operand());
                SortedIndex.Probe probe;
                switch (c.operator()) {
                    case GE: probe = new SortedIndex.Probe(key, null, -1); break;
                    case GT: probe = new SortedIndex.Probe(key, null, 1); break;
                    case LE: probe = new SortedIndex.Probe(key, null, 1); break;
                    case LT: probe = new SortedIndex.Probe(key, null, -1); break;
                    default: continue;
                }
                boolean lower = c.operator() == Operator.GE || c.operator() == Operator.GT;
                SortedIndex.Probe current = lower ? low : high;
                if (current != null && !ValueOrder.comparable(current.key(), key)) {
                    continue;
                }
                if (current == null || (lower ? index.order.compare(probe, current) > 0 : index.order.compare(probe, current) < 0)) {
                    if (lower) {
                        low = probe;
                    } else {
                        high = probe;
                    }
                }
            }
            if (low == null && high == null) {
                continue;
            }
            NavigableSet<SortedIndex.Keyed> range;
            if (low != null && high != null) {
                if (!ValueOrder.comparable(low.key(), high.key())) {
                    continue;
                }
                if (index.order.compare(low, high) > 0) {
                    return List.of();
                }
                range = index.known.subSet(low, false, high, false);
            } else {
                range = low != null ? index.known.tailSet(low, false) : index.known.headSet(high, false);
            }
            long limit = best == null ? cap : Math.min(cap, best.size() - 1L);
            List<EntityId> ids = new ArrayList<>();
            for (SortedIndex.Keyed k : range) {
                if (ids.size() >= limit) {
                    ids = null;
                    break;
                }
                ids.add(k.keyId());
            }
            if (ids != null) {
                best = ids;
            }
        }
        return best;
    }

    /** Whether a top-level conjunct is a positive condition on the attribute (so every match has a known value). */
    private static boolean impliesKnown(List<Filter> conjuncts, String attribute) {
        for (Filter f : conjuncts) {
            if (f instanceof Condition) {
                Condition c = (Condition) f;
                if (c.attribute().equals(attribute) && c.operator().isPositive()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sorted index of an attribute a top-level conjunct says is unknown. */
    private SortedIndex<T> unknownPhaseIndex(List<Filter> conjuncts) {
        for (Filter f : conjuncts) {
            if (f instanceof Condition) {
                Condition c = (Condition) f;
                if (c.operator() == Operator.IS_UNKNOWN && sortedIndexes.containsKey(c.attribute())) {
                    return sortedIndexes.get(c.attribute());
                }
            }
        }
        return null;
    }

    /** @return the walk's rows, or null when it visited {@code budget} rows without finishing */
    private List<T> walk(SortedIndex<T> known, SortedIndex<T> unknown, List<Filter> conjuncts, Predicate<Row<?>> p, boolean asc,
                         int limit, long budget) {
        return known != null ? walkKnown(known, conjuncts, p, asc, limit, budget) : walkUnknown(unknown, conjuncts, p, asc, limit, budget);
    }

    private List<T> walkKnown(SortedIndex<T> index, List<Filter> conjuncts, Predicate<Row<?>> p, boolean asc, int limit,
                              long budget) {
        NavigableSet<SortedIndex.Keyed> view = asc ? index.known : index.known.descendingSet();
        SortedIndex.Probe start = seekStart(index, conjuncts, asc);
        Iterable<SortedIndex.Keyed> walk = start == null ? view : view.tailSet(start, false);
        List<Predicate<Row<?>>> stops = stopConditions(index.attribute, conjuncts, asc);
        List<T> result = new ArrayList<>(Math.min(limit, 1024));
        long visited = 0;
        outer:
        for (SortedIndex.Keyed k : walk) {
            if (++visited > budget) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Row<T> row = (Row<T>) k;
            for (Predicate<Row<?>> stop : stops) {
                if (!stop.test(row)) {
                    break outer; // keys only move further past the bound from here
                }
            }
            if (p.test(row)) {
                result.add(row.entity);
                if (result.size() >= limit) {
                    break;
                }
            }
        }
        return result;
    }

    /**
     * The furthest position in walk order that the top-level conjuncts allow starting
     * from: {@code k >= v} (asc) / {@code k <= v} (desc) starts at v, {@code k > v} /
     * {@code k < v} after v, and the keyset pair {@code k >= v and (k > v or id > x)}
     * just after (v, x).
     */
    private SortedIndex.Probe seekStart(SortedIndex<T> index, List<Filter> conjuncts, boolean asc) {
        String k = index.attribute;
        Operator beyond = asc ? Operator.GT : Operator.LT;
        Operator beyondOrAt = asc ? Operator.GE : Operator.LE;
        int before = asc ? -1 : 1; // bias of a probe placed before every id of a key, in walk order
        List<SortedIndex.Probe> probes = new ArrayList<>();
        List<Object> atOrBeyond = new ArrayList<>();
        for (Filter f : conjuncts) {
            if (f instanceof Condition) {
                Condition c = (Condition) f;
                if (!c.attribute().equals(k) || c.operands().size() != 1) {
                    continue;
                }
                Object key = sortKey(c.operand());
                if (c.operator() == beyondOrAt) {
                    probes.add(new SortedIndex.Probe(key, null, before));
                    atOrBeyond.add(key);
                } else if (c.operator() == beyond) {
                    probes.add(new SortedIndex.Probe(key, null, -before));
                }
            }
        }
        for (Filter f : conjuncts) {
            if (f instanceof Or && ((Or) f).filters().size() == 2) {
                Filter a = ((Or) f).filters().get(0);
                Filter b = ((Or) f).filters().get(1);
                if (a instanceof Condition && b instanceof Condition) {
                    Condition onKey = (Condition) a;
                    Condition onId = (Condition) b;
                    if (onKey.attribute().equals(k) && onKey.operator() == beyond && onId.attribute().equals(FilterCompiler.ID)
                            && onId.operator() == beyond && onId.operand() instanceof EntityId) {
                        Object key = sortKey(onKey.operand());
                        for (Object v : atOrBeyond) {
                            if (ValueOrder.comparable(v, key) && ValueOrder.compare(v, key) == 0) {
                                probes.add(new SortedIndex.Probe(key, (EntityId) onId.operand(), 0));
                                break;
                            }
                        }
                    }
                }
            }
        }
        SortedIndex.Probe furthest = null;
        for (SortedIndex.Probe probe : probes) {
            if (furthest == null) {
                furthest = probe;
            } else if (ValueOrder.comparable(probe.key(), furthest.key())) {
                int c = index.order.compare(probe, furthest);
                if (asc ? c > 0 : c < 0) {
                    furthest = probe;
                }
            }
        }
        return furthest;
    }

    private static Object sortKey(Object operand) {
        return operand instanceof String ? Schema.fold((String) operand) : operand;
    }

    /** Top-level bounds on the key that, once failed along the walk, fail for every later row. */
    private List<Predicate<Row<?>>> stopConditions(String attribute, List<Filter> conjuncts, boolean asc) {
        List<Predicate<Row<?>>> stops = new ArrayList<>();
        for (Filter f : conjuncts) {
            if (f instanceof Condition) {
                Condition c = (Condition) f;
                Operator op = c.operator();
                boolean bound = asc ? op == Operator.LT || op == Operator.LE : op == Operator.GT || op == Operator.GE;
                if (bound && c.attribute().equals(attribute)) {
                    stops.add(FilterCompiler.compile(c, schema));
                }
            }
        }
        return stops;
    }

    private List<T> walkUnknown(SortedIndex<T> index, List<Filter> conjuncts, Predicate<Row<?>> p, boolean asc, int limit,
                                long budget) {
        NavigableMap<EntityId, Row<T>> view = asc ? index.unknown : index.unknown.descendingMap();
        for (Filter f : conjuncts) {
            if (f instanceof Condition) {
                Condition c = (Condition) f;
                if (c.attribute().equals(FilterCompiler.ID) && c.operands().size() == 1 && c.operand() instanceof EntityId) {
                    Operator op = c.operator();
                    if (op == (asc ? Operator.GT : Operator.LT)) {
                        view = view.tailMap((EntityId) c.operand(), false);
                        break;
                    }
                    if (op == (asc ? Operator.GE : Operator.LE)) {
                        view = view.tailMap((EntityId) c.operand(), true);
                        break;
                    }
                }
            }
        }
        List<T> result = new ArrayList<>(Math.min(limit, 1024));
        long visited = 0;
        for (Row<T> row : view.values()) {
            if (++visited > budget) {
                return null;
            }
            if (p.test(row)) {
                result.add(row.entity);
                if (result.size() >= limit) {
                    break;
                }
            }
        }
        return result;
    }

    private List<T> topK(Iterable<Row<T>> source, Predicate<Row<?>> p, Comparator<Row<T>> order, int limit) {
        PriorityQueue<Row<T>> heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, order.reversed());
        for (Row<T> row : source) {
            if (!p.test(row)) {
                continue;
            }
            if (heap.size() < limit) {
                heap.add(row);
            } else if (order.compare(row, heap.peek()) < 0) {
                heap.poll();
                heap.add(row);
            }
        }
        List<Row<T>> rows = new ArrayList<>(heap);
        rows.sort(order);
        List<T> result = new ArrayList<>(rows.size());
        for (Row<T> row : rows) {
            result.add(row.entity);
        }
        return result;
    }

    /**
     * The order of a phase: sort key (text by fold, code point order) then id, both in the
     * direction; unknown keys, which the core never asks a phase to order, go last.
     */
    Comparator<Row<T>> comparator(SeekOrder order) {
        boolean asc = order.direction() == Direction.ASC;
        if (order.attribute() == null) {
            return asc ? (a, b) -> ValueOrder.compareIds(a.id, b.id) : (a, b) -> ValueOrder.compareIds(b.id, a.id);
        }
        Function<Row<?>, Object> key = sortKeyAccessor(order.attribute());
        return (a, b) -> {
            Object ka = key.apply(a);
            Object kb = key.apply(b);
            int c;
            if (ka == null || kb == null) {
                c = ka == kb ? 0 : ka == null ? 1 : -1;
                if (c != 0) {
                    return c;
                }
            } else {
                c = ValueOrder.compare(ka, kb);
                if (c != 0) {
                    return asc ? c : -c;
                }
            }
            c = ValueOrder.compareIds(a.id, b.id);
            return asc ? c : -c;
        };
    }

    private Function<Row<?>, Object> sortKeyAccessor(String attribute) {
        int sortSlot = schema.sortSlot(attribute);
        if (sortSlot >= 0) {
            return r -> r.sortKeys[sortSlot];
        }
        int textSlot = schema.textSlot(attribute);
        if (textSlot >= 0) {
            return r -> {
                Object f = r.folds[textSlot];
                return f instanceof String[] ? ((String[]) f)[0] : f;
            };
        }
        return r -> {
            Object f = r.customFolds.get(attribute);
            return f instanceof String ? f : r.entity.value(attribute);
        };
    }
}
