package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Not;
import dev.contacts.filter.Operator;
import dev.contacts.filter.Or;
import dev.contacts.filter.RelativePeriod;
import dev.contacts.model.Contact;
import dev.contacts.model.Property;
import dev.contacts.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's periods drawn with a {@code now} must put their calendar bound on a stored instant ± 1 ms. */
class FilterGeneratorTest {

    @Test
    void somePeriodsEndOnAStoredInstantWithinOneMillisecond() {
        TckDataset dataset = TckDataset.adversarial(TckSettings.DEFAULT_SEED);
        Property p = dataset.properties().get(0);
        List<Contact> contacts = dataset.contacts(p.id());
        ZoneId zone = ZoneId.of("Europe/Paris");
        int withNow = 0;
        for (int i = 0; i < 500; i++) {
            FilterGenerator g = new FilterGenerator(new SplittableRandom(i), dataset.catalog(p.id(), Target.CONTACT), contacts,
                    dataset.organizations(p.id()).values(), zone);
            Filter f = g.filter();
            if (g.boundaryNow().isEmpty()) {
                continue;
            }
            withNow++;
            Instant now = g.boundaryNow().get();
            List<Condition> periods = new ArrayList<>();
            collectPeriods(f, periods);
            assertThat(periods).as("periods of " + f).anyMatch(c -> boundIsNearAStoredValue(c, now, zone, contacts));
        }
        assertThat(withNow).as("filters of 500 drawn with a boundary now").isGreaterThan(10);
    }

    private static boolean boundIsNearAStoredValue(Condition c, Instant now, ZoneId zone, List<Contact> contacts) {
        RelativePeriod p = (RelativePeriod) c.operand();
        ChronoUnit unit = ChronoUnit.valueOf(p.unit().name());
        ZonedDateTime local = now.atZone(zone);
        Instant bound = (c.operator() == Operator.WITHIN_NEXT ? local.plus(p.amount(), unit) : local.minus(p.amount(), unit)).toInstant();
        return contacts.stream().map(x -> x.value(c.attribute())).filter(v -> v instanceof Instant)
                .anyMatch(v -> Duration.between((Instant) v, bound).abs().toMillis() <= 1);
    }

    private static void collectPeriods(Filter f, List<Condition> out) {
        if (f instanceof And and) {
            and.filters().forEach(x -> collectPeriods(x, out));
        } else if (f instanceof Or or) {
            or.filters().forEach(x -> collectPeriods(x, out));
        } else if (f instanceof Not not) {
            collectPeriods(not.filter(), out);
        } else if (f instanceof Condition c && c.operands().size() == 1 && c.operand() instanceof RelativePeriod) {
            out.add(c);
        }
    }
}
