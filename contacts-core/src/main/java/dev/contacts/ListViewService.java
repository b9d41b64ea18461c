package dev.contacts;

import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.ViewRules;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import dev.contacts.query.ListView;
import dev.contacts.query.Sort;
import dev.contacts.spi.ListViewRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The list views of one property: which columns the contact and organization lists show
 * and how they are sorted, for the whole property and, optionally, per agent. Obtain it
 * from {@code contacts.property(id).listViews()}.
 *
 * <p>Reading falls back from the agent's own view to the property's view to
 * {@link ListView#defaultFor the built-in one} (contacts: primary email, primary phone,
 * organization, tags, last seen, by {@code lastSeen desc}). Saving checks every column
 * against the property's attributes (any built-in attribute including
 * {@code organization}, or a defined {@code custom.<key>}; an unknown one is an
 * {@link UnknownAttributeException}) and the sort; an agent id must exist in the host's
 * {@link dev.contacts.host.Directory}. When a custom attribute is deleted its column is
 * dropped from every saved view (a view left without columns is reset), and a sort on it
 * falls back to the target's default.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class ListViewService {
    private final PropertyContext context;
    private final ListViewRepository views;

    ListViewService(PropertyContext context) {
        this.context = context;
        this.views = context.store().listViews();
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * @param target contacts or organizations
     * @return the property's view of that target, else the built-in one
     */
    public ListView get(Target target) {
        return resolve(Objects.requireNonNull(target, "target"), null);
    }

    /**
     * @param target contacts or organizations
     * @param agent  the host's agent id
     * @return the agent's own view, else the property's, else the built-in one; {@link ListView#agent()} says whose
     *         it is
     * @throws InvalidValueException if the agent id is blank
     */
    public ListView get(Target target, String agent) {
        return resolve(Objects.requireNonNull(target, "target"), requireAgent(agent));
    }

    /**
     * Saves the property's view, or an agent's when the view names one, replacing the one
     * saved before.
     *
     * @param view the view ({@link ListView#ofProperty} or {@link ListView#ofAgent})
     * @return it
     * @throws UnknownAttributeException if a column or the sort names an attribute the target does not have
     * @throws InvalidValueException     if the sort attribute cannot be sorted by, or the agent is not in the host's
     *                                   directory
     */
    public ListView save(ListView view) {
        return context.write(() -> {
            Objects.requireNonNull(view, "view");
            AttributeCatalog catalog = context.catalog(view.target());
            ViewRules.requireColumns(catalog, view.columns());
            ViewRules.requireSortable(catalog, view.sort());
            checkAgent(view.agent());
            views.put(pid(), view);
            return view;
        });
    }

    /**
     * Removes the property's saved view: the list shows the built-in one again (agents'
     * own views stay).
     *
     * @param target contacts or organizations
     * @return whether a view was saved
     */
    public boolean reset(Target target) {
        return views.delete(pid(), Objects.requireNonNull(target, "target"), null);
    }

    /**
     * Removes an agent's own view: the agent sees the property's view again.
     *
     * @param target contacts or organizations
     * @param agent  the host's agent id
     * @return whether a view was saved
     * @throws InvalidValueException if the agent is not in the host's directory
     */
    public boolean reset(Target target, String agent) {
        String normal = requireAgent(agent);
        checkAgent(normal);
        return views.delete(pid(), Objects.requireNonNull(target, "target"), normal);
    }

    private ListView resolve(Target target, String agent) {
        AttributeCatalog catalog = context.catalog(target);
        if (agent != null) {
            Optional<ListView> own = shown(views.get(pid(), target, agent), catalog);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return shown(views.get(pid(), target, null), catalog).orElse(ListView.defaultFor(target));
    }

    /** A stored view as shown: columns whose attribute is gone left out (gone if none is left), sort fallen back. */
    private static Optional<ListView> shown(Optional<ListView> stored, AttributeCatalog catalog) {
        if (stored.isEmpty()) {
            return stored;
        }
        ListView v = stored.get();
        List<String> columns = ViewRules.knownColumns(catalog, v.columns());
        Sort sort = ViewRules.knownSort(catalog, v.sort());
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(columns.equals(v.columns()) && sort.equals(v.sort()) ? v : new ListView(v.target(), v.agent(), columns, sort));
    }

    private static String requireAgent(String agent) {
        String normal = Values.text("agent", Objects.requireNonNull(agent, "agent"));
        if (normal == null) {
            throw new InvalidValueException("agent", "an agent id is not blank");
        }
        return normal;
    }

    private void checkAgent(String agent) {
        if (agent != null && !context.hosts().directory().agentExists(agent)) {
            throw new InvalidValueException("agent", "no agent '" + agent + "' in the host's directory");
        }
    }
}
