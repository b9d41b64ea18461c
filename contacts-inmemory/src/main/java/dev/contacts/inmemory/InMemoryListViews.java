package dev.contacts.inmemory;

import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.spi.ListViewRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Saved list views under the property's lock, by target and agent. */
final class InMemoryListViews implements ListViewRepository {
    private final InMemoryStore store;

    InMemoryListViews(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<ListView> get(PropertyId property, Target target, String agent) {
        Objects.requireNonNull(target, "target");
        return store.read(property, Optional.empty(), data -> Optional.ofNullable(data.views.listViews.get(target).get(agent)));
    }

    @Override
    public List<ListView> list(PropertyId property, Target target) {
        Objects.requireNonNull(target, "target");
        return store.read(property, List.of(), data -> List.copyOf(data.views.listViews.get(target).values()));
    }

    @Override
    public void put(PropertyId property, ListView view) {
        Objects.requireNonNull(view, "view");
        PropertyData data = store.require(property, "save a list view");
        data.write(() -> data.views.listViews.get(view.target()).put(view.agent(), view));
    }

    @Override
    public boolean delete(PropertyId property, Target target, String agent) {
        Objects.requireNonNull(target, "target");
        PropertyData data = store.data(Objects.requireNonNull(property, "property"));
        return data != null && data.write(() -> data.views.listViews.get(target).remove(agent) != null);
    }
}
