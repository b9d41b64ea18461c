package dev.contacts;

import dev.contacts.internal.AttributeUsage;
import dev.contacts.internal.ConflictRetry;
import dev.contacts.internal.PropertyContext;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.PropertyId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom attributes of one property: define, relabel, delete, list. Custom attributes
 * are named {@code custom.<key>} in filters, sorts, columns and writes. Deleting one that a
 * saved segment uses is refused ({@link AttributeInUseException}) unless forced
 * ({@link #forceDelete}, which reports the segments it breaks or adjusts).
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class AttributeService {
    private final PropertyContext context;

    AttributeService(PropertyContext context) {
        this.context = context;
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * @param target contacts or organizations
     * @param key    {@code [a-z][a-z0-9_]{0,39}}
     * @param label  display label
     * @param type   TEXT, TEXT_SET, NUMBER, DATE or BOOLEAN
     * @return the definition
     * @throws ConflictException     if the key is defined for that target with another label or type
     * @throws InvalidValueException if key, label or type is not acceptable
     */
    public AttributeDefinition define(Target target, String key, String label, AttributeType type) {
        AttributeDefinition d = AttributeDefinition.custom(target, key, label, type);
        // defining what is already defined is a no-op, so that a host can define its attributes at every start-up
        return ConflictRetry.run("define " + d.name(), () -> context.write(() -> {
            Optional<AttributeDefinition> existing = context.store().attributes().list(pid(), target).stream()
                    .filter(a -> a.name().equals(d.name())).findFirst();
            if (existing.isPresent()) {
                return same(existing.get(), d);
            }
            context.store().attributes().create(pid(), d);
            return d;
        }), e -> context.store().attributes().list(pid(), target).stream().anyMatch(a -> a.name().equals(d.name())));
    }

    /** @return the stored definition when it is the wanted one; else a conflict saying what differs */
    private static AttributeDefinition same(AttributeDefinition stored, AttributeDefinition wanted) {
        if (stored.type() == wanted.type() && stored.label().equals(wanted.label())) {
            return stored;
        }
        throw new ConflictException(wanted.name() + " is already defined as " + stored.type() + " labelled '" + stored.label()
                + "', not " + wanted.type() + " labelled '" + wanted.label() + "'; relabel it, or delete it and define it again");
    }

    /**
     * @param target contacts or organizations
     * @param name   {@code custom.<key>}
     * @param label  the new label
     * @return the relabelled definition
     * @throws UnknownAttributeException if it is not a custom attribute of the property
     */
    public AttributeDefinition relabel(Target target, String name, String label) {
        return context.write(() -> {
            AttributeDefinition d = requireCustom(target, name).withLabel(label);
            context.store().attributes().update(pid(), d);
            return d;
        });
    }

    /**
     * Deletes a custom attribute and all its values, unless a saved segment of the target
     * uses it — in its filter, its columns or its sort; then nothing is deleted. Saved list
     * views that show it lose that column (a view left without columns is reset) and fall
     * back to the default sort if they were sorted by it.
     *
     * <p>The check and the deletion are two steps: a segment saved with the attribute by
     * another thread in between becomes broken as after {@link #forceDelete} — reported by
     * {@link BrokenSegmentException} when it is run, never run unfiltered.
     *
     * @param target contacts or organizations
     * @param name   {@code custom.<key>}
     * @return what was deleted and the list views adjusted
     * @throws UnknownAttributeException if it is not a custom attribute of the property
     * @throws AttributeInUseException   if segments use it; it lists them
     */
    public AttributeDeletion delete(Target target, String name) {
        AttributeDefinition d = requireCustom(target, name);
        List<AttributeUsage.SegmentUse> uses = AttributeUsage.segmentsUsing(context.store().segments(), pid(), target, name);
        if (!uses.isEmpty()) {
            StringBuilder which = new StringBuilder();
            for (AttributeUsage.SegmentUse use : uses) {
                which.append(which.length() == 0 ? "" : "; ").append('\'').append(use.segment().name()).append("' (")
                        .append(use.segment().id()).append(", in its ").append(use.places()).append(')');
            }
            throw new AttributeInUseException(name, uses.stream().map(AttributeUsage.SegmentUse::segment).toList(), name + " is used by "
                    + uses.size() + (uses.size() == 1 ? " segment: " : " segments: ") + which + "; edit or delete "
                    + (uses.size() == 1 ? "it" : "them") + " first, or delete the attribute with forceDelete, which reports them");
        }
        return remove(d, uses);
    }

    /**
     * Deletes a custom attribute and all its values even when saved segments use it, and
     * reports them:
     * <ul>
     *   <li>segments whose filter uses it are kept unchanged and are <em>broken</em>: running
     *       them ({@link SegmentService#view}, {@link SegmentService#count},
     *       {@link SegmentService#query}) throws {@link BrokenSegmentException} naming the
     *       segment and the attribute, and {@link SegmentService#list} shows them without a
     *       count, until their filter is edited;</li>
     *   <li>segments that show it as a column lose that column (they get the target's
     *       default columns if none is left), and those sorted by it get the target's
     *       default sort (version + 1);</li>
     *   <li>list views are adjusted as by {@link #delete}.</li>
     * </ul>
     * The attribute is deleted first; should the process stop before the segments and list
     * views are adjusted, their readers leave the missing column and sort out anyway.
     *
     * @param target contacts or organizations
     * @param name   {@code custom.<key>}
     * @return what was deleted, the broken segments and the adjusted segments and list views
     * @throws UnknownAttributeException if it is not a custom attribute of the property
     */
    public AttributeDeletion forceDelete(Target target, String name) {
        AttributeDefinition d = requireCustom(target, name);
        return remove(d, AttributeUsage.segmentsUsing(context.store().segments(), pid(), target, name));
    }

    private AttributeDeletion remove(AttributeDefinition d, List<AttributeUsage.SegmentUse> uses) {
        context.store().attributes().delete(pid(), d.target(), d.name());
        Instant now = context.now();
        Map<SegmentId, Segment> adjusted = new LinkedHashMap<>();
        for (AttributeUsage.SegmentUse use : uses) {
            if (use.columns() || use.sort()) {
                AttributeUsage.dropFromSegment(context.store().segments(), pid(), use.segment(), d.name(), now)
                        .ifPresent(s -> adjusted.put(s.id(), s));
            }
        }
        List<Segment> broken = new ArrayList<>();
        for (AttributeUsage.SegmentUse use : uses) {
            if (use.filter()) {
                broken.add(adjusted.getOrDefault(use.segment().id(), use.segment()));
            }
        }
        int views = AttributeUsage.dropFromListViews(context.store().listViews(), pid(), d.target(), d.name());
        return new AttributeDeletion(d, broken, List.copyOf(adjusted.values()), views);
    }

    /**
     * @param target contacts or organizations
     * @return the built-in then custom attributes
     */
    public List<AttributeDefinition> list(Target target) {
        return catalog(target).all();
    }

    /**
     * @param target contacts or organizations
     * @return the attribute catalogue of the property for that target
     */
    public AttributeCatalog catalog(Target target) {
        return context.catalog(target);
    }

    private AttributeDefinition requireCustom(Target target, String name) {
        AttributeDefinition d = catalog(target).require(name);
        if (d.builtIn()) {
            throw new UnknownAttributeException(name, "'" + name + "' is built in; only custom attributes can be relabelled or deleted");
        }
        return d;
    }
}
