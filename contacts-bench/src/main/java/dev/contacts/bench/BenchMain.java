package dev.contacts.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite: checks that each store's SDK side and baseline agree on every scenario,
 * measures both with JMH (one fork each), and writes the ratio table, the results page and
 * its chart. Started by {@code bench/run}; see {@link #usage()}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** The run's settings, from the command line. */
    record Settings(boolean quick, int contacts, long seed, List<String> stores, List<Scenario> scenarios, Path out, boolean verifyOnly) {
    }

    /** The stores measured when {@code --stores} is not given: the ones of the results page. */
    static final List<String> DEFAULT_STORES = List.of("inmemory", "postgresql", "mariadb", "h2");

    static String usage() {
        return String.join("\n",
                "usage: bench/run [--quick] [--contacts N] [--stores a,b] [--scenarios a,b] [--seed S] [--out DIR] [--verify-only]",
                "  --quick        100,000 contacts, short iterations; results in bench/quick/",
                "  (default)      1,000,000 contacts; results in bench/RESULTS.md and bench/results.svg",
                "  --stores       any of " + Fixtures.ALL + " (default " + String.join(",", DEFAULT_STORES) + ";",
                "                 mongo is mongo-java-server: functional only, not performance; mongo-server needs CONTACTS_MONGO_URI)",
                "  --scenarios    any of " + Arrays.stream(Scenario.values()).map(Scenario::method).collect(Collectors.joining(",")),
                "  --contacts N   the main property's size (at least 1,000); each size and seed has its own stored data",
                "  --verify-only  load the data and check that the SDK and the baselines agree, measure nothing",
                "",
                "  A subset, e.g. one store's pages, or MariaDB and H2 added to an earlier run's results by hand:",
                "    bench/run --stores mariadb --scenarios selectiveFirstPage,orOfGroupsFirstPage --out /tmp/bench",
                "    bench/run --quick --stores postgresql --scenarios importContacts,ingestEvents",
                "    bench/run --quick --stores h2 --contacts 20000        (a smoke test: minutes, not hours)",
                "",
                "  How long (this 2-core machine, alone on it; every scenario, both sides, the identical-results check included):",
                RUN_TIMES,
                "",
                "  PostgreSQL:  CONTACTS_PG_URL (default " + PostgresFixture.DEFAULT_URL + "), CONTACTS_PG_USER (postgres), CONTACTS_PG_PASSWORD",
                "  MariaDB:     CONTACTS_MARIADB_URL (default " + MariaDbFixture.DEFAULT_URL + "), CONTACTS_MARIADB_USER (root), CONTACTS_MARIADB_PASSWORD",
                "               (bench/run starts the machine's PostgreSQL and MariaDB when they are down and no URL is set)",
                "  PostgreSQL's and MariaDB's data is loaded once into a schema (database) contacts_bench_<size>_<seed>, H2's into",
                "  bench/data/h2-<size>-<seed>/, and reused by later runs; drop or delete them to reload.");
    }

    /** The run times of {@link #usage()}: estimates, see bench/README.md "How long a run takes". */
    static final String RUN_TIMES = String.join("\n",
            "    bench/run (1,000,000 contacts, in-memory, PostgreSQL, MariaDB, H2), data already loaded: about 1 to 1.5 hours",
            "      without H2 (in-memory + PostgreSQL + MariaDB took 44-47 minutes on 2026-12-07). H2 is the slowest to load:",
            "      155,000 contacts in 17 minutes on 2026-12-07, about two hours for 1,000,000 - run it on its own, e.g.",
            "      bench/run --stores h2 --contacts 200000",
            "    first run: add each database's load, about 10-30 minutes per store for 1,000,000 contacts plus 4-5 minutes for the",
            "      10,000-item timeline (in-memory and mongo load in every fork instead)",
            "    bench/run --quick (100,000 contacts): about 40 minutes for the four stores, plus loads the first time");

    static Settings parse(String[] args) {
        boolean quick = false;
        Integer contacts = null;
        long seed = Workload.DEFAULT_SEED;
        List<String> stores = DEFAULT_STORES;
        List<Scenario> scenarios = List.of(Scenario.values());
        Path out = null;
        boolean verifyOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick": quick = true; break;
                case "--contacts": contacts = Integer.parseInt(value(args, ++i, a)); break;
                case "--seed": seed = Long.parseLong(value(args, ++i, a)); break;
                case "--stores": stores = List.of(value(args, ++i, a).split(",")); break;
                case "--scenarios":
                    scenarios = Arrays.stream(value(args, ++i, a).split(",")).map(Scenario::ofMethod).collect(Collectors.toList());
                    break;
                case "--out": out = Path.of(value(args, ++i, a)); break;
                case "--verify-only": verifyOnly = true; break;
                case "--help": case "-h": throw new UsageException(usage());
                default: throw new UsageException("unknown option " + a + "\n" + usage());
            }
        }
        for (String s : stores) {
            if (!Fixtures.ALL.contains(s)) {
                throw new UsageException("unknown store '" + s + "'; the stores are " + Fixtures.ALL);
            }
            if (s.equals("mongo-server")) {
                MongoFixture.serverUri(); // fails at once, with what to set, when there is no server
            }
        }
        int size = contacts != null ? contacts : quick ? 100_000 : 1_000_000;
        Path dir = out != null ? out : quick ? Path.of("bench", "quick") : Path.of("bench");
        return new Settings(quick, size, seed, stores, scenarios, dir, verifyOnly);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value\n" + usage());
        }
        return args[i];
    }

    /** A bad command line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param args see {@link #usage()}
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = parse(args);
        } catch (UsageException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Workload workload = Workload.of(settings.contacts(), settings.seed());
        for (String store : settings.stores()) {
            System.out.println("== checking that the SDK and the baseline agree on " + store + " (" + workload + ")");
            Verifier.verify(store, workload, settings.scenarios());
        }
        if (settings.verifyOnly()) {
            System.out.println("== the SDK and the baselines agree on every scenario; nothing measured (--verify-only)");
            return;
        }
        List<Measurement> results = new ArrayList<>();
        for (Group g : Group.values()) {
            List<Scenario> mine = settings.scenarios().stream().filter(g::covers).collect(Collectors.toList());
            if (!mine.isEmpty()) {
                System.out.println("== measuring " + mine.stream().map(Scenario::method).collect(Collectors.joining(", ")));
                results.addAll(run(settings, g, mine));
            }
        }
        ResultsReport report = new ResultsReport(settings, results, machine(), LocalDate.now(ZoneOffset.UTC),
                (System.nanoTime() - start) / 60_000_000_000.0);
        System.out.println();
        System.out.println(report.table());
        Files.createDirectories(settings.out());
        Path md = settings.out().resolve("RESULTS.md");
        Files.writeString(md, report.markdown());
        Files.writeString(settings.out().resolve("results.svg"), report.svg());
        System.out.println("results: " + md + " and " + settings.out().resolve("results.svg"));
    }

    /** Benchmarks that share a JMH mode and iteration plan. */
    private enum Group {
        QUERIES, IMPORT, INGEST;

        boolean covers(Scenario s) {
            switch (this) {
                case IMPORT: return s.kind() == Scenario.Kind.IMPORT;
                case INGEST: return s.kind() == Scenario.Kind.INGEST;
                default: return s.kind() != Scenario.Kind.IMPORT && s.kind() != Scenario.Kind.INGEST;
            }
        }
    }

    private static List<Measurement> run(Settings s, Group group, List<Scenario> scenarios) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(ContactsBenchmarks.class.getName() + "\\.(" + scenarios.stream().map(Scenario::method).collect(Collectors.joining("|")) + ")$")
                .param("store", s.stores().toArray(String[]::new))
                .param("side", "sdk", "baseline")
                .param("contacts", String.valueOf(s.contacts()))
                .param("seed", String.valueOf(s.seed()))
                .forks(1)
                .shouldFailOnError(true)
                .jvmArgsAppend(s.contacts() > 300_000 ? "-Xmx10g" : "-Xmx3g");
        switch (group) {
            case IMPORT:
                o.warmupIterations(1).measurementIterations(s.quick() ? 2 : 3);
                break;
            case INGEST:
                o.warmupIterations(s.quick() ? 1 : 2).warmupTime(TimeValue.seconds(2))
                        .measurementIterations(s.quick() ? 3 : 5).measurementTime(TimeValue.seconds(2));
                break;
            default:
                // the full run warms up longer (5 × 1 s) and measures 5 × 2 s: three 1-second warm-ups
                // left the SDK's paths still compiling on this 2-core machine (errors of 50-100%)
                o.warmupIterations(s.quick() ? 2 : 5).warmupTime(TimeValue.milliseconds(s.quick() ? 500 : 1_000))
                        .measurementIterations(s.quick() ? 3 : 5).measurementTime(TimeValue.milliseconds(s.quick() ? 500 : 2_000))
                        .timeUnit(TimeUnit.MICROSECONDS);
                break;
        }
        Collection<RunResult> runs = new Runner(o.build()).run();
        List<Measurement> out = new ArrayList<>();
        for (RunResult r : runs) {
            String bench = r.getParams().getBenchmark();
            Scenario scenario = Scenario.ofMethod(bench.substring(bench.lastIndexOf('.') + 1));
            var primary = r.getPrimaryResult();
            out.add(new Measurement(r.getParams().getParam("store"), r.getParams().getParam("side"), scenario, primary.getScore(),
                    primary.getScoreError(), primary.getScoreUnit()));
        }
        return out;
    }

    /** @return what the results ran on: processors, memory, CPU, Java, operating system */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the rest still describes the machine
        }
        return String.format(Locale.ROOT, "%d processors (%s), %.1f GiB heap max for this JVM, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }
}
