package dev.contacts.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The results of a run as a ratio table (terminal), a results page (Markdown) and a chart
 * (SVG). A ratio is always "SDK cost / baseline cost": time over time, or baseline throughput
 * over SDK throughput, so 1.0 is parity and more is slower whatever the unit. Each row has the
 * goal of issue 16 for its store and scenario ({@link Goal}: a ratio bound and absolute
 * budgets) and says whether it was met, bound by bound.
 */
final class ResultsReport {
    private final BenchMain.Settings settings;
    private final List<Measurement> results;
    private final String machine;
    private final LocalDate date;
    private final double minutes;

    ResultsReport(BenchMain.Settings settings, List<Measurement> results, String machine, LocalDate date, double minutes) {
        this.settings = settings;
        this.results = List.copyOf(results);
        this.machine = machine;
        this.date = date;
        this.minutes = minutes;
    }

    /**
     * @param file a file of the repository's bench/ directory
     * @return its link from the directory the report is written to (bench/ itself, bench/quick/, or another --out)
     */
    String toBench(String file) {
        Path bench = Path.of("bench").toAbsolutePath().normalize();
        Path from = settings.out().toAbsolutePath().normalize();
        return from.relativize(bench.resolve(file)).toString().replace('\\', '/');
    }

    /** One line of the table: a store's scenario on both sides, its goal and whether it was met. */
    record Row(String store, Scenario scenario, Measurement sdk, Measurement baseline, double ratio, Goal goal, String check) {
        boolean missed() {
            return check.startsWith("MISSED");
        }
    }

    private Optional<Measurement> find(String store, String side, Scenario s) {
        return results.stream().filter(m -> m.store().equals(store) && m.side().equals(side) && m.scenario() == s).findFirst();
    }

    /** @return "rows/s" for an import, "events/s" otherwise */
    static String rateUnit(Scenario s) {
        return s.kind() == Scenario.Kind.IMPORT ? "rows/s" : "events/s";
    }

    /** @return the time per operation in milliseconds, or NaN for a throughput or a single-shot import */
    static double millis(Measurement m) {
        if (m.higherIsBetter() || m.scenario().kind() == Scenario.Kind.IMPORT) {
            return Double.NaN;
        }
        switch (m.unit()) {
            case "ns/op": return m.score() / 1_000_000;
            case "us/op": return m.score() / 1_000;
            case "ms/op": return m.score();
            case "s/op": return m.score() * 1_000;
            default: throw new IllegalStateException("unknown JMH unit " + m.unit());
        }
    }

