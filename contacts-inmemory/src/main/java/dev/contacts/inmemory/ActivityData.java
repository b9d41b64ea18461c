package dev.contacts.inmemory;

import dev.contacts.model.LiveChat;
import dev.contacts.model.WebSession;

/** The activity events of one property, guarded by its lock. */
final class ActivityData {
    final EventLog<WebSession> webSessions = new EventLog<>();
    final EventLog<LiveChat> chats = new EventLog<>();
}
