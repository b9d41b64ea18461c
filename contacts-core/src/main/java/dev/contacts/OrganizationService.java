package dev.contacts;

import dev.contacts.filter.Filter;
import dev.contacts.internal.ChangeApplier;
import dev.contacts.internal.ContactHistory;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.QueryRunner;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.spi.OrganizationRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The organizations of one property: the same create/read/update/delete, filter, sort
 * and paging machinery as contacts, with organization attributes. Names are unique per
 * property (by fold). Deleting an organization unlinks it from every contact.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class OrganizationService {
    private final PropertyContext context;
    private final OrganizationRepository repository;
    private final QueryRunner<OrganizationId, Organization> queries;

    OrganizationService(PropertyContext context) {
        this.context = context;
        this.repository = context.store().organizations();
        this.queries = new QueryRunner<>(Target.ORGANIZATION, context, repository);
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * @param changes its attributes; {@code name} is required
     * @return the stored organization
     * @throws ConflictException if the name is taken in this property
     */
    public Organization create(AttributeChanges changes) {
        return context.write(() -> {
            Instant now = context.now();
            Organization.Builder b = Organization.builder(OrganizationId.generate());
            ChangeApplier.apply(b, changes, context.catalog(Target.ORGANIZATION));
            if (b.get("created") == null) {
                b.set("created", now);
            }
            Organization org = b.set("updated", now).version(1).build();
            repository.insert(pid(), org);
            return org;
        });
    }

    /**
     * @param name the organization's name
     * @return the stored organization
     */
    public Organization create(String name) {
        return create(AttributeChanges.builder().set("name", name).build());
    }

    /**
     * @param id the id
     * @return the organization
     * @throws NotFoundException if it is not in this property
     */
    public Organization get(OrganizationId id) {
        return repository.get(pid(), Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> new NotFoundException("organization " + id + " does not exist in property " + pid()));
    }

    /**
     * @param name a name, compared by fold
     * @return the organization with that name, if any
     */
    public Optional<Organization> findByName(String name) {
        String normal = Values.text("name", name);
        return normal == null ? Optional.empty() : repository.findByName(pid(), normal);
    }

    /**
     * @param id              the id
     * @param expectedVersion the version the change is based on
     * @param changes         the change
     * @return the new state
     * @throws ConflictException if it changed since that version, or the new name is taken
     */
    public Organization update(OrganizationId id, long expectedVersion, AttributeChanges changes) {
        return context.write(() -> {
            Organization current = get(id);
            if (current.version() != expectedVersion) {
                throw new ConflictException("organization " + id + " is at version " + current.version() + ", not " + expectedVersion
                        + "; reload it and apply the change again");
            }
            Organization.Builder b = current.toBuilder();
            ChangeApplier.apply(b, changes, context.catalog(Target.ORGANIZATION));
            Organization next = b.set("updated", context.now()).version(current.version() + 1).build();
            repository.update(pid(), next, current.version());
            return next;
        });
    }

    /**
     * Deletes an organization with its notes and unlinks it from every contact. Under
     * {@link DeletionPolicy#REFUSE_WHEN_HISTORY} an organization with notes is refused.
     *
     * @param id the id
     * @throws NotFoundException      if it is not in this property
     * @throws HistoryExistsException if it has notes and the policy refuses to delete it (nothing changed)
     */
    public void delete(OrganizationId id) {
        Objects.requireNonNull(id, "id");
        if (repository.get(pid(), id).isPresent()) {
            Optional<HistoryExistsException> refused = ContactHistory.refusal(context, id);
            if (refused.isPresent()) {
                throw refused.get();
            }
        }
        if (!ContactHistory.deleteWith(context, id, () -> repository.delete(pid(), id))) {
            throw new NotFoundException("organization " + id + " does not exist in property " + pid());
        }
    }

    /**
     * @param query filter, sort (default {@code name asc}), page size, cursor
     * @return one page and the cursor of the next
     */
    public Page<Organization> find(Query query) {
        return context.read(() -> queries.find(query));
    }

    /**
     * @param filter a filter on organization attributes
     * @return the exact number of matches
     */
    public long count(Filter filter) {
        return context.read(() -> queries.count(filter, null, null));
    }

    /**
     * @param query a query; its filter, zone and now are used
     * @return the exact number of matches
     */
    public long count(Query query) {
        return context.read(() -> queries.count(query.filter(), query.zone(), query.now()));
    }
}
