package dev.contacts.spi;

import dev.contacts.model.ContactId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import java.util.List;
import java.util.Set;

/**
 * A store's own reading of a contact's timeline: one page of notes, live chats and ticket
 * messages merged newest first, in fewer round trips than the SDK's way.
 *
 * <p>Optional. Without it ({@link ContactStore#timeline()} empty, the default) the SDK reads a
 * page as one keyset seek per selected kind ({@link NoteRepository#listByParent},
 * {@link ActivityRepository#listChats}, {@link TicketRepository#listContactMessages}), each of
 * {@code limit} items, and merges them: three statements that read up to three times the items
 * kept, every chat with its transcript. A SQL store can instead find the page's keys in one
 * statement ({@code (SELECT … ORDER BY … LIMIT n) UNION ALL …}) and read the bodies of the
 * items kept only. The answer must be exactly the merge's: the TCK's {@code TimelineTck} runs
 * both ways.
 *
 * <p><b>The contact.</b> The SDK does not check that the contact exists before it asks for a
 * page; it checks only when the page comes back empty. A store that offers this repository must
 * therefore never return items of a contact that does not exist in the property (a SQL store's
 * inserts check the contact in the same transaction, and the SDK deletes a contact's history
 * before the contact).
 *
 * <p>Implementations must be thread-safe and take part in the unit of work open on the calling
 * thread ({@link ContactStore#unitOfWork}).
 */
public interface TimelineRepository {
    /**
     * The items of a contact's timeline strictly past a position, newest first in the order
     * {@link TimelinePosition} defines.
     *
     * @param property the property
     * @param contact  the contact
     * @param kinds    the kinds to include, at least one
     * @param before   only items strictly past this position; null for the newest
     * @param limit    most items to return, 1..1001
     * @return at most {@code limit} items; notes with their bodies, chats with their transcripts,
     *         ticket messages with their delivery state, as the per-kind repositories return them
     */
    List<TimelineItem> page(PropertyId property, ContactId contact, Set<TimelineKind> kinds, TimelinePosition before, int limit);
}
