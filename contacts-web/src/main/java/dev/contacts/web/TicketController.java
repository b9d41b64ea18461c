package dev.contacts.web;

import dev.contacts.InvalidValueException;
import dev.contacts.PropertyContacts;
import dev.contacts.model.Attachment;
import dev.contacts.model.TicketId;
import dev.contacts.model.TicketMessage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;

/** Downloads of ticket attachments, always as a download (never rendered by the browser). */
@Controller
class TicketController {
    private final Web web;

    TicketController(Web web) {
        this.web = web;
    }

    @GetMapping("/p/{pid}/tickets/{ticket}/messages/{message}/attachments/{index}")
    ResponseEntity<byte[]> attachment(@PathVariable String pid, @PathVariable String ticket, @PathVariable String message,
                                      @PathVariable int index) {
        PropertyContacts p = web.property(pid);
        TicketId id = TicketId.parse(ticket);
        TicketMessage m = p.tickets().messages(id).stream().filter(x -> x.id().toString().equals(message)).findFirst()
                .orElseThrow(() -> new dev.contacts.NotFoundException("message " + message + " is not part of ticket " + ticket));
        if (index < 0 || index >= m.attachments().size()) {
            throw new InvalidValueException("index", "the message has " + m.attachments().size() + " attachments");
        }
        Attachment a = m.attachments().get(index);
        byte[] bytes = p.tickets().attachment(id, a);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name(), StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
