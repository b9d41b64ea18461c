package dev.contacts;

import dev.contacts.internal.NewestFirst;
import dev.contacts.internal.Owners;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.SeekPosition;
import dev.contacts.model.ActivityId;
import dev.contacts.model.ChatItem;
import dev.contacts.model.ContactId;
import dev.contacts.model.NoteId;
import dev.contacts.model.NoteItem;
import dev.contacts.model.PropertyId;
import dev.contacts.model.TicketMessageId;
import dev.contacts.model.TicketMessageItem;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.spi.TimelinePosition;
import dev.contacts.spi.TimelineRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The timeline of a contact: its notes, live chats and ticket messages merged newest first.
 * Obtain it from {@code contacts.property(id).timeline()}.
 *
 * <pre>{@code
 * Page<TimelineItem> page = acme.timeline().page(ada.id(), Set.of(), 20, null);   // every kind
 * while (page.hasNext()) {
 *     page = acme.timeline().page(ada.id(), Set.of(), 20, page.nextCursor());
 * }
 * }</pre>
 *
 * Order: {@link TimelineItem#time()} descending, then {@link TimelineItem#id()} descending
 * as unsigned numbers, so items of the same millisecond have a fixed order across pages.
 * Each page is a k-way merge of one keyset seek per selected kind in the store, each
 * reading at most {@code pageSize + 1} items past the cursor's position (or the store's own
 * reading of the same page, {@link dev.contacts.spi.TimelineRepository}, which the JPA store
 * answers in one statement for the keys and one per kind for the bodies kept): a deep page
 * costs what the first does, and nothing is ever loaded whole and sorted. The cursor carries the
 * position (time, id and kind of the last item) and a fingerprint of the property, the
 * contact and the kinds, so it cannot be used with another timeline.
 *
 * <p>The timeline is for agents: it includes notes, which are internal. No contact-facing
 * output of the SDK reads it.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class TimelineService {
    private final PropertyContext context;

    TimelineService(PropertyContext context) {
        this.context = context;
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * One page of a contact's timeline.
     *
     * @param contact  the contact
     * @param kinds    the kinds to include; null or empty for every kind
     * @param pageSize 1..1000
     * @param cursor   the cursor of the previous page ({@link Page#next()}), or null for the first page
     * @return the page, newest first
     * @throws NotFoundException      if the contact is not in this property
     * @throws InvalidValueException  if the page size is out of range or a kind is null
     * @throws InvalidCursorException if the cursor is damaged, or of another contact, list or choice of kinds
     */
    public Page<TimelineItem> page(ContactId contact, Set<TimelineKind> kinds, int pageSize, Cursor cursor) {
        Set<TimelineKind> selected = selected(kinds);
        Optional<TimelineRepository> own = context.store().timeline();
        return context.read(() -> {
            Owners.requireGiven("contact", contact);
            List<String> list = new ArrayList<>(List.of("timeline", contact.toString()));
            selected.forEach(k -> list.add(k.name()));
            if (own.isEmpty()) {
                // the SDK's merge reads every kind's table: the contact is looked up first
                Owners.require(context, "contact", contact);
            }
            // the store's own page: the contact is only looked up when the page is empty (the
            // repository's contract: it never holds items of a missing contact), one statement less
            NewestFirst.Source<TimelineItem> source = own.isEmpty() ? (before, limit) -> merged(selected, contact, before, limit)
                    : (before, limit) -> own.get().page(pid(), contact, selected, before == null ? null
                            : new TimelinePosition(before.time(), before.id(), TimelineKind.values()[before.kind()]), limit);
            Page<TimelineItem> page = NewestFirst.page(context, list, TimelineKind.values().length, pageSize, cursor, source,
                    TimelineService::position);
            if (own.isPresent() && page.items().isEmpty()) {
                Owners.require(context, "contact", contact);
            }
            return page;
        });
    }

    /** The SDK's page: the k-way merge of one keyset seek per selected kind. */
    private List<TimelineItem> merged(Set<TimelineKind> selected, ContactId contact, SeekPosition before, int limit) {
        List<List<TimelineItem>> sources = new ArrayList<>();
        for (TimelineKind kind : selected) {
            sources.add(seek(kind, contact, before, limit));
        }
        return NewestFirst.merge(sources, TimelineService::position, limit);
    }

    /**
     * The first page of a contact's whole timeline.
     *
     * @param contact  the contact
     * @param pageSize 1..1000
     * @return the page, newest first
     * @throws NotFoundException     if the contact is not in this property
     * @throws InvalidValueException if the page size is out of range
     */
    public Page<TimelineItem> page(ContactId contact, int pageSize) {
        return page(contact, null, pageSize, null);
    }

    private static Set<TimelineKind> selected(Collection<TimelineKind> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return EnumSet.allOf(TimelineKind.class);
        }
        if (kinds.stream().anyMatch(k -> k == null)) {
            throw new InvalidValueException("kinds", "a kind is null; give NOTE, CHAT or TICKET, or no kind for all");
        }
        return EnumSet.copyOf(kinds);
    }

    /** One kind's keyset seek: at most {@code limit} items strictly past {@code before}, newest first. */
    private List<TimelineItem> seek(TimelineKind kind, ContactId contact, SeekPosition before, int limit) {
        Instant time = before == null ? null : before.time();
        List<TimelineItem> items = new ArrayList<>();
        switch (kind) {
            case NOTE:
                context.store().notes().listByParent(pid(), contact, time, before == null ? null : new NoteId(before.id()), limit)
                        .forEach(n -> items.add(new NoteItem(n)));
                break;
            case CHAT:
                context.store().activity().listChats(pid(), contact, time, before == null ? null : new ActivityId(before.id()), limit)
                        .forEach(c -> items.add(new ChatItem(c)));
                break;
            case TICKET:
                context.store().tickets().listContactMessages(pid(), contact, time,
                        before == null ? null : new TicketMessageId(before.id()), limit).forEach(m -> items.add(new TicketMessageItem(m)));
                break;
            default:
                throw new IllegalStateException("a timeline kind without a source: " + kind);
        }
        return items;
    }

    private static SeekPosition position(TimelineItem item) {
        return new SeekPosition(item.time(), item.id(), item.kind().ordinal());
    }
}
