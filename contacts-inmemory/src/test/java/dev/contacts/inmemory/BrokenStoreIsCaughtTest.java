package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FilterTck;
import dev.contacts.tck.FixedAnswerTck;
import dev.contacts.tck.SegmentTck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The TCK must catch a broken store: runs {@link FilterTck} (or the TCK class with the
 * case written for the bug) on each deliberately broken variant of the in-memory store and
 * expects it to fail. (The nested TCK classes are not
 * run by Surefire on their own: they are not named *Test.)
 */
class BrokenStoreIsCaughtTest {

    /** FilterTck on a store whose negatives drop unknown values. */
    static class NegativesDropUnknowns extends FilterTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.NEGATIVES_DROP_UNKNOWNS);
        }
    }

    /** FilterTck on a store whose cursor repeats the last item. */
    static class CursorRepeatsLastItem extends FilterTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.CURSOR_REPEATS_LAST_ITEM);
        }
    }

    /** FilterTck on a store that compares text without folding. */
    static class UnfoldedText extends FilterTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.UNFOLDED_TEXT);
        }
    }

    /** FixedAnswerTck on a store that folds ASCII letters only. */
    static class FoldAsciiOnly extends FixedAnswerTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.FOLD_ASCII_ONLY);
        }
    }

    /** FixedAnswerTck on a store that computes relative periods in UTC. */
    static class UtcCalendarPeriods extends FixedAnswerTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.UTC_CALENDAR);
        }
    }

    /** FilterTck on a store that computes relative periods in UTC: the periods whose bound lands on a stored instant. */
    static class UtcCalendarRandom extends FilterTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.UTC_CALENDAR);
        }
    }

    /** SegmentTck on a store that swaps the precedence of and and or. */
    static class PrecedenceSwap extends SegmentTck {
        @Override
        protected ContactStore createStore() {
            return new BrokenStore(BrokenStore.Bug.PRECEDENCE_SWAP);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BrokenStore.Bug.class, names = {"NEGATIVES_DROP_UNKNOWNS", "CURSOR_REPEATS_LAST_ITEM", "UNFOLDED_TEXT"})
    void theFilterTckFailsOnTheBrokenStore(BrokenStore.Bug bug) {
        Class<?> tck = switch (bug) {
            case NEGATIVES_DROP_UNKNOWNS -> NegativesDropUnknowns.class;
            case CURSOR_REPEATS_LAST_ITEM -> CursorRepeatsLastItem.class;
            case UNFOLDED_TEXT -> UnfoldedText.class;
            default -> throw new IllegalArgumentException(bug.name());
        };
        TestExecutionSummary summary = run(selectClass(tck));
        assertThat(summary.getTestsFoundCount()).as("TCK tests found for " + bug).isPositive();
        assertThat(summary.getTotalFailureCount()).as("TCK failures on a store with bug " + bug).isPositive();
        summary.getFailures().forEach(f -> assertThat(f.getException().getMessage()).contains("seed"));
    }

    /**
     * The bugs of shared core code that the random TCK cannot see (its reference evaluator
     * shares that code), made in a store: each TCK case written for the bug must fail. Only
     * those cases are run: other cases of the class may loop on such a store (a swapped
     * precedence also garbles the seek predicate of a walk by cursor).
     */
    @ParameterizedTest
    @EnumSource(value = BrokenStore.Bug.class, names = {"FOLD_ASCII_ONLY", "UTC_CALENDAR", "PRECEDENCE_SWAP"})
    void theFixedAnswerCasesFailOnTheBrokenStore(BrokenStore.Bug bug) {
        Class<?> tck = switch (bug) {
            case FOLD_ASCII_ONLY -> FoldAsciiOnly.class;
            case UTC_CALENDAR -> UtcCalendarPeriods.class;
            case PRECEDENCE_SWAP -> PrecedenceSwap.class;
            default -> throw new IllegalArgumentException(bug.name());
        };
        List<String> mustFail = switch (bug) {
            case FOLD_ASCII_ONLY -> List.of("greekCapitalsFoldWithAFinalSigma", "aDottedCapitalIFoldsToTwoCharacters", "aSharpSIsNotDoubleS",
                    "composedAndDecomposedAccentsAreEqual", "textSortsByCodePointOfTheFold");
            case UTC_CALENDAR -> List.of("periodsAreCalendarArithmeticInTheQueryZone", "withinNextEndsAtTheCalendarBound");
            case PRECEDENCE_SWAP -> List.of("segmentTextsThatRelyOnPrecedenceRunAsTheGrammarSays");
            default -> throw new IllegalArgumentException(bug.name());
        };
        for (String test : mustFail) {
            TestExecutionSummary summary = run(selectMethod(tck, test));
            assertThat(summary.getTestsFoundCount()).as(test + " found for " + bug).isOne();
            assertThat(summary.getTotalFailureCount()).as(test + " on a store with bug " + bug).isOne();
            Throwable failure = summary.getFailures().get(0).getException();
            assertThat(failure).as(test + " must fail on a wrong answer, not on an error").isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void theRandomFilterCasesCatchAUtcCalendarThroughBoundsOnStoredInstants() {
        TestExecutionSummary summary = run(selectClass(UtcCalendarRandom.class));
        List<String> failed = summary.getFailures().stream().map(f -> f.getTestIdentifier().getLegacyReportingName()).toList();
        assertThat(failed).as("FilterTck tests that failed on a store computing periods in UTC")
                .anyMatch(n -> n.startsWith("random"));
        summary.getFailures().forEach(f -> assertThat(f.getException().getMessage()).contains("seed"));
    }

    private static TestExecutionSummary run(DiscoverySelector selector) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selector).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }
}
