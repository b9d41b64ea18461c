package dev.contacts.jpa;

import dev.contacts.tck.TckDataset;
import org.junit.jupiter.api.Test;

class ProfLoadTest {
    @Test
    void load() {
        String url = System.getProperty("prof.url");
        String user = System.getProperty("prof.user");
        long t0 = System.nanoTime();
        TckDataset d = TckDataset.adversarial(20261125L);
        long t1 = System.nanoTime();
        try (JpaStore s = JpaStore.create(url, user, null, SchemaMode.CREATE)) {
            long t2 = System.nanoTime();
            d.load(s);
            long t3 = System.nanoTime();
            org.slf4j.LoggerFactory.getLogger(ProfLoadTest.class).warn("generate {} ms, create {} ms, load {} ms", (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000);
        }
    }
}
