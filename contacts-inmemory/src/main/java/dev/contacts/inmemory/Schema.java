package dev.contacts.inmemory;

import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Attributed;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.Target;
import dev.contacts.model.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store precomputes for one target: the slots of the built-in text attributes
 * (whose folds every row carries), the attributes with a hash index (fold or id to ids)
 * and those with a sorted index (sort key and id to rows).
 */
final class Schema {
    /** Contacts: hash indexes on emails, tags, country, organization; sorted ones on lastSeen, created, updated, name. */
    static final Schema CONTACTS = new Schema(Target.CONTACT,
            List.of("emails", "tags", "country", BuiltInAttributes.ORGANIZATION),
            List.of("lastSeen", "created", "updated", "name"),
            Map.of("primaryEmail", "emails"));
    /** Organizations: hash indexes on name, tags, country; sorted ones on name, created, updated. */
    static final Schema ORGANIZATIONS = new Schema(Target.ORGANIZATION,
            List.of("name", "tags", "country"),
            List.of("name", "created", "updated"),
            Map.of());

    private final Target target;
    private final Map<String, Integer> textSlots = new HashMap<>();
    private final String[] textAttributes;
    private final boolean[] setSlot;
    /** For a derived attribute (primaryEmail), the slot of the set whose first element it is; else -1. */
    private final int[] firstOf;
    private final List<String> hashIndexed;
    private final List<String> sortIndexed;
    private final Map<String, Integer> sortSlots = new HashMap<>();
    private final Map<String, String> indexAliases;

    private Schema(Target target, List<String> hashIndexed, List<String> sortIndexed, Map<String, String> indexAliases) {
        this.target = target;
        List<String> text = new ArrayList<>();
        for (AttributeDefinition d : BuiltInAttributes.of(target)) {
            if (d.type() == AttributeType.TEXT || d.type() == AttributeType.TEXT_SET) {
                textSlots.put(d.name(), text.size());
                text.add(d.name());
            }
        }
        this.textAttributes = text.toArray(new String[0]);
        this.setSlot = new boolean[textAttributes.length];
        this.firstOf = new int[textAttributes.length];
        Arrays.fill(firstOf, -1);
        for (int i = 0; i < textAttributes.length; i++) {
            setSlot[i] = BuiltInAttributes.find(target, textAttributes[i]).type() == AttributeType.TEXT_SET;
        }
        if (target == Target.CONTACT) {
            firstOf[textSlots.get("primaryEmail")] = textSlots.get("emails");
            firstOf[textSlots.get("primaryPhone")] = textSlots.get("phones");
        }
        this.hashIndexed = List.copyOf(hashIndexed);
        this.sortIndexed = List.copyOf(sortIndexed);
        for (int j = 0; j < sortIndexed.size(); j++) {
            sortSlots.put(sortIndexed.get(j), j);
        }
        this.indexAliases = Map.copyOf(indexAliases);
    }

    Target target() {
        return target;
    }

    /** @return attributes with a hash index */
    List<String> hashIndexed() {
        return hashIndexed;
    }

    /** @return attributes with a sorted index; the position is the row's sort-key slot */
    List<String> sortIndexed() {
        return sortIndexed;
    }

    /**
     * @param attribute attribute of a condition
     * @return the attribute whose hash index answers {@code is}/{@code is any of} on it (a
     *         superset of the matches), or null
     */
    String hashIndexFor(String attribute) {
        String a = indexAliases.getOrDefault(attribute, attribute);
        return hashIndexed.contains(a) ? a : null;
    }

    /**
     * @param attribute an attribute
     * @return its built-in text slot, or -1
     */
    int textSlot(String attribute) {
        Integer slot = textSlots.get(attribute);
        return slot == null ? -1 : slot;
    }

    /**
     * @param attribute an attribute
     * @return its sort-key slot, or -1 when it has no sorted index
     */
    int sortSlot(String attribute) {
        Integer slot = sortSlots.get(attribute);
        return slot == null ? -1 : slot;
    }

    /**
     * Builds the row of an entity: folds of every text value, computed once here so that
     * queries never fold stored values, and the keys of the sorted indexes.
     *
     * @param entity a contact or organization of this schema's target
     * @param <T>    its type
     * @return its row
     */
    <T extends Attributed> Row<T> row(T entity) {
        Object[] folds = new Object[textAttributes.length];
        for (int i = 0; i < textAttributes.length; i++) {
            if (firstOf[i] < 0) {
                folds[i] = foldValue(entity.value(textAttributes[i]));
            }
        }
        for (int i = 0; i < textAttributes.length; i++) {
            if (firstOf[i] >= 0) {
                String[] set = (String[]) folds[firstOf[i]];
                folds[i] = set == null ? null : set[0];
            }
        }
        Map<String, Object> custom = custom(entity);
        Map<String, Object> customFolds = Collections.emptyMap();
        for (Map.Entry<String, Object> e : custom.entrySet()) {
            Object fold = foldValue(e.getValue());
            if (fold != null) {
                if (customFolds.isEmpty()) {
                    customFolds = new LinkedHashMap<>();
                }
                customFolds.put(AttributeDefinition.CUSTOM_PREFIX + e.getKey(), fold);
            }
        }
        Object[] sortKeys = new Object[sortIndexed.size()];
        for (int j = 0; j < sortKeys.length; j++) {
            String attribute = sortIndexed.get(j);
            int slot = textSlot(attribute);
            sortKeys[j] = slot >= 0 ? folds[slot] : entity.value(attribute);
        }
        return new Row<>(entity, folds, customFolds, sortKeys);
    }

    /**
     * @param attribute a hash-indexed attribute
     * @param row       a row
     * @return the index keys of the row: folds of a text value or of each element, or the linked organization ids
     */
    List<Object> indexKeys(String attribute, Row<?> row) {
        int slot = textSlot(attribute);
        if (slot >= 0) {
            Object fold = row.folds[slot];
            if (fold == null) {
                return List.of();
            }
            return fold instanceof String ? List.of(fold) : Arrays.asList((Object[]) fold);
        }
        Object value = row.entity.value(attribute);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List) {
            return new ArrayList<>((List<?>) value);
        }
        return List.of(value);
    }

    static Map<String, Object> custom(Attributed entity) {
        return entity instanceof Contact ? ((Contact) entity).custom() : ((Organization) entity).custom();
    }

    /**
     * @param value a normalised value
     * @return the fold of a text (the same instance when folding changes nothing), an array
     *         of folds for a text set, or null for anything else
     */
    static Object foldValue(Object value) {
        if (value instanceof String) {
            return fold((String) value);
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            if (list.isEmpty() || !(list.get(0) instanceof String)) {
                return null;
            }
            String[] folds = new String[list.size()];
            for (int i = 0; i < folds.length; i++) {
                folds[i] = fold((String) list.get(i));
            }
            return folds;
        }
        return null;
    }

    static String fold(String text) {
        String fold = Values.fold(text);
        return fold.equals(text) ? text : fold;
    }
}
