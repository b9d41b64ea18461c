package dev.contacts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The suite's own correctness, in the default build: on a small workload each in-process
 * store (in-memory, MongoDB on mongo-java-server, H2 in a file under target/) and its
 * hand-written baseline agree on every scenario (so a change to either that breaks the
 * equality fails here, not in the middle of a benchmark run), each operation returns what its
 * scenario promises, and the command line is checked.
 */
class VerifierTest {
    private static final Workload SMALL = Workload.of(3_000, Workload.DEFAULT_SEED);
    /** The same with a timeline of 300 items: writing 10,000 takes minutes on H2 and far longer on mongo-java-server. */
    private static final Workload SMALL_TIMELINE = SMALL.withTimelineItems(300);

    @Test
    void theInMemorySdkAndItsBaselineAgreeOnEveryScenario() {
        Verifier.verify("inmemory", SMALL, List.of(Scenario.values()));
    }

    @Test
    void theMongoSdkOnMongoJavaServerAndItsBaselineAgreeOnEveryScenario() {
        Verifier.verify("mongo", SMALL_TIMELINE, List.of(Scenario.values()));
    }

    @Test
    void theTimelineOnMongoJavaServerIsRefusedWithWhatToDoRatherThanWrittenForHalfAnHour() {
        try (Fixture fixture = Fixtures.open("mongo", SMALL, true)) {
            assertThatThrownBy(fixture::requireTimeline).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("leave timelinePage out");
        }
    }

    @Test
    void theH2SdkAndItsBaselineAgreeOnEveryScenario() {
        Verifier.verify("h2", SMALL_TIMELINE, List.of(Scenario.values()));
    }

    @Test
    void mongoServerWithoutAServerSaysWhatToSet() {
        String uri = System.getenv(MongoFixture.URI_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            LoggerFactory.getLogger(VerifierTest.class).info("{} is set: the check of its absence is skipped", MongoFixture.URI_VARIABLE);
        }
        Assumptions.assumeTrue(uri == null || uri.isBlank(), MongoFixture.URI_VARIABLE + " is set, so mongo-server has a server");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--stores", "mongo-server"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set " + MongoFixture.URI_VARIABLE);
        assertThatThrownBy(() -> Fixtures.open("mongo-server", SMALL, true)).hasMessageContaining("set " + MongoFixture.URI_VARIABLE);
    }

    @Test
    void theScenariosAnswerSomethingWorthMeasuring() {
        try (Fixture fixture = Fixtures.open("inmemory", SMALL, true); Side sdk = fixture.side("sdk")) {
            for (Scenario s : List.of(Scenario.SELECTIVE_FIRST_PAGE, Scenario.BROAD_SORTED_FIRST_PAGE, Scenario.NEGATIVE_FIRST_PAGE,
                    Scenario.CUSTOM_ATTRIBUTE_FIRST_PAGE, Scenario.OR_OF_GROUPS_FIRST_PAGE, Scenario.DEEP_PAGE, Scenario.TIMELINE_PAGE)) {
                assertThat((List<?>) sdk.prepare(s).run()).as(s.toString()).isNotEmpty();
            }
            long broad = (Long) sdk.prepare(Scenario.BROAD_COUNT).run();
            assertThat(broad).as("the broad filter matches a large share, not all").isBetween(SMALL.size() / 5L, SMALL.size() - 1L);
            assertThat((List<?>) sdk.prepare(Scenario.TIMELINE_PAGE).run()).hasSize(Scenario.PAGE_SIZE);
        }
    }

    @Test
    void aDifferenceBetweenTheSidesStopsTheRun() {
        try (Fixture fixture = Fixtures.open("inmemory", SMALL, true); Side sdk = fixture.side("sdk")) {
            List<?> page = (List<?>) sdk.prepare(Scenario.SELECTIVE_FIRST_PAGE).run();
            List<?> shorter = page.subList(0, page.size() - 1);
            assertThatThrownBy(() -> Verifier.compare("inmemory", Scenario.SELECTIVE_FIRST_PAGE, page, shorter))
                    .isInstanceOf(Verifier.MismatchException.class).hasMessageContaining("differ");
            assertThatThrownBy(() -> Verifier.compare("inmemory", Scenario.BROAD_COUNT, 10L, 11L))
                    .isInstanceOf(Verifier.MismatchException.class).hasMessageContaining("10 vs 11");
        }
    }

    @Test
    void mariadbWorksInADatabaseOfItsOwnOnTheConfiguredServer() {
        assertThat(MariaDbFixture.schemaUrl("jdbc:mariadb://127.0.0.1:3306/test", "contacts_bench_1000_1"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/contacts_bench_1000_1");
        assertThat(MariaDbFixture.schemaUrl("jdbc:mariadb://db.example:3307/app?sslMode=trust", "x")).isEqualTo("jdbc:mariadb://db.example:3307/x?sslMode=trust");
        assertThat(MariaDbFixture.schemaUrl("jdbc:mariadb://localhost", "x")).isEqualTo("jdbc:mariadb://localhost/x");
        assertThatThrownBy(() -> MariaDbFixture.schemaUrl("jdbc:postgresql://localhost/test", "x")).hasMessageContaining("CONTACTS_MARIADB_URL");
    }

    @Test
    void theCommandLineIsChecked() {
        assertThat(BenchMain.parse(new String[] {"--quick"}).contacts()).isEqualTo(100_000);
        assertThat(BenchMain.parse(new String[0]).contacts()).isEqualTo(1_000_000);
        assertThat(BenchMain.parse(new String[] {"--scenarios", "deepPage,broadCount"}).scenarios())
                .containsExactly(Scenario.DEEP_PAGE, Scenario.BROAD_COUNT);
        assertThat(BenchMain.parse(new String[0]).stores()).containsExactly("inmemory", "postgresql", "mariadb", "h2");
        assertThat(BenchMain.parse(new String[] {"--stores", "mariadb"}).stores()).containsExactly("mariadb");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--stores", "oracle"})).hasMessageContaining("unknown store");
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"--frobnicate"})).hasMessageContaining("unknown option");
    }
}
