package dev.contacts.jpa;

import dev.contacts.ConflictException;
import dev.contacts.NotFoundException;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.spi.AttributeDefinitionRepository;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Custom attribute definitions in {@code attribute_definition}, in creation order (a
 * position per property and target). Deleting one deletes its values in the same
 * transaction; the objects that had them keep their version and {@code updated}.
 */
final class JpaAttributes implements AttributeDefinitionRepository {
    private final Transactions tx;

    JpaAttributes(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void create(PropertyId property, AttributeDefinition definition) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(definition, "definition");
        if (definition.builtIn()) {
            throw new IllegalArgumentException(definition.name() + " is built in; only custom attributes are stored");
        }
        String p = property.value();
        tx.run("define attribute", db -> {
            bumpCatalog(db, p, "define an attribute");
            if (db.exists(db.sql("SELECT 1 FROM attribute_definition WHERE property_id = ").value(p).append(" AND target = ")
                    .value(definition.target().name()).append(" AND name = ").value(definition.name()))) {
                throw new ConflictException("the " + definition.target().name().toLowerCase(Locale.ROOT) + " attribute "
                        + definition.name() + " is already defined in property " + p);
            }
            db.update(db.sql("INSERT INTO attribute_definition (property_id, target, name, label, type, position) SELECT ").value(p)
                    .append(", ").value(definition.target().name()).append(", ").value(definition.name()).append(", ")
                    .value(definition.label()).append(", ").value(definition.type().name())
                    .append(", COALESCE(MAX(position), 0) + 1 FROM attribute_definition WHERE property_id = ").value(p)
                    .append(" AND target = ").value(definition.target().name()));
            return null;
        });
    }

    /**
     * Raises the property's catalog version in the transaction of a definition write (which
     * also locks the property row, so definition writes of a property are serialised), and
     * checks that the property exists.
     */
    private void bumpCatalog(Db db, String property, String action) throws SQLException {
        tx.forgetCatalogVersion(property);
        if (db.update(db.sql("UPDATE property SET catalog_version = catalog_version + 1 WHERE id = ").value(property)) == 0) {
            throw new NotFoundException("cannot " + action + ": property " + property + " does not exist");
        }
    }

    /**
     * {@inheritDoc} Here: the {@code catalog_version} column of the property row; inside a
     * unit of work, the version the unit's last page or count read with its rows, without a
     * statement.
     */
    @Override
    public long getCatalogVersion(PropertyId property) {
        Objects.requireNonNull(property, "property");
        java.util.OptionalLong seen = tx.seenCatalogVersion(property.value());
        if (seen.isPresent()) {
            return seen.getAsLong();
        }
        return tx.run("read the catalog version", db -> db.first(db.sql("SELECT catalog_version FROM property WHERE id = ")
                .value(property.value()), rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public List<AttributeDefinition> list(PropertyId property, Target target) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        return tx.run("list attributes", db -> db.list(db.sql("SELECT name, label, type FROM attribute_definition WHERE property_id = ")
                .value(property.value()).append(" AND target = ").value(target.name()).append(" ORDER BY position, name"),
                rs -> new AttributeDefinition(rs.getString("name"), rs.getString("label"), AttributeType.valueOf(rs.getString("type")),
                        target, false)));
    }

    /** {@inheritDoc} Only the label is taken from the given definition; the type stays. */
    @Override
    public void update(PropertyId property, AttributeDefinition definition) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(definition, "definition");
        String p = property.value();
        tx.run("relabel attribute", db -> {
            bumpCatalog(db, p, "relabel an attribute");
            int n = db.update(db.sql("UPDATE attribute_definition SET label = ").value(definition.label()).append(" WHERE property_id = ")
                    .value(p).append(" AND target = ").value(definition.target().name()).append(" AND name = ").value(definition.name()));
            if (n == 0) {
                throw new NotFoundException("the attribute " + definition.name() + " is not defined in property " + p);
            }
            return null;
        });
    }

    @Override
    public boolean delete(PropertyId property, Target target, String name) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
        String p = property.value();
        String values = (target == Target.CONTACT ? EntityTable.CONTACTS : EntityTable.ORGANIZATIONS).customTable();
        return tx.run("delete attribute", db -> {
            int n = db.update(db.sql("DELETE FROM attribute_definition WHERE property_id = ").value(p).append(" AND target = ")
                    .value(target.name()).append(" AND name = ").value(name));
            if (n == 0) {
                return false;
            }
            bumpCatalog(db, p, "delete an attribute");
            db.update(db.sql("DELETE FROM " + values + " WHERE property_id = ").value(p).append(" AND attr = ").value(name));
            return true;
        });
    }
}
