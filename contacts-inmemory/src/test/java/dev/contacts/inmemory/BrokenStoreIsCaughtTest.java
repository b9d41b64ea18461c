package dev.contacts.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.contacts.spi.ContactStore;
import dev.contacts.tck.FilterTck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The TCK must catch a broken store: runs {@link FilterTck} on each deliberately broken
 * variant of the in-memory store and expects it to fail. (The nested TCK classes are not
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

    @ParameterizedTest
    @EnumSource(BrokenStore.Bug.class)
    void theFilterTckFailsOnTheBrokenStore(BrokenStore.Bug bug) {
        Class<?> tck = switch (bug) {
            case NEGATIVES_DROP_UNKNOWNS -> NegativesDropUnknowns.class;
            case CURSOR_REPEATS_LAST_ITEM -> CursorRepeatsLastItem.class;
            case UNFOLDED_TEXT -> UnfoldedText.class;
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tck)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount()).as("TCK tests found for " + bug).isPositive();
        assertThat(summary.getTotalFailureCount()).as("TCK failures on a store with bug " + bug).isPositive();
        summary.getFailures().forEach(f -> assertThat(f.getException().getMessage()).contains("seed"));
    }
}
