package dev.contacts.tck;

import java.security.CodeSource;
import java.util.Set;

/**
 * Tells whether the calling thread is running a store's own code or a test's: the routing
 * checks of the JPA and MongoDB tests observe every statement or command sent while the
 * TCK runs, and check only those the store sends, not those a test sends itself (creating a
 * database, tampering with a row). Thread-safe.
 */
public final class CallerOrigin {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final ClassValue<Boolean> MAIN_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation() != null && !source.getLocation().toString().contains("test-classes");
        }
    };

    private CallerOrigin() {
    }

    /**
     * @param observers the classes doing the observing (recorders, wrappers), whose frames are skipped
     * @return whether the innermost {@code dev.contacts} frame of the calling thread, past the
     *         observers, belongs to a main class (loaded from a jar or {@code classes/}, not
     *         {@code test-classes/})
     */
    public static boolean isMainCode(Set<Class<?>> observers) {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c.getName().startsWith("dev.contacts.") && !c.getName().startsWith(CallerOrigin.class.getName())
                        && observers.stream().noneMatch(o -> c.getName().startsWith(o.getName())))
                .findFirst().map(MAIN_CLASS::get).orElse(false));
    }
}
