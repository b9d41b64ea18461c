package dev.contacts;

import dev.contacts.host.Directory;
import dev.contacts.internal.PropertyContext;
import dev.contacts.internal.TicketBlobs;
import dev.contacts.internal.TicketSettings;
import dev.contacts.model.Assignee;
import dev.contacts.model.Attachment;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Delivery;
import dev.contacts.model.InboundEmail;
import dev.contacts.model.NewMessage;
import dev.contacts.model.NewTicket;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Ticket;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import dev.contacts.model.TicketMessageId;
import dev.contacts.model.TicketStatus;
import dev.contacts.model.TicketUpdate;
import dev.contacts.model.Values;
import dev.contacts.spi.ContactRepository;
import dev.contacts.spi.TicketRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tickets of one property: created from a contact's profile and conducted by email.
 * Obtain it from {@code contacts.property(id).tickets()}.
 *
 * <ul>
 *   <li>{@link #create} stores the ticket, its first message and the message's email in
 *       the outbox in one store write, with a per-property number and the contact's ticket
 *       statistics; the email leaves when the host runs {@link EmailDispatcher#runOnce()}.</li>
 *   <li>{@link #reply} appends a message of an agent (emailed) or of the contact;
 *       {@link #receiveReply} threads an email the contact sent by its In-Reply-To and
 *       References headers.</li>
 *   <li>{@link #update} changes status, priority, assignee or tags with optimistic locking.</li>
 * </ul>
 *
 * Bad input (a value, a file over the limits, an assignee the host's directory does not
 * know, an address of another contact) is refused before anything is written.
 * Attachments are put in the host's {@link dev.contacts.host.BlobStore} just before the
 * store write and deleted again if that write fails.
 *
 * <p>Thread-safe: one instance serves every thread; each call is one unit of work of the store
 * ({@link dev.contacts.spi.ContactStore#unitOfWork}).
 */
public final class TicketService {
    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);
    private static final int ADDRESS_ATTEMPTS = 8;
    private static final String REPLY_PREFIX = "Re: ";

    private final PropertyContext context;
    private final TicketRepository tickets;
    private final ContactRepository contacts;
    private final TicketSettings settings;

    TicketService(PropertyContext context) {
        this.context = context;
        this.tickets = context.store().tickets();
        this.contacts = context.store().contacts();
        this.settings = context.hosts().tickets();
    }

    private PropertyId pid() {
        return context.property().id();
    }

    /**
     * Creates a ticket and queues its email to the contact. A to-address the contact does
     * not have yet is first added to the contact's emails (and stays there if the creation
     * then fails: retrying finds it).
     *
     * @param request the ticket
     * @return the stored ticket, with its number
     * @throws NotFoundException      if the contact is not in this property
     * @throws ConflictException      if the to-address belongs to another contact of the property
     * @throws InvalidValueException  if a file is over the limits, or the assignee or author is not in the host's directory
     */
    public Ticket create(NewTicket request) {
        required("ticket", request);
        TicketBlobs.checkLimits(settings, request.attachments());
        checkAgent("agentId", request.agentId());
        checkAssignee(request.assignee());
        TicketId id = TicketId.generate();
        TicketMessageId messageId = TicketMessageId.generate();
        List<Attachment> files = new ArrayList<>();
        try {
            // one unit of work: the contact locked, a new address added, the attachments (a JDBC blob store joins
            // the transaction), the ticket, its first message and its queued email
            return context.write(() -> {
                Contact contact = contacts.getForUpdate(pid(), request.contact()).orElseThrow(() -> contactNotFound(request.contact()));
                String to = ensureAddress(contact, request.toAddress());
                Instant now = context.now();
                files.clear();
                files.addAll(TicketBlobs.put(context.hosts().blobs(), pid(), id, messageId, now, request.attachments()));
                Ticket draft = new Ticket(id, 1, 0, contact.id(), to, request.subject(), request.assignee(), request.priority(),
                        request.tags(), TicketStatus.OPEN, now, now);
                TicketMessage first = new TicketMessage(messageId, id, contact.id(), TicketMessage.Sender.AGENT, request.agentId(), to,
                        request.subject(), request.body(), List.copyOf(files), emailMessageId(messageId), null, List.of(), now,
                        Delivery.pending(now));
                Ticket created = tickets.create(pid(), draft, first);
                LOG.debug("ticket #{} {} created in property {} for contact {}", created.number(), id, pid(), contact.id());
                return created;
            });
        } catch (RuntimeException e) {
            // after the unit ended (rolled back): bytes a blob store outside the transaction kept are deleted
            TicketBlobs.discardUnlessWritten(context.hosts().blobs(), List.copyOf(files), () -> tickets.get(pid(), id).isPresent());
            throw e;
        }
    }

    /**
     * The address a ticket is sent to, in the contact's spelling; a new one is added to the
     * contact first, re-reading it when a concurrent write wins the race.
     */
    private String ensureAddress(Contact contact, String address) {
        Contact current = contact;
        ConflictException lost = null;
        for (int attempt = 0; attempt < ADDRESS_ATTEMPTS; attempt++) {
            String own = ownSpelling(current, address);
            if (own != null) {
                return own;
            }
            Optional<Contact> owner = contacts.findByEmail(pid(), address);
            if (owner.isPresent() && !owner.get().id().equals(current.id())) {
                throw new ConflictException("the address '" + address + "' belongs to contact " + owner.get().id() + " in property "
                        + pid() + "; create the ticket from that contact, or merge the two contacts");
            }
            List<String> emails = new ArrayList<>(current.emails());
            emails.add(address);
            Contact next = current.toBuilder().set("emails", emails).set("updated", context.now())
                    .version(current.version() + 1).build();
            try {
                contacts.update(pid(), next, current.version());
                return address;
            } catch (ConflictException e) {
                Contact reread = contacts.get(pid(), current.id()).orElseThrow(() -> contactNotFound(contact.id()));
                if (reread.version() == current.version()) {
                    throw e; // not a lost race: the address was taken meanwhile
                }
                current = reread;
                lost = e;
            }
        }
        throw lost;
    }

    private static String ownSpelling(Contact contact, String address) {
        String fold = Values.fold(address);
        for (String email : contact.emails()) {
            if (Values.fold(email).equals(fold)) {
                return email;
            }
        }
        return null;
    }

    /**
     * @param id the id
     * @return the ticket
     * @throws NotFoundException if it is not in this property
     */
    public Ticket get(TicketId id) {
        return find(id).orElseThrow(() -> ticketNotFound(id));
    }

    /**
     * @param id the id
     * @return the ticket, or empty when it is not in this property
     */
    public Optional<Ticket> find(TicketId id) {
        return tickets.get(pid(), required("ticketId", id));
    }

    /**
     * @param number a ticket number
     * @return the ticket with that number in this property, if any
     */
    public Optional<Ticket> findByNumber(long number) {
        return tickets.findByNumber(pid(), number);
    }

    /**
     * @param contact a contact of this property
     * @return its tickets, newest first (empty for an unknown contact)
     */
    public List<Ticket> ofContact(ContactId contact) {
        return tickets.listByContact(pid(), required("contactId", contact));
    }

    /**
     * One page of the property's tickets by number; pass the last number of a page to get
     * the next.
     *
     * @param afterNumber only tickets with a greater number (0 for the first page)
     * @param limit       page size, 1..1000
     * @return the tickets, by increasing number
     * @throws InvalidValueException if the limit is out of range
     */
    public List<Ticket> list(long afterNumber, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidValueException("limit", limit + " is not within 1..1000");
        }
        return tickets.list(pid(), Math.max(0, afterNumber), limit);
    }

    /**
     * @param id a ticket
     * @return its messages, oldest first, each with its email's delivery state
     * @throws NotFoundException if the ticket is not in this property
     */
    public List<TicketMessage> messages(TicketId id) {
        Ticket ticket = get(id);
        return tickets.listMessages(pid(), ticket.id());
    }

    /**
     * Changes fields of a ticket if it is still at {@code expectedVersion}.
     *
     * @param id              the ticket
     * @param expectedVersion the version the change is based on
     * @param change          what changes
     * @return the new state
     * @throws ConflictException     if the ticket changed since that version (reload and retry)
     * @throws NotFoundException     if it is not in this property
     * @throws InvalidValueException if the new assignee is not in the host's directory
     */
    public Ticket update(TicketId id, long expectedVersion, TicketUpdate change) {
        required("change", change);
        return context.write(() -> {
            Ticket current = get(id);
            if (current.version() != expectedVersion) {
                throw new ConflictException("ticket " + id + " is at version " + current.version() + ", not " + expectedVersion
                        + "; reload it and apply the change again");
            }
            Assignee assignee = current.assignee();
            if (change.changesAssignee()) {
                assignee = change.newAssignee().orElse(null);
                checkAssignee(assignee);
            }
            Ticket next = new Ticket(id, current.version() + 1, current.number(), current.contact(), current.toAddress(),
                    current.subject(), assignee, change.newPriority().orElse(current.priority()),
                    change.newTags().orElse(current.tags()), change.newStatus().orElse(current.status()), current.created(),
                    context.now());
            tickets.update(pid(), next, expectedVersion);
            return next;
        });
    }

    /**
     * Appends a reply. An agent's reply is emailed to the ticket's address, threaded under
     * the previous message; a contact's reply counts as the contact's activity
     * ({@code firstSeen}/{@code lastSeen}).
     *
     * @param id      the ticket
     * @param message the reply
     * @return the stored message
     * @throws NotFoundException     if the ticket is not in this property
     * @throws InvalidValueException if a file is over the limits or the agent is not in the host's directory
     */
    public TicketMessage reply(TicketId id, NewMessage message) {
        required("message", message);
        TicketBlobs.checkLimits(settings, message.attachments());
        checkAgent("agentId", message.agentId());
        Ticket ticket = get(id);
        Optional<TicketMessage> last = tickets.lastMessage(pid(), id);
        String inReplyTo = last.map(TicketMessage::messageId).orElse(null);
        TicketMessageId messageId = TicketMessageId.generate();
        boolean byAgent = message.sender() == TicketMessage.Sender.AGENT;
        return append(ticket, messageId, message.sender(), message.agentId(), ticket.toAddress(), replySubject(ticket.subject()),
                message.body(), message.attachments(), emailMessageId(messageId), inReplyTo, references(last), byAgent);
    }

    /**
     * Threads an email the contact sent: finds the ticket by a Message-ID of its messages
     * named in the email's In-Reply-To or References, and appends the contact's message. The
     * contact's {@code firstSeen}/{@code lastSeen} take the time it is received. Receiving
     * the same email (same Message-ID) again returns the message stored the first time.
     *
     * @param email the email
     * @return the stored message
     * @throws NotFoundException     if no ticket of this property has a message the email answers
     * @throws InvalidValueException if a file is over the limits
     */
    public TicketMessage receiveReply(InboundEmail email) {
        required("email", email);
        Ticket ticket = null;
        for (String threadId : email.threadIds()) {
            Optional<Ticket> found = tickets.findByMessageId(pid(), threadId);
            if (found.isPresent()) {
                ticket = found.get();
                break;
            }
        }
        if (ticket == null) {
            throw new NotFoundException("no ticket of property " + pid() + " has a message with the Message-ID "
                    + (email.threadIds().isEmpty() ? "(the email has no In-Reply-To nor References)" : String.join(" or ", email.threadIds()))
                    + "; the email does not answer a ticket: handle it as a new conversation");
        }
        TicketBlobs.checkLimits(settings, email.attachments());
        if (email.messageId() != null) {
            Optional<TicketMessage> delivered = deliveredBefore(ticket.id(), email.messageId());
            if (delivered.isPresent()) {
                return delivered.get(); // the same email delivered again
            }
        }
        Optional<TicketMessage> last = tickets.lastMessage(pid(), ticket.id());
        TicketMessageId id = TicketMessageId.generate();
        String messageId = email.messageId() != null ? email.messageId() : emailMessageId(id);
        String inReplyTo = email.inReplyTo() != null ? email.inReplyTo() : last.map(TicketMessage::messageId).orElse(null);
        List<String> references = email.references().isEmpty() ? references(last) : email.references();
        String subject = email.subject() != null ? email.subject() : replySubject(ticket.subject());
        String from = email.from() != null ? email.from() : ticket.toAddress();
        return append(ticket, id, TicketMessage.Sender.CONTACT, null, from, subject, email.body(), email.attachments(), messageId,
                inReplyTo, references, false);
    }

    private TicketMessage append(Ticket ticket, TicketMessageId id, TicketMessage.Sender sender, String agentId, String address,
                                 String subject, String body, List<AttachmentUpload> uploads, String messageId, String inReplyTo,
                                 List<String> references, boolean emailed) {
        Instant now = context.now();
        List<Attachment> files = TicketBlobs.put(context.hosts().blobs(), pid(), ticket.id(), id, now, uploads);
        TicketMessage message = new TicketMessage(id, ticket.id(), ticket.contact(), sender, agentId, address, subject, body, files,
                messageId, inReplyTo, references, now, emailed ? Delivery.pending(now) : null);
        boolean appended;
        try {
            appended = tickets.appendMessage(pid(), message);
        } catch (RuntimeException e) {
            TicketBlobs.discardUnlessWritten(context.hosts().blobs(), files,
                    () -> tickets.listMessages(pid(), ticket.id()).stream().anyMatch(m -> m.id().equals(id)));
            throw e;
        }
        if (!appended) {
            // a concurrent delivery of the same email won: keep its message
            TicketBlobs.delete(context.hosts().blobs(), files);
            for (TicketMessage m : tickets.listMessages(pid(), ticket.id())) {
                if (m.messageId().equals(messageId)) {
                    return m;
                }
            }
        }
        return message;
    }

    /**
     * Reads the bytes of an attachment of one of the ticket's messages.
     *
     * @param ticket     the ticket
     * @param attachment one of its messages' attachments
     * @return the bytes
     * @throws NotFoundException if the ticket is not in this property or has no such attachment
     * @throws StoreException    if the blob store has lost the bytes
     */
    public byte[] attachment(TicketId ticket, Attachment attachment) {
        required("attachment", attachment);
        boolean ours = messages(ticket).stream().anyMatch(m -> m.attachments().contains(attachment));
        if (!ours) {
            throw new NotFoundException("ticket " + ticket + " of property " + pid() + " has no attachment " + attachment.name());
        }
        return context.hosts().blobs().get(attachment.blobKey())
                .orElseThrow(() -> new StoreException("blobStore.get", "the bytes of attachment '" + attachment.name() + "' ("
                        + attachment.blobKey() + ") are missing from the blob store"));
    }

    private void checkAgent(String field, String agentId) {
        if (agentId != null && !directory().agentExists(agentId)) {
            throw new InvalidValueException(field, "no agent '" + agentId + "' in the host's directory");
        }
    }

    private void checkAssignee(Assignee assignee) {
        if (assignee == null) {
            return;
        }
        boolean exists = assignee.kind() == Assignee.Kind.AGENT ? directory().agentExists(assignee.id())
                : directory().departmentExists(assignee.id());
        if (!exists) {
            throw new InvalidValueException("assignee", "no " + assignee.kind().name().toLowerCase(Locale.ROOT) + " '" + assignee.id()
                    + "' in the host's directory");
        }
    }

    private Directory directory() {
        return context.hosts().directory();
    }

    private String emailMessageId(TicketMessageId id) {
        return "<" + id + "@" + settings.messageIdDomain() + ">";
    }

    /**
     * The References of a message answering {@code parent}: the parent's References and its
     * Message-ID (RFC 5322 3.6.4), trimmed by {@link TicketMessage} to the root and the newest
     * ids. Built from the parent alone, so a reply never reads the whole thread.
     */
    private static List<String> references(Optional<TicketMessage> parent) {
        if (parent.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(parent.get().references());
        ids.add(parent.get().messageId());
        return ids;
    }

    /** The message of this ticket that has the Message-ID, if that email was received before. */
    private Optional<TicketMessage> deliveredBefore(TicketId ticket, String messageId) {
        Optional<Ticket> owner = tickets.findByMessageId(pid(), messageId);
        if (owner.isEmpty() || !owner.get().id().equals(ticket)) {
            return Optional.empty(); // new, or another ticket's: appendMessage refuses the latter with a ConflictException
        }
        return tickets.listMessages(pid(), ticket).stream().filter(m -> m.messageId().equals(messageId)).findFirst();
    }

    /** {@code Re: subject}, unless it already starts so or would become too long. */
    private static String replySubject(String subject) {
        if (subject.regionMatches(true, 0, "re:", 0, 3)) {
            return subject;
        }
        String reply = REPLY_PREFIX + subject;
        return reply.codePointCount(0, reply.length()) > Values.MAX_TEXT ? subject : reply;
    }

    private static <T> T required(String what, T value) {
        if (value == null) {
            throw new InvalidValueException(what, "is required");
        }
        return value;
    }

    private NotFoundException contactNotFound(ContactId id) {
        return new NotFoundException("contact " + id + " does not exist in property " + pid());
    }

    private NotFoundException ticketNotFound(TicketId id) {
        return new NotFoundException("ticket " + id + " does not exist in property " + pid());
    }
}
