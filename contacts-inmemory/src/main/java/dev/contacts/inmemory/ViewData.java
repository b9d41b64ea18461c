package dev.contacts.inmemory;

import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The saved segments and list views of one property, guarded by its {@link PropertyData}
 * lock: segments by id with a per-target index of name folds (which makes names unique),
 * list views by target and agent ({@code null} key for the property's own).
 */
final class ViewData {
    final Map<SegmentId, Segment> segments = new LinkedHashMap<>();
    final Map<Target, Map<String, SegmentId>> segmentNames = new EnumMap<>(Target.class);
    final Map<Target, Map<String, ListView>> listViews = new EnumMap<>(Target.class);

    ViewData() {
        for (Target target : Target.values()) {
            segmentNames.put(target, new HashMap<>());
            listViews.put(target, new HashMap<>()); // HashMap: the property's view has the null agent key
        }
    }
}
