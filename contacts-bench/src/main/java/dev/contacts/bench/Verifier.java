package dev.contacts.bench;

import dev.contacts.model.Contact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check before any measurement: on each store, the SDK and the baseline give equal
 * results for every scenario — the same contacts with the same fields in the same order for
 * pages, the same count, the same timeline items, and for the write scenarios the same stored
 * data (an import's contacts, ingestion's statistics). A difference stops the run: a
 * benchmark of two things that do not answer the same question measures nothing.
 */
final class Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);

    private Verifier() {
    }

    /** The two sides disagree. */
    static final class MismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message);
        }
    }

    /**
     * @param store     the store name
     * @param workload  the data
     * @param scenarios what to check
     * @throws MismatchException at the first difference
     */
    static void verify(String store, Workload workload, List<Scenario> scenarios) {
        try (Fixture fixture = Fixtures.open(store, workload, true); Side sdk = fixture.side("sdk"); Side baseline = fixture.side("baseline")) {
            for (Scenario s : scenarios) {
                long start = System.nanoTime();
                Object a = result(sdk, s, fixture);
                Object b = result(baseline, s, fixture);
                compare(store, s, normal(a), normal(b));
                LOG.info("{} {}: SDK and baseline agree ({}; checked in {} ms)", store, s, describe(a), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static Object result(Side side, Scenario s, Fixture fixture) {
        Side.Operation op = side.prepare(s);
        switch (s.kind()) {
            case IMPORT: {
                op.beforeIteration();
                try {
                    op.run();
                    return op.digest();
                } finally {
                    op.afterIteration();
                }
            }
            case INGEST: {
                for (int i = 0; i < fixture.verifyEvents(); i++) {
                    op.run();
                }
                return op.digest();
            }
            default:
                // a read's digest is its result, or what the two sides must agree on in it (the timeline's fields)
                return op.digest();
        }
    }

    private static String describe(Object result) {
        if (result instanceof List<?> list) {
            return list.size() + " items";
        }
        return String.valueOf(result);
    }

    /** Numbers compared by value (1.0 = 1), the rest as they are. */
    private static Object normal(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            return n.longValue();
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(normal(e)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, e) -> out.put(k, normal(e)));
            return out;
        }
        return v;
    }

    static void compare(String store, Scenario s, Object sdk, Object baseline) {
        if (Objects.equals(sdk, baseline)) {
            return;
        }
        StringBuilder why = new StringBuilder(store + " " + s + ": the SDK and the baseline differ");
        if (sdk instanceof List<?> a && baseline instanceof List<?> b) {
            why.append(" (").append(a.size()).append(" vs ").append(b.size()).append(" items)");
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!Objects.equals(a.get(i), b.get(i))) {
                    why.append("; first difference at ").append(i).append(":\n  SDK:      ").append(show(a.get(i)))
                            .append("\n  baseline: ").append(show(b.get(i)));
                    break;
                }
            }
        } else {
            why.append(": ").append(sdk).append(" vs ").append(baseline);
        }
        throw new MismatchException(why.toString());
    }

    private static String show(Object o) {
        return o instanceof Contact c ? c.id() + " " + c : String.valueOf(o);
    }
}
