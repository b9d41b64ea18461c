package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.model.Property;
import dev.contacts.model.PropertyId;
import dev.contacts.spi.PropertyRepository;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Properties in {@code property}. Deleting one deletes everything of it in one statement:
 * every other table refers to it with {@code ON DELETE CASCADE}.
 */
final class JpaProperties implements PropertyRepository {
    private final Transactions tx;

    JpaProperties(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void create(Property property) {
        Objects.requireNonNull(property, "property");
        tx.run("create property", db -> {
            if (db.exists(db.sql("SELECT 1 FROM property WHERE id = ").value(property.id().value()))) {
                throw new ConflictException("property " + property.id() + " already exists");
            }
            db.update(db.sql("INSERT INTO property (id, name, zone) VALUES (").value(property.id().value()).append(", ")
                    .value(property.name()).append(", ").value(property.zone().getId()).append(")"));
            // the per-property ticket number counter (see JpaTickets.create)
            db.update(db.sql("INSERT INTO ticket_counter (property_id, last_number) VALUES (").value(property.id().value()).append(", 0)"));
            return null;
        });
    }

    @Override
    public Optional<Property> get(PropertyId id) {
        Objects.requireNonNull(id, "id");
        return tx.run("get property", db -> db.first(db.sql("SELECT id, name, zone FROM property WHERE id = ").value(id.value()),
                JpaProperties::property));
    }

    @Override
    public List<Property> list() {
        List<Property> all = new java.util.ArrayList<>(tx.run("list properties",
                db -> db.list(db.sql("SELECT id, name, zone FROM property"), JpaProperties::property)));
        all.sort(java.util.Comparator.comparing(p -> p.id().value())); // the same order whatever the database's collation
        return all;
    }

    @Override
    public boolean delete(PropertyId id) {
        Objects.requireNonNull(id, "id");
        return tx.run("delete property", db -> db.update(db.sql("DELETE FROM property WHERE id = ").value(id.value())) > 0);
    }

    private static Property property(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Property(PropertyId.of(rs.getString("id")), rs.getString("name"), ZoneId.of(rs.getString("zone")));
    }
}
