package dev.contacts.inmemory;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites store-form filters as a store that did its own calendar arithmetic in UTC would
 * have them: a {@code within last}/{@code within next} pair ({@code x >= from and x <= to}
 * on one date attribute) whose bounds are whole days, weeks or months of local time apart
 * in one of the TCK's zones gets its far bound moved to the same shift done in UTC.
 */
final class UtcCalendar {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("Pacific/Chatham"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
    private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS);

    private UtcCalendar() {
    }

    static Filter rewrite(Filter f) {
        if (f instanceof And and) {
            List<Filter> children = new ArrayList<>(and.filters().stream().map(UtcCalendar::rewrite).toList());
            for (int i = 0; i < children.size(); i++) {
                for (int j = 0; j < children.size(); j++) {
                    if (children.get(i) instanceof Condition ge && children.get(j) instanceof Condition le && ge.operator() == Operator.GE
                            && le.operator() == Operator.LE && ge.attribute().equals(le.attribute())
                            && ge.operand() instanceof Instant from && le.operand() instanceof Instant to) {
                        Instant utcFrom = utcShift(to, from);
                        Instant utcTo = utcShift(from, to);
                        if (utcFrom != null) {
                            children.set(i, Condition.of(ge.attribute(), Operator.GE, utcFrom));
                        } else if (utcTo != null) {
                            children.set(j, Condition.of(le.attribute(), Operator.LE, utcTo));
                        }
                    }
                }
            }
            return Filter.and(children);
        }
        if (f instanceof Or or) {
            return Filter.or(or.filters().stream().map(UtcCalendar::rewrite).toList());
        }
        if (f instanceof Not not) {
            return Filter.not(rewrite(not.filter()));
        }
        return f;
    }

    /** The UTC version of the calendar shift that takes {@code origin} to {@code target} in a TCK zone, or null when there is none. */
    private static Instant utcShift(Instant origin, Instant target) {
        for (ZoneId zone : ZONES) {
            ZonedDateTime local = origin.atZone(zone);
            for (ChronoUnit unit : UNITS) {
                long estimate = unit.between(local, target.atZone(zone));
                for (long n = estimate - 1; n <= estimate + 1; n++) {
                    if (n != 0 && local.plus(n, unit).toInstant().equals(target)) {
                        return origin.atZone(ZoneOffset.UTC).plus(n, unit).toInstant();
                    }
                }
            }
        }
        return null;
    }
}
