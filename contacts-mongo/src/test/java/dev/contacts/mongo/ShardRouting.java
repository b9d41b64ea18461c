package dev.contacts.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.contacts.tck.CallerOrigin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Decides whether one command the MongoDB store sends stays on one shard of a cluster whose
 * property-data collections ({@link Schema#PROPERTY_DATA}) are sharded on
 * {@code {propertyId: 1}}: every filter it carries (find, count, distinct, findAndModify,
 * delete and update statements, the first {@code $match} of an aggregation) has an equality
 * on {@code propertyId} at its top level (directly, as {@code {$eq: …}}, or inside a top-level
 * {@code $and}), and every inserted document has a {@code propertyId}. The commands that need
 * none are listed in {@link #EXEMPT_COMMANDS} and {@link #KEYED_COLLECTIONS} with their reason.
 *
 * <p>As a {@link CommandListener} on the tests' clients it checks every command: the ones the
 * store's code sends (the innermost {@code dev.contacts} frame of the sending thread is a main
 * class: the sync driver reports a command on the thread that sends it) and counts apart the
 * ones a test sends itself. Thread-safe.
 */
final class ShardRouting implements CommandListener {
    /** The shard key field of every property-data collection. */
    static final String SHARD_KEY = Fields.PROPERTY;

    /** Commands that carry no filter of their own, with why they stay where they belong. */
    static final Map<String, String> EXEMPT_COMMANDS = Map.ofEntries(
            Map.entry("getMore", "continues the cursor of a find or aggregate that was checked, on the shards that one reached"),
            Map.entry("killCursors", "closes a cursor of a checked command"),
            Map.entry("createIndexes", "index creation at start-up (Schema.ensure): mongos sends it to every shard, as it must"),
            Map.entry("create", "collection creation at start-up (Schema.ensure)"),
            Map.entry("listCollections", "start-up reads the database's collection names (Schema.ensure)"),
            Map.entry("listIndexes", "start-up and schema checks read the declared indexes"),
            Map.entry("drop", "dropping a collection (tests' clean-up, GridFS bucket drop)"),
            Map.entry("dropDatabase", "dropping a store's database"));

    /**
     * Collections that are not property data but sharded on a key of their own: the blob
     * store's inline blobs on {@code _id} (the attachment key {@code tickets/<property>/…}, so a
     * property's blobs are one key range) and its GridFS chunks on {@code files_id} (GridFS reads
     * chunks by their file). A filter on them must name that field (equality or range).
     */
    static final Map<String, String> KEYED_COLLECTIONS = Map.of("blobs", "_id", "attachments.chunks", "files_id");

    /**
     * Collections left unsharded (on the database's primary shard), with why: any command on
     * them stays on that one shard.
     */
    static final Map<String, String> UNSHARDED_COLLECTIONS = Map.of(
            Schema.PROPERTIES, "one small document per property, read by _id (the property id) or listed whole",
            "attachments.files", "one small document per large attachment, found by filename (the attachment key) or _id");

    /** The outcome of one command. */
    enum Kind {
        /** Every filter and document is pinned to one property: one shard. */
        SINGLE_SHARD,
        /** On a collection of {@link #UNSHARDED_COLLECTIONS}. */
        UNSHARDED,
        /** On a collection of {@link #KEYED_COLLECTIONS}, by its key. */
        KEYED,
        /** Not about a collection (hello, transactions, sessions…). */
        NO_COLLECTION,
        /** One of {@link #EXEMPT_COMMANDS}. */
        EXEMPT,
        /** Would be broadcast to every shard, or cannot be shown not to. */
        VIOLATION
    }

    /**
     * @param kind   the outcome
     * @param detail what is wrong, or the reason of an exemption, or the collection
     */
    record Verdict(Kind kind, String detail) {
    }

    /** Commands that name no collection. */
    private static final Set<String> NO_COLLECTION_COMMANDS = Set.of("hello", "ismaster", "isMaster", "ping", "buildInfo", "buildinfo",
            "endSessions", "commitTransaction", "abortTransaction", "saslStart", "saslContinue", "getLastError", "serverStatus",
            "listDatabases", "whatsmyuri", "getParameter", "hostInfo", "getFreeMonitoringStatus", "explain");

    /**
     * @param command the command document as sent
     * @return whether it stays on one shard
     */
    static Verdict check(BsonDocument command) {
        String name = command.getFirstKey();
        if (EXEMPT_COMMANDS.containsKey(name)) {
            return new Verdict(Kind.EXEMPT, name + ": " + EXEMPT_COMMANDS.get(name));
        }
        BsonValue target = command.get(name);
        if (NO_COLLECTION_COMMANDS.contains(name) || target == null || !target.isString()) {
            if (name.equals("explain") || !NO_COLLECTION_COMMANDS.contains(name) && target != null && !target.isString() && !target.isNumber()
                    && !target.isBoolean()) {
                return new Verdict(Kind.VIOLATION, "the command " + name + " is not understood by the routing check");
            }
            return new Verdict(Kind.NO_COLLECTION, name);
        }
        String collection = target.asString().getValue();
        List<BsonDocument> filters = new ArrayList<>();
        List<BsonDocument> documents = new ArrayList<>();
        switch (name) {
            case "find":
                filters.add(doc(command, "filter"));
                break;
            case "count":
            case "distinct":
                filters.add(doc(command, "query"));
                break;
            case "findAndModify":
                filters.add(doc(command, "query"));
                break;
            case "delete":
                for (BsonValue d : command.getArray("deletes", new BsonArray())) {
                    filters.add(doc(d.asDocument(), "q"));
                }
                break;
            case "update":
                for (BsonValue u : command.getArray("updates", new BsonArray())) {
                    filters.add(doc(u.asDocument(), "q"));
                }
                break;
            case "insert":
                for (BsonValue d : command.getArray("documents", new BsonArray())) {
                    documents.add(d.asDocument());
                }
                break;
            case "aggregate": {
                BsonArray pipeline = command.getArray("pipeline", new BsonArray());
                if (pipeline.isEmpty() || !pipeline.get(0).asDocument().containsKey("$match")) {
                    filters.add(new BsonDocument()); // no leading $match: every shard
                } else {
                    filters.add(pipeline.get(0).asDocument().getDocument("$match"));
                }
                for (BsonValue stage : pipeline) {
                    String op = stage.asDocument().getFirstKey();
                    if (Set.of("$lookup", "$graphLookup", "$unionWith", "$out", "$merge").contains(op)) {
                        return new Verdict(Kind.VIOLATION, "the aggregation stage " + op + " on " + collection + " reads or writes another collection");
                    }
                }
                break;
            }
            default:
                return new Verdict(Kind.VIOLATION, "the command " + name + " on " + collection + " is not understood by the routing check");
        }
        if (UNSHARDED_COLLECTIONS.containsKey(collection)) {
            return new Verdict(Kind.UNSHARDED, collection);
        }
        if (KEYED_COLLECTIONS.containsKey(collection)) {
            String key = KEYED_COLLECTIONS.get(collection);
            for (BsonDocument f : filters) {
                if (f == null || !names(f, key)) {
                    return new Verdict(Kind.VIOLATION, name + " on " + collection + " without its key " + key + ": " + shape(f));
                }
            }
            return new Verdict(Kind.KEYED, collection);
        }
        if (!Schema.PROPERTY_DATA.contains(collection)) {
            return new Verdict(Kind.VIOLATION, name + " on " + collection
                    + ", a collection the routing check does not know (shard it on propertyId and add it to Schema.PROPERTY_DATA, or list it)");
        }
        for (BsonDocument f : filters) {
            if (f == null || !pinned(f)) {
                return new Verdict(Kind.VIOLATION, name + " on " + collection + " without an equality on " + SHARD_KEY + ": " + shape(f));
            }
        }
        for (BsonDocument d : documents) {
            BsonValue v = d.get(SHARD_KEY);
            if (v == null || v.isDocument() || v.isArray() || v.isNull()) {
                return new Verdict(Kind.VIOLATION, "insert into " + collection + " of a document without a " + SHARD_KEY + " value: " + shape(d));
            }
        }
        return new Verdict(Kind.SINGLE_SHARD, collection);
    }

    /** @return the filter with every value replaced by {@code ?}: its shape, the same for every call of one query */
    static String shape(BsonValue v) {
        if (v == null) {
            return "null";
        }
        if (v.isDocument()) {
            StringBuilder b = new StringBuilder("{");
            v.asDocument().forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(shape(x)));
            return b.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            v.asArray().forEach(x -> b.append(b.length() > 1 ? ", " : "").append(shape(x)));
            return b.append(']').toString();
        }
        return "?";
    }

    private static BsonDocument doc(BsonDocument d, String key) {
        BsonValue v = d.get(key);
        return v == null ? new BsonDocument() : v.isDocument() ? v.asDocument() : null;
    }

    /** @return whether the filter constrains the field at its top level or in a top-level {@code $and} */
    private static boolean names(BsonDocument filter, String field) {
        if (filter.containsKey(field)) {
            return true;
        }
        BsonValue and = filter.get("$and");
        return and != null && and.isArray() && and.asArray().stream().anyMatch(p -> p.isDocument() && names(p.asDocument(), field));
    }

    /** @return whether the filter holds {@code propertyId} equal to one value, at its top level or in a top-level {@code $and} */
    static boolean pinned(BsonDocument filter) {
        BsonValue v = filter.get(SHARD_KEY);
        if (v != null) {
            if (v.isDocument()) {
                BsonDocument ops = v.asDocument();
                if (ops.size() == 1 && ops.containsKey("$eq") && !ops.get("$eq").isDocument() && !ops.get("$eq").isArray()) {
                    return true;
                }
            } else if (!v.isArray() && !v.isNull() && !v.isRegularExpression()) {
                return true;
            }
        }
        BsonValue and = filter.get("$and");
        if (and != null && and.isArray()) {
            for (BsonValue part : and.asArray()) {
                if (part.isDocument() && pinned(part.asDocument())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------ recording

    private static final Set<Class<?>> OBSERVERS = Set.of(ShardRouting.class, CrashingClient.class);
    /** The one listener of this JVM (the counts are global). */
    static final ShardRouting LISTENER = new ShardRouting();
    private static final Map<Kind, LongAdder> BY_KIND = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> BY_EXEMPTION = new ConcurrentHashMap<>();
    private static final LongAdder TESTS_OWN = new LongAdder();
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());

    private ShardRouting() {
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!issuedByStore()) {
            TESTS_OWN.increment();
            return;
        }
        Verdict v = check(event.getCommand());
        BY_KIND.computeIfAbsent(v.kind(), k -> new LongAdder()).increment();
        if (v.kind() == Kind.EXEMPT) {
            BY_EXEMPTION.computeIfAbsent(v.detail(), k -> new LongAdder()).increment();
        } else if (v.kind() == Kind.VIOLATION) {
            VIOLATIONS.add(v.detail());
        }
    }

    /** @return whether the calling thread runs the store's code (not a test's own command) */
    static boolean issuedByStore() {
        return CallerOrigin.isMainCode(OBSERVERS);
    }

    /**
     * The counts so far.
     *
     * @param byKind      the store's commands by verdict
     * @param byExemption exempted commands by reason
     * @param testsOwn    commands the tests sent themselves (not checked)
     * @param violations  violations so far
     */
    record Totals(Map<Kind, Long> byKind, Map<String, Long> byExemption, long testsOwn, int violations) {
        @Override
        public String toString() {
            return byKind.values().stream().mapToLong(Long::longValue).sum() + " store commands " + byKind + ", exempt " + byExemption + ", "
                    + testsOwn + " sent by the tests themselves (not checked), " + violations + " violations";
        }
    }

    /** @return the counts so far */
    static Totals totals() {
        Map<Kind, Long> kinds = new TreeMap<>();
        BY_KIND.forEach((k, v) -> kinds.put(k, v.sum()));
        Map<String, Long> exemptions = new TreeMap<>();
        BY_EXEMPTION.forEach((k, v) -> exemptions.put(k.substring(0, k.indexOf(':')), v.sum()));
        return new Totals(kinds, exemptions, TESTS_OWN.sum(), VIOLATIONS.size());
    }

    /**
     * @param from the number of violations before
     * @return the violations since
     */
    static List<String> violationsSince(int from) {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS.subList(from, VIOLATIONS.size()));
        }
    }
}
