package dev.contacts.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * A call that must be refused with a typed exception and change nothing, for the
 * bad-input and tenancy tests of the TCK classes.
 *
 * @param name     what the case is
 * @param expected the exception type it must raise
 * @param call     the call
 */
public record RefusedCall(String name, Class<? extends RuntimeException> expected, Executable call) {

    /**
     * @param name     what the case is
     * @param expected the exception type it must raise
     * @param call     the call
     * @return the case
     */
    public static RefusedCall of(String name, Class<? extends RuntimeException> expected, Executable call) {
        return new RefusedCall(name, expected, call);
    }

    /**
     * One dynamic test per case: the call raises its exception, and the state read before
     * and after it is equal.
     *
     * @param cases the cases, created lazily (each may read the current fixture)
     * @param state reads everything the calls could change
     * @return the tests
     */
    public static Stream<DynamicTest> tests(Stream<RefusedCall> cases, Supplier<Object> state) {
        return cases.map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Object before = state.get();
            assertThatThrownBy(c.call()::execute).as(c.name()).isInstanceOf(c.expected());
            assertThat(state.get()).as("what the store holds after the refused '" + c.name() + "'").isEqualTo(before);
        }));
    }
}
