package dev.contacts.spi;

import dev.contacts.query.Direction;
import java.util.Objects;

/**
 * The order a store returns one phase of a page in: by the attribute's value (text by
 * fold, code-point order), then by id, both in {@code direction}; or by id alone when
 * {@code attribute} is null. The core plans phases so that every row a phase returns has
 * a known value of the attribute: stores never decide where unknown values go.
 *
 * @param attribute sort attribute, or null to order by id only
 * @param direction direction of both keys
 */
public record SeekOrder(String attribute, Direction direction) {
    /**
     * Checks the direction.
     *
     * @param attribute sort attribute, or null to order by id only
     * @param direction direction of both keys
     */
    public SeekOrder {
        Objects.requireNonNull(direction, "direction");
    }
}
