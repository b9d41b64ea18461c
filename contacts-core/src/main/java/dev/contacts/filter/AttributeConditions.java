package dev.contacts.filter;

/**
 * The conditions every attribute has, whatever its type: whether its value is known. The
 * typed views of {@link FilterAttribute} that {@code Filter.attr(key)} returns for a typed
 * key ({@link TextConditions}, {@link NumberConditions}, …) extend it with the operators of
 * their type only, so an operator that does not fit the attribute does not compile.
 */
public interface AttributeConditions {
    /**
     * @return the value is known
     */
    Filter hasAnyValue();

    /**
     * @return the value is unknown (the exact complement of {@link #hasAnyValue()})
     */
    Filter isUnknown();
}
