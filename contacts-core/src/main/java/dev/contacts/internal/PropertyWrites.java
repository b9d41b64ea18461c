package dev.contacts.internal;

import dev.contacts.model.PropertyId;

/** Told after every store write, so what the SDK caches about a property can be dropped. */
public interface PropertyWrites {
    /**
     * A write to one property happened (or may have: it is also called when the write failed).
     *
     * @param property the property
     */
    void changed(PropertyId property);

    /** A write happened whose property is not known (a repository method without a property argument). */
    void changedEverywhere();
}
