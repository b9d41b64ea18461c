package dev.contacts.internal;

import dev.contacts.InvalidValueException;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Keyset paging of newest-first lists that are not filter queries — notes, web sessions,
 * chats and the timeline: one seek per page past the cursor's position, never an offset,
 * so a deep page costs what the first does.
 */
public final class NewestFirst {
    private NewestFirst() {
    }

    /**
     * Where a list's items come from: a keyset seek in the store.
     *
     * @param <T> item type
     */
    @FunctionalInterface
    public interface Source<T> {
        /**
         * @param before only items strictly past this position in newest-first order; null for the newest
         * @param limit  most items to return
         * @return the items, newest first
         */
        List<T> fetch(SeekPosition before, int limit);
    }

    /**
     * One page: fetches {@code pageSize + 1} items past the cursor, so the extra item says
     * whether a next page exists without a count.
     *
     * @param context     the property (part of the fingerprint: a cursor of another property is refused)
     * @param list        what is listed and of whom, e.g. {@code "notes", parentId} (the rest of the fingerprint)
     * @param kinds       how many kinds of item the list has (1 unless it is the timeline)
     * @param pageSize    1..1000
     * @param cursor      the cursor of the previous page, or null for the first
     * @param source      the items
     * @param position    the position of an item
     * @param <T>         item type
     * @return the page
     * @throws InvalidValueException                if the page size is out of range
     * @throws dev.contacts.InvalidCursorException  if the cursor is damaged or of another list
     */
    public static <T> Page<T> page(PropertyContext context, List<String> list, int kinds, int pageSize, Cursor cursor,
                                   Source<T> source, Function<T, SeekPosition> position) {
        if (pageSize < 1 || pageSize > Query.MAX_PAGE_SIZE) {
            throw new InvalidValueException("pageSize", pageSize + " is outside 1.." + Query.MAX_PAGE_SIZE);
        }
        List<String> parts = new ArrayList<>();
        parts.add(context.property().id().value());
        parts.addAll(list);
        byte[] fingerprint = CursorCodec.fingerprint(parts.toArray(new String[0]));
        SeekPosition before = cursor == null ? null : SeekCursor.decode(cursor, fingerprint, kinds);
        List<T> items = source.fetch(before, pageSize + 1);
        Cursor next = null;
        if (items.size() > pageSize) {
            items = items.subList(0, pageSize);
            next = SeekCursor.encode(fingerprint, position.apply(items.get(pageSize - 1)));
        }
        return new Page<>(items, next, context.now());
    }

    /**
     * The k-way merge of newest-first lists: the first {@code limit} items of their union,
     * newest first. Each list is read from its head only.
     *
     * @param lists    lists each in newest-first order
     * @param position the position of an item
     * @param limit    most items to return
     * @param <T>      item type
     * @return the merged items
     */
    public static <T> List<T> merge(List<List<T>> lists, Function<T, SeekPosition> position, int limit) {
        record Head<T>(List<T> list, int index, SeekPosition at) {
        }
        Comparator<Head<T>> order = Comparator.comparing(Head::at, SeekPosition.NEWEST_FIRST);
        PriorityQueue<Head<T>> heads = new PriorityQueue<>(order);
        for (List<T> l : lists) {
            if (!l.isEmpty()) {
                heads.add(new Head<>(l, 0, position.apply(l.get(0))));
            }
        }
        List<T> merged = new ArrayList<>();
        while (merged.size() < limit && !heads.isEmpty()) {
            Head<T> h = heads.poll();
            merged.add(h.list().get(h.index()));
            int nextIndex = h.index() + 1;
            if (nextIndex < h.list().size()) {
                heads.add(new Head<>(h.list(), nextIndex, position.apply(h.list().get(nextIndex))));
            }
        }
        return merged;
    }
}
