package dev.contacts.inmemory;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.host.BlobStore;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.AttributeDefinitionRepository;
import dev.contacts.spi.BulkResult;
import dev.contacts.spi.ContactMerge;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.ContactStore;
import dev.contacts.spi.OrganizationRepository;
import dev.contacts.spi.PropertyRepository;
import dev.contacts.spi.SeekOrder;
import dev.contacts.spi.StoreCapability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A deliberately broken store, for proving that the TCK catches the classic bugs: it
 * wraps the in-memory store and rewrites the filters of contact queries the way a buggy
 * adapter would translate them (and, for {@link Bug#FOLD_ASCII_ONLY}, the text of the
 * contacts it stores and returns).
 */
final class BrokenStore implements ContactStore {

    /** The bugs. */
    enum Bug {
        /** Negatives written as a plain {@code <>}: they drop unknown values. */
        NEGATIVES_DROP_UNKNOWNS,
        /** A seek on the id written with {@code >=}: the next page repeats the last item. */
        CURSOR_REPEATS_LAST_ITEM,
        /** Text compared as stored, without folding: case matters. */
        UNFOLDED_TEXT,
        /** Text folded by ASCII letters only, as SQL {@code lower()} in a C locale would: see {@link AsciiOnlyFold}. */
        FOLD_ASCII_ONLY,
        /** Relative periods in days, weeks and months computed in UTC instead of the query's zone: see {@link UtcCalendar}. */
        UTC_CALENDAR,
        /** {@code or} believed to bind tighter than {@code and} when the filter is written out: see {@link SwappedPrecedence}. */
        PRECEDENCE_SWAP
    }

    private final InMemoryStore delegate = new InMemoryStore();
    private final Bug bug;

    BrokenStore(Bug bug) {
        this.bug = bug;
    }

    private Filter breakFilter(Filter f) {
        switch (bug) {
            case FOLD_ASCII_ONLY:
                return AsciiOnlyFold.operands(f);
            case UTC_CALENDAR:
                return UtcCalendar.rewrite(f);
            case PRECEDENCE_SWAP:
                return SwappedPrecedence.rewrite(f);
            default:
                return breakTranslation(f);
        }
    }

    /** The classic translation bugs, condition by condition. */
    private Filter breakTranslation(Filter f) {
        if (f instanceof And) {
            return Filter.and(((And) f).filters().stream().map(this::breakTranslation).toList());
        }
        if (f instanceof Or) {
            return Filter.or(((Or) f).filters().stream().map(this::breakTranslation).toList());
        }
        if (f instanceof Not) {
            Condition c = (Condition) ((Not) f).filter();
            return bug == Bug.NEGATIVES_DROP_UNKNOWNS ? Filter.and(f, Condition.of(c.attribute(), Operator.HAS_ANY_VALUE)) : f;
        }
        if (f instanceof Condition) {
            Condition c = (Condition) f;
            switch (bug) {
                case NEGATIVES_DROP_UNKNOWNS:
                    return c.operator().isPositive() || c.operator() == Operator.IS_UNKNOWN
                            ? c : Filter.and(c, Condition.of(c.attribute(), Operator.HAS_ANY_VALUE));
                case CURSOR_REPEATS_LAST_ITEM:
                    if (c.attribute().equals("id") && (c.operator() == Operator.GT || c.operator() == Operator.LT)) {
                        return new Condition("id", c.operator() == Operator.GT ? Operator.GE : Operator.LE, c.operands());
                    }
                    return c;
                case UNFOLDED_TEXT:
                    // compare the operand exactly as given: only values spelled the same case still match
                    if (c.operator() == Operator.IS && c.operand() instanceof String) {
                        return Filter.and(c, caseSensitive(c));
                    }
                    return c;
                default:
                    return c;
            }
        }
        return f;
    }

    /** A text equality that only matches when the stored value is spelled exactly like the operand. */
    private static Filter caseSensitive(Condition c) {
        String v = (String) c.operand();
        String other = v.equals(v.toLowerCase(java.util.Locale.ROOT)) ? v.toUpperCase(java.util.Locale.ROOT) : v.toLowerCase(java.util.Locale.ROOT);
        return other.equals(v) ? Filter.all() : Filter.not(Condition.of(c.attribute(), Operator.IS, other));
    }

    @Override
    public PropertyRepository properties() {
        return delegate.properties();
    }

    @Override
    public AttributeDefinitionRepository attributes() {
        return delegate.attributes();
    }

    @Override
    public OrganizationRepository organizations() {
        return delegate.organizations();
    }

    @Override
    public dev.contacts.spi.TicketRepository tickets() {
        return delegate.tickets();
    }

    @Override
    public dev.contacts.spi.NoteRepository notes() {
        return delegate.notes();
    }

    @Override
    public dev.contacts.spi.ActivityRepository activity() {
        return delegate.activity();
    }

    @Override
    public dev.contacts.spi.SegmentRepository segments() {
        return delegate.segments();
    }

    @Override
    public dev.contacts.spi.ListViewRepository listViews() {
        return delegate.listViews();
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Optional<BlobStore> blobStore() {
        return delegate.blobStore();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public ContactRepository contacts() {
        ContactRepository d = delegate.contacts();
        UnaryOperator<Filter> broken = this::breakFilter;
        boolean ascii = bug == Bug.FOLD_ASCII_ONLY;
        UnaryOperator<String> text = ascii ? AsciiOnlyFold::protect : UnaryOperator.identity();
        UnaryOperator<Contact> in = c -> ascii ? AsciiOnlyFold.map(c, AsciiOnlyFold::protect) : c;
        UnaryOperator<Contact> out = c -> ascii ? AsciiOnlyFold.map(c, AsciiOnlyFold::restore) : c;
        return new ContactRepository() {
            @Override
            public Optional<Contact> findByEmail(PropertyId property, String email) {
                return d.findByEmail(property, text.apply(email)).map(out);
            }

            @Override
            public BulkResult addTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
                return d.addTags(property, broken.apply(filter), tags.stream().map(text).toList(), updated);
            }

            @Override
            public BulkResult removeTags(PropertyId property, Filter filter, List<String> tags, Instant updated) {
                return d.removeTags(property, broken.apply(filter), tags.stream().map(text).toList(), updated);
            }

            @Override
            public void insert(PropertyId property, Contact entity) {
                d.insert(property, in.apply(entity));
            }

            @Override
            public Optional<Contact> get(PropertyId property, ContactId id) {
                return d.get(property, id).map(out);
            }

            @Override
            public List<Contact> getAll(PropertyId property, List<ContactId> ids) {
                return d.getAll(property, ids).stream().map(out).toList();
            }

            @Override
            public void update(PropertyId property, Contact entity, long expectedVersion) {
                d.update(property, in.apply(entity), expectedVersion);
            }

            @Override
            public boolean delete(PropertyId property, ContactId id) {
                return d.delete(property, id);
            }

            @Override
            public List<Contact> find(PropertyId property, Filter filter, SeekOrder order, int limit) {
                return d.find(property, broken.apply(filter), order, limit).stream().map(out).toList();
            }

            @Override
            public List<ContactId> findIds(PropertyId property, Filter filter) {
                return d.findIds(property, broken.apply(filter));
            }

            @Override
            public long count(PropertyId property, Filter filter) {
                return d.count(property, broken.apply(filter));
            }

            @Override
            public void merge(PropertyId property, Contact merged, long keptVersion, ContactId removed, long removedVersion) {
                d.merge(property, in.apply(merged), keptVersion, removed, removedVersion);
            }

            @Override
            public List<ContactMerge> listPendingMerges(PropertyId property) {
                return d.listPendingMerges(property);
            }

            @Override
            public void completeMerge(PropertyId property, ContactId removed) {
                d.completeMerge(property, removed);
            }
        };
    }
}
