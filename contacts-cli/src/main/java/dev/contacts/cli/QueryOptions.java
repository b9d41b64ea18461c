package dev.contacts.cli;

import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.query.Cursor;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The options of a query: filter, sort, cursor (shared by find, count, export and orgs list). */
final class QueryOptions {
    @Option(names = {"-f", "--filter"}, paramLabel = "TEXT", defaultValue = "all",
            description = "Filter in the canonical text form, e.g. 'tags is \"vip\" and lastSeen within last 30 days' (default: all).")
    String filter;

    @Option(names = {"-s", "--sort"}, paramLabel = "ATTR:asc|desc",
            description = "Sort key, e.g. lastSeen:desc (default for contacts: lastSeen:desc; unknown values last either way).")
    String sort;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after the page that printed this cursor.")
    String cursor;

    /** @return the parsed filter */
    Filter parsedFilter() {
        return CliCommand.filter(filter);
    }

    /** @return the canonical text of the filter */
    String canonicalFilter() {
        return FilterPrinter.print(parsedFilter());
    }

    /**
     * @param zone     the {@code --zone} override, or null
     * @param pageSize the page size
     * @return the query of the first page to read
     */
    Query query(ZoneId zone, int pageSize) {
        Query q = Query.of(parsedFilter()).withPageSize(pageSize).withZone(zone);
        if (sort != null) {
            q = q.withSort(Sort.parse(sort));
        }
        if (cursor != null) {
            q = q.withCursor(Cursor.of(cursor.strip()));
        }
        return q;
    }
}