    /** @return rows/s of an import (one shot imports every row), events/s of ingestion, NaN for reads */
    double rate(Measurement m) {
        if (m.scenario().kind() == Scenario.Kind.IMPORT) {
            return rowsPerSecond(m);
        }
        return m.higherIsBetter() ? m.score() : Double.NaN;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String store : settings.stores()) {
            for (Scenario s : settings.scenarios()) {
                Optional<Measurement> sdk = find(store, "sdk", s);
                Optional<Measurement> base = find(store, "baseline", s);
                if (sdk.isEmpty() || base.isEmpty()) {
                    continue;
                }
                double ratio = sdk.get().higherIsBetter() ? base.get().score() / sdk.get().score() : sdk.get().score() / base.get().score();
                Goal goal = Goal.of(store, s);
                double postgres = find("postgresql", "sdk", s).map(ResultsReport::millis).orElse(Double.NaN);
                String check = goal.check(ratio, millis(sdk.get()), rate(sdk.get()), rateUnit(s), postgres);
                rows.add(new Row(store, s, sdk.get(), base.get(), ratio, goal, check));
            }
        }
        return rows;
    }

    private static String score(Measurement m) {
        String err = Double.isNaN(m.error()) ? "" : String.format(Locale.ROOT, " ± %s", number(m.error()));
        return number(m.score()) + err + " " + m.unit();
    }

    /** @return a number with the digits worth reading */
    static String number(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** @return rows per second of an import measurement (one shot imports every row) */
    double rowsPerSecond(Measurement m) {
        int rows = Math.min(Workload.IMPORT_ROWS, settings.contacts());
        return rows / (m.score() / 1_000.0);
    }

    /** @return the terminal table */
    String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s %-28s %26s %26s %7s  %-34s %s%n", "store", "scenario", "SDK",
                "baseline", "ratio", "goal", "check"));
        for (Row r : rows()) {
            b.append(String.format(Locale.ROOT, "%-12s %-28s %26s %26s %7.2f  %-34s %s%n", r.store(), r.scenario().method(), score(r.sdk()),
                    score(r.baseline()), r.ratio(), r.goal().text(rateUnit(r.scenario())), r.check()));
        }
        return b.toString();
    }

    /** @return the results page */
    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmark results\n\n");
        b.append("Generated by `bench/run").append(settings.quick() ? " --quick" : "").append("` on ").append(date).append(" in ")
                .append(String.format(Locale.ROOT, "%.0f", minutes)).append(" minutes: ")
                .append(String.format(Locale.ROOT, "%,d", settings.contacts())).append(" realistic contacts (contacts-sample-data, seed ")
                .append(settings.seed()).append("), stores ").append(String.join(", ", settings.stores())).append(".\n\n");
        b.append("Machine: ").append(machine).append(". How the database servers are set up for a run (cache, prewarming, vacuum, ")
                .append("session settings): [bench/README.md](README.md#how-the-benchmark-servers-are-set-up).\n\n");
        b.append("Each number is JMH's score with its 99.9% error, one fork per benchmark. The **ratio** is the SDK's cost over the ")
                .append("hand-written baseline's on the same data in the same run (time over time; for ingestion, baseline events/s over SDK ")
                .append("events/s): 1.00 is parity, more is slower. Before measuring, the run checked that both sides return identical results ")
                .append("for every scenario. What the scenarios and baselines are: [bench/README.md](" + toBench("README.md") + "); why a goal is missed ")
                .append("and what would fix it: [bench/ANALYSIS.md](" + toBench("ANALYSIS.md") + ").\n\n");
        b.append("The **goal** of each row is issue 16's for its store and scenario: a bound on the ratio and, because a ratio to a slow ")
                .append("baseline hides a slow plan, absolute budgets (time per operation, import rows/s, ingestion events/s; H2's pages ")
                .append("within 2× PostgreSQL's). **check** says met or MISSED with each bound missed. The absolute budgets are set for ")
                .append("1,000,000 contacts on the 2-core benchmark machine").append(settings.contacts() == 1_000_000 ? "" : String.format(Locale.ROOT,
                        "; this run had %,d, so they only indicate", settings.contacts())).append(".");
        if (settings.stores().contains("mongo")) {
            b.append(" The `mongo` rows ran on mongo-java-server (in-process, no query planner): functional only, not performance.");
        }
        b.append("\n\n");
        Map<String, List<Row>> byStore = new LinkedHashMap<>();
        for (Row r : rows()) {
            byStore.computeIfAbsent(r.store(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> e : byStore.entrySet()) {
            b.append("## ").append(e.getKey()).append("\n\n");
            b.append("| scenario | SDK | baseline | ratio | goal | check |\n|---|---|---|---|---|---|\n");
            for (Row r : e.getValue()) {
                String sdk = score(r.sdk());
                String base = score(r.baseline());
                if (r.scenario().kind() == Scenario.Kind.IMPORT) {
                    sdk += String.format(Locale.ROOT, " (%,.0f rows/s)", rowsPerSecond(r.sdk()));
                    base += String.format(Locale.ROOT, " (%,.0f rows/s)", rowsPerSecond(r.baseline()));
                }
                b.append("| ").append(r.scenario().method()).append(" | ").append(sdk).append(" | ").append(base).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", r.ratio())).append(" | ").append(r.goal().text(rateUnit(r.scenario())))
                        .append(" | ").append(r.missed() ? "**" + r.check() + "**" : r.check()).append(" |\n");
            }
            b.append('\n');
        }
        List<Row> missed = rows().stream().filter(Row::missed).toList();
        b.append("## Goals missed\n\n");
        if (missed.isEmpty()) {
            b.append("None.\n");
        } else {
            for (Row r : missed) {
                b.append("- ").append(r.store()).append(" ").append(r.scenario().method()).append(": ")
                        .append(String.format(Locale.ROOT, "ratio %.2f", r.ratio())).append(" (goal: ")
                        .append(r.goal().text(rateUnit(r.scenario()))).append("), ").append(r.check()).append('\n');
            }
            b.append("\nThe reasons, with query plans, and the fixes are in [ANALYSIS.md](" + toBench("ANALYSIS.md") + ").\n");
        }
        b.append("\n![ratio per scenario](results.svg)\n");
        return b.toString();
    }

    /** @return a bar chart of the ratio per scenario and store, with parity and the ratio goals marked */
    String svg() {
        List<Row> rows = rows();
        List<String> stores = settings.stores().stream().filter(s -> rows.stream().anyMatch(r -> r.store().equals(s))).toList();
        List<Scenario> scenarios = settings.scenarios().stream().filter(s -> rows.stream().anyMatch(r -> r.scenario() == s)).toList();
        String[] colors = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1"};
        OptionalDouble maxRatio = rows.stream().mapToDouble(Row::ratio).max();
        double max = Math.max(2.5, Math.ceil(maxRatio.orElse(1) * 2) / 2);
        int left = 200;
        int width = 560;
        int barH = 12;
        int groupH = stores.size() * barH + 10;
        int top = 50;
        int height = top + scenarios.size() * groupH + 40 + stores.size() * 16;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                + "font-size=\"11\">%n", left + width + 40, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\">SDK / baseline (lower is better; 1 = parity) — %,d contacts, %s</text>%n",
                settings.contacts(), date));
        for (double t = 0; t <= max + 1e-9; t += 0.5) {
            double x = left + t / max * width;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n", x, top - 10, x,
                    top + scenarios.size() * groupH, t == 1.0 ? "#000" : "#ddd"));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n", x, top - 14, t));
        }
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            int y0 = top + i * groupH;
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 6, y0 + groupH / 2 + 3, s.method()));
            for (int k = 0; k < stores.size(); k++) {
                String store = stores.get(k);
                Optional<Row> row = rows.stream().filter(r -> r.store().equals(store) && r.scenario() == s).findFirst();
                if (row.isEmpty()) {
                    continue;
                }
                double w = Math.min(row.get().ratio(), max) / max * width;
                int y = y0 + k * barH;
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %.2f</title></rect>%n",
                        left, y, w, barH - 2, colors[k % colors.length], store, s.method(), row.get().ratio()));
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2f</text>%n", left + w + 3, y + barH - 3, row.get().ratio()));
                Double target = row.get().goal().maxRatio();
                if (target != null) {
                    double x = left + Math.min(target, max) / max * width;
                    b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"2\"/>%n",
                            x, y, x, y + barH - 2));
                }
            }
        }
        int ly = top + scenarios.size() * groupH + 20;
        for (int k = 0; k < stores.size(); k++) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    left, ly + k * 16, colors[k % colors.length], left + 14, ly + k * 16 + 9, stores.get(k)));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">ratio goal</text>%n",
                left + 150, ly + 5, left + 165, ly + 5, left + 170, ly + 9));
        b.append("<!-- goal: the ratio bound of issue 16 for the row's store and scenario -->\n");
        return b.append("</svg>\n").toString();
    }
}
