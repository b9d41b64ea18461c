package dev.contacts.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.spi.ListViewRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Saved list views, one document per (property, target, agent) under a unique index on
 * those fields; the property's own view has no {@code agent} field. A save replaces the
 * document with an upsert (last write wins).
 */
final class MongoListViews implements ListViewRepository {
    private final MongoStore store;

    MongoListViews(MongoStore store) {
        this.store = store;
    }

    private MongoCollection<Document> collection() {
        return store.collection(Schema.LIST_VIEWS);
    }

    private static Bson key(PropertyId property, Target target, String agent) {
        return Filters.and(Fields.scope(property), Filters.eq("target", Objects.requireNonNull(target, "target").name()),
                agent == null ? Filters.exists("agent", false) : Filters.eq("agent", agent));
    }

    private static ListView decode(Document d) {
        return new ListView(Target.valueOf(d.getString("target")), d.getString("agent"), d.getList("columns", String.class),
                BsonValues.sort(d.get("sort", Document.class)));
    }

    @Override
    public Optional<ListView> get(PropertyId property, Target target, String agent) {
        return StoreCalls.run("listViews.get", property, () -> Optional.ofNullable(collection().find(key(property, target, agent)).first())
                .map(MongoListViews::decode));
    }

    @Override
    public List<ListView> list(PropertyId property, Target target) {
        Objects.requireNonNull(target, "target");
        return StoreCalls.run("listViews.list", property, () -> {
            List<ListView> all = new ArrayList<>();
            for (Document d : collection().find(Filters.and(Fields.scope(property), Filters.eq("target", target.name())))) {
                all.add(decode(d));
            }
            return List.copyOf(all);
        });
    }

    @Override
    public void put(PropertyId property, ListView view) {
        Objects.requireNonNull(view, "view");
        StoreCalls.runVoid("listViews.put", property, () -> {
            store.requireProperty(property, "save a list view");
            Document doc = new Document(Fields.PROPERTY, property.value()).append("target", view.target().name());
            if (view.agent() != null) {
                doc.append("agent", view.agent());
            }
            doc.append("columns", view.columns())
                    .append("sort", BsonValues.sort(view.sort()));
            Bson key = key(property, view.target(), view.agent());
            try {
                collection().replaceOne(key, doc, new ReplaceOptions().upsert(true));
            } catch (MongoException e) {
                if (!StoreCalls.isDuplicateKey(e, Schema.LIST_VIEW_UNIQUE)) {
                    throw e;
                }
                collection().replaceOne(key, doc); // a concurrent first save won the upsert: replace it
            }
        });
    }

    @Override
    public boolean delete(PropertyId property, Target target, String agent) {
        return StoreCalls.run("listViews.delete", property, () -> collection().deleteOne(key(property, target, agent)).getDeletedCount() == 1);
    }
}
