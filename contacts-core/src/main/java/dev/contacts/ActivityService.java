package dev.contacts;

import dev.contacts.internal.NewestFirst;
import dev.contacts.internal.Owners;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.SeekPosition;
import dev.contacts.model.ActivityEvent;
import dev.contacts.model.ActivityId;
import dev.contacts.model.ContactId;
import dev.contacts.model.IngestResult;
import dev.contacts.model.LiveChat;
import dev.contacts.model.PropertyId;
import dev.contacts.model.WebSession;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.spi.ActivityRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What contacts do, as the host reports it: web sessions and live chats. Obtain it from
 * {@code contacts.property(id).activity()}.
 *
 * <p>Ingestion is idempotent and atomic: each event is stored once per external id (and
 * kind), and in the same store write its contact's statistics change — {@code
 * totalWebSessions}/{@code totalLiveChats}, {@code first*}/{@code last*}, {@code
 * pagesViewed}, {@code timeSpent}, {@code firstSeen}/{@code lastSeen}, and the location and
 * technical attributes ({@code country}, {@code city}, {@code region}, {@code hostname},
 * {@code ip}, {@code os}, {@code browser}), which are those of the newest web session by
 * start, unknown ones included (a late older one does not overwrite them). So the host may deliver an event any number of times, from any
 * number of threads or instances, and every count stays exact. The contact's {@code
 * version} goes up (an edit based on an older read conflicts); its {@code updated} does not,
 * as activity is not an edit. Deleting a contact deletes its activity.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class ActivityService {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityService.class);

    private final PropertyContext context;
    private final ActivityRepository activity;

    ActivityService(PropertyContext context) {
        this.context = context;
        this.activity = context.store().activity();
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * Ingests a web session.
     *
     * @param session the session
     * @return {@link IngestResult#APPLIED}, or {@link IngestResult#DUPLICATE} when the property already has a web
     *         session with its external id (nothing changed)
     * @throws InvalidValueException if the session is null
     * @throws NotFoundException     if its contact is not in this property (nothing changed)
     */
    public IngestResult ingest(WebSession session) {
        return logged(required("session", session), activity.recordWebSession(pid(), session));
    }

    /**
     * Ingests a live chat with its transcript.
     *
     * @param chat the chat
     * @return {@link IngestResult#APPLIED}, or {@link IngestResult#DUPLICATE} when the property already has a chat
     *         with its external id (nothing changed)
     * @throws InvalidValueException if the chat is null
     * @throws NotFoundException     if its contact is not in this property (nothing changed)
     */
    public IngestResult ingest(LiveChat chat) {
        return logged(required("chat", chat), activity.recordLiveChat(pid(), chat));
    }

    private IngestResult logged(ActivityEvent event, boolean applied) {
        LOG.debug("{} {} {} of contact {}: {}", pid(), event.getClass().getSimpleName(), event.externalId(), event.contact(),
                applied ? "applied" : "duplicate");
        return applied ? IngestResult.APPLIED : IngestResult.DUPLICATE;
    }

    /**
     * One page of a contact's web sessions, newest first (start descending, ties by id descending).
     *
     * @param contact  the contact
     * @param pageSize 1..1000
     * @param cursor   the cursor of the previous page, or null for the first page
     * @return the page
     * @throws NotFoundException      if the contact is not in this property
     * @throws InvalidValueException  if the page size is out of range
     * @throws InvalidCursorException if the cursor is damaged or of another list
     */
    public Page<WebSession> webSessions(ContactId contact, int pageSize, Cursor cursor) {
        Owners.require(context, "contact", contact);
        return NewestFirst.page(context, List.of("webSessions", contact.toString()), 1, pageSize, cursor,
                (before, limit) -> activity.listWebSessions(pid(), contact, before == null ? null : before.time(), id(before), limit),
                ActivityService::position);
    }

    /**
     * One page of a contact's live chats with their transcripts, newest first (start
     * descending, ties by id descending).
     *
     * @param contact  the contact
     * @param pageSize 1..1000
     * @param cursor   the cursor of the previous page, or null for the first page
     * @return the page
     * @throws NotFoundException      if the contact is not in this property
     * @throws InvalidValueException  if the page size is out of range
     * @throws InvalidCursorException if the cursor is damaged or of another list
     */
    public Page<LiveChat> chats(ContactId contact, int pageSize, Cursor cursor) {
        Owners.require(context, "contact", contact);
        return NewestFirst.page(context, List.of("chats", contact.toString()), 1, pageSize, cursor,
                (before, limit) -> activity.listChats(pid(), contact, before == null ? null : before.time(), id(before), limit),
                ActivityService::position);
    }

    /**
     * @param event an event
     * @return its place in newest-first order
     */
    static SeekPosition position(ActivityEvent event) {
        return new SeekPosition(event.start(), event.id().value(), 0);
    }

    private static ActivityId id(SeekPosition position) {
        return position == null ? null : new ActivityId(position.id());
    }

    private static <T> T required(String what, T value) {
        if (value == null) {
            throw new InvalidValueException(what, "is required");
        }
        return value;
    }
}
