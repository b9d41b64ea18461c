package dev.contacts.jpa;

import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Sort;
import dev.contacts.spi.ListViewRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved list views in {@code list_view}, keyed {@code (property_id, target, agent_key)} where
 * the property's own view has the agent key {@code ''} (an agent id is never blank). A put
 * replaces the row (delete and insert in one transaction): last write wins.
 */
final class JpaListViews implements ListViewRepository {
    private final Transactions tx;

    JpaListViews(Transactions tx) {
        this.tx = tx;
    }

    private static String agentKey(String agent) {
        return agent == null ? "" : agent;
    }

    @Override
    public Optional<ListView> get(PropertyId property, Target target, String agent) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        return tx.run("get list view", db -> db.first(db.sql("SELECT agent_key, columns_list, sort_order FROM list_view WHERE property_id = ")
                .value(property.value()).append(" AND target = ").value(target.name()).append(" AND agent_key = ").value(agentKey(agent)),
                rs -> view(target, rs)));
    }

    @Override
    public List<ListView> list(PropertyId property, Target target) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        return tx.run("list list views", db -> db.list(db.sql("SELECT agent_key, columns_list, sort_order FROM list_view WHERE property_id = ")
                .value(property.value()).append(" AND target = ").value(target.name()), rs -> view(target, rs)));
    }

    @Override
    public void put(PropertyId property, ListView view) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(view, "view");
        String p = property.value();
        tx.run("put list view", db -> {
            JpaEntityRepository.requireProperty(db, p, "save a list view");
            db.update(db.sql("DELETE FROM list_view WHERE property_id = ").value(p).append(" AND target = ").value(view.target().name())
                    .append(" AND agent_key = ").value(agentKey(view.agent())));
            db.update(db.sql("INSERT INTO list_view (property_id, target, agent_key, columns_list, sort_order) VALUES (").value(p)
                    .append(", ").value(view.target().name()).append(", ").value(agentKey(view.agent())).append(", ")
                    .value(TextList.encode(view.columns())).append(", ").value(view.sort().toString()).append(")"));
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, Target target, String agent) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        return tx.run("delete list view", db -> db.update(db.sql("DELETE FROM list_view WHERE property_id = ").value(property.value())
                .append(" AND target = ").value(target.name()).append(" AND agent_key = ").value(agentKey(agent))) > 0);
    }

    private static ListView view(Target target, java.sql.ResultSet rs) throws java.sql.SQLException {
        String agent = rs.getString("agent_key");
        return new ListView(target, agent.isEmpty() ? null : agent, TextList.decode(rs.getString("columns_list")),
                Sort.parse(rs.getString("sort_order")));
    }
}
