package dev.contacts.tck;

import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.Sort;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One generated query of the TCK, printable so a failure can be read and replayed.
 *
 * @param target   contacts or organizations
 * @param property the property
 * @param filter   the filter
 * @param sort     the sort
 * @param pageSize page size
 * @param zone     zone of local days
 * @param now      instant of relative filters
 * @param walk     whether to walk every page by cursor
 * @param viaText  whether the store is asked with the filter printed and parsed back
 *                 ({@code FilterParser.parse(FilterPrinter.print(filter))}), as a saved segment is
 */
public record QueryCase(Target target, PropertyId property, Filter filter, Sort sort, int pageSize, ZoneId zone, Instant now,
                        boolean walk, boolean viaText) {
    /**
     * @param f another filter
     * @return this case with that filter
     */
    public QueryCase withFilter(Filter f) {
        return new QueryCase(target, property, f, sort, pageSize, zone, now, walk, viaText);
    }

    @Override
    public String toString() {
        return target.name().toLowerCase(java.util.Locale.ROOT) + " in " + property + " where " + FilterPrinter.print(filter)
                + " sort " + sort + " pageSize " + pageSize + " zone " + zone + " now " + now + (walk ? " (walking all pages)" : "") + (viaText ? " (run from its text)" : "");
    }
}
