package dev.contacts.web;

import dev.contacts.InvalidValueException;
import dev.contacts.NotConfiguredException;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttachmentUpload;
import dev.contacts.model.Assignee;
import dev.contacts.model.AttributeChanges;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.NewTicket;
import dev.contacts.model.Note;
import dev.contacts.model.NoteId;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Priority;
import dev.contacts.model.Target;
import dev.contacts.model.Ticket;
import dev.contacts.model.TimelineItem;
import dev.contacts.model.TimelineKind;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contact's profile: picture initials, info, job, social links, custom values, organizations,
 * edit; notes; the call button; a new ticket with attachments; the timeline by kind, paged.
 */
@Controller
class ContactController {
    /** Timeline items per page. */
    static final int TIMELINE_PAGE = 10;
    /** Notes listed on the profile. */
    static final int NOTES_SHOWN = 50;
    /** The built-in attributes a person edits (the others are statistics the SDK keeps). */
    static final List<String> EDITABLE = List.of("name", "emails", "phones", "jobTitle", "tags", "facebookUrl", "linkedinUrl",
            "twitterHandle", "instagramHandle", "country", "city", "region");

    private final Web web;

    ContactController(Web web) {
        this.web = web;
    }

    @GetMapping("/p/{pid}/contacts/{id:[0-9a-fA-F-]{36}}")
    String profile(@PathVariable String pid, @PathVariable String id, @RequestParam(name = "kind", required = false) List<String> kinds,
                   @RequestParam(required = false) String at, @RequestParam(required = false) String trail, Model model) {
        PropertyContacts p = web.property(pid);
        ZoneId zone = p.property().zone();
        Contact c = p.contacts().get(ContactId.parse(id));
        String base = "/p/" + pid + "/contacts/" + id;
        model.addAttribute("c", c);
        model.addAttribute("base", base);
        model.addAttribute("initials", Pages.initials(c.name(), c.primaryEmail()));
        model.addAttribute("title", c.name() != null ? c.name() : c.primaryEmail() != null ? c.primaryEmail() : "(no name)");
        model.addAttribute("facebook", Pages.httpLink(c.facebookUrl()));
        model.addAttribute("linkedin", Pages.httpLink(c.linkedinUrl()));
        List<Map<String, String>> orgs = new ArrayList<>();
        for (OrganizationId o : c.organizations()) {
            orgs.add(Map.of("id", o.toString(), "name", web.organizationName(p, o), "url", "/p/" + pid + "/organizations/" + o));
        }
        model.addAttribute("orgs", orgs);
        model.addAttribute("organizations", web.organizationChoices(p));
        Map<String, String> custom = new LinkedHashMap<>();
        for (AttributeDefinition d : p.attributes().catalog(Target.CONTACT).custom()) {
            custom.put(d.label(), Pages.cell(c.value(d.name()), zone));
        }
        model.addAttribute("custom", custom);
        Map<String, String> stats = new LinkedHashMap<>();
        for (String s : List.of("firstSeen", "lastSeen", "totalWebSessions", "pagesViewed", "lastLiveChat", "totalLiveChats",
                "lastTicket", "totalTickets", "browser", "os", "created", "updated")) {
            stats.put(p.attributes().catalog(Target.CONTACT).require(s).label(), Pages.cell(c.value(s), zone));
        }
        model.addAttribute("stats", stats);
        model.addAttribute("location", String.join(", ", nonNull(c.city(), c.region(), c.country())));
        model.addAttribute("notes", p.notes().list(c.id(), NOTES_SHOWN, null).items());
        model.addAttribute("priorities", Priority.values());

        Set<TimelineKind> selected = EnumSet.noneOf(TimelineKind.class);
        if (kinds != null) {
            for (String k : kinds) {
                try {
                    selected.add(TimelineKind.valueOf(k));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException("kind", "'" + k + "' is not a timeline kind (NOTE, CHAT or TICKET)");
                }
            }
        }
        Page<TimelineItem> page = p.timeline().page(c.id(), selected, TIMELINE_PAGE, at == null || at.isBlank() ? null : Cursor.of(at));
        String kindParam = selected.isEmpty() ? null : String.join(",", selected.stream().map(Enum::name).toList());
        List<String> past = trail == null || trail.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(trail.split("\\.")));
        if (page.hasNext()) {
            List<String> next = new ArrayList<>(past);
            next.add(at == null || at.isBlank() ? "~" : at);
            model.addAttribute("timelineNext", Pages.url(base, "kind", kindParam, "at", page.nextCursor().token(),
                    "trail", String.join(".", next)) + "#timeline");
        }
        if (at != null && !at.isBlank()) {
            String prev = past.isEmpty() ? "~" : past.get(past.size() - 1);
            model.addAttribute("timelinePrev", Pages.url(base, "kind", kindParam, "at", "~".equals(prev) ? null : prev,
                    "trail", String.join(".", past.isEmpty() ? List.of() : past.subList(0, past.size() - 1))) + "#timeline");
        }
        model.addAttribute("timeline", page.items());
        model.addAttribute("kinds", TimelineKind.values());
        model.addAttribute("selectedKinds", selected);
        model.addAttribute("zone", zone);
        return "contact";
    }

    private static List<String> nonNull(String... values) {
        List<String> result = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                result.add(v);
            }
        }
        return result;
    }

    @GetMapping("/p/{pid}/contacts/new")
    String create(@PathVariable String pid, Model model) {
        return form(web.property(pid), null, model);
    }

    @GetMapping("/p/{pid}/contacts/{id}/edit")
    String edit(@PathVariable String pid, @PathVariable String id, Model model) {
        PropertyContacts p = web.property(pid);
        return form(p, p.contacts().get(ContactId.parse(id)), model);
    }

    private String form(PropertyContacts p, Contact c, Model model) {
        ZoneId zone = p.property().zone();
        List<Map<String, Object>> fields = new ArrayList<>();
        for (AttributeDefinition d : editable(p)) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", d.name());
            f.put("label", d.label());
            f.put("type", d.type().name());
            Object v = c == null ? null : c.value(d.name());
            String text;
            if (v instanceof List<?> list) {
                text = String.join("\n", list.stream().map(String::valueOf).toList());
            } else if (v instanceof java.time.Instant t) {
                text = t.atZone(zone).toLocalDate().toString();
            } else if (v instanceof BigDecimal n) {
                text = n.toPlainString();
            } else {
                text = v == null ? "" : String.valueOf(v);
            }
            f.put("value", text);
            fields.add(f);
        }
        model.addAttribute("fields", fields);
        model.addAttribute("c", c);
        return "contact-edit";
    }

    private static List<AttributeDefinition> editable(PropertyContacts p) {
        List<AttributeDefinition> result = new ArrayList<>();
        var catalog = p.attributes().catalog(Target.CONTACT);
        EDITABLE.forEach(n -> result.add(catalog.require(n)));
        result.addAll(catalog.custom());
        return result;
    }

    @PostMapping("/p/{pid}/contacts/save")
    String save(@PathVariable String pid, @RequestParam(required = false) String id, @RequestParam(required = false) Long version,
                @RequestParam Map<String, String> form, RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        ZoneId zone = p.property().zone();
        AttributeChanges.Builder changes = AttributeChanges.builder();
        for (AttributeDefinition d : editable(p)) {
            String text = form.get("f." + d.name());
            if (text == null) {
                continue;
            }
            Object value = value(d, text, zone);
            if (value == null) {
                changes.clear(d.name());
            } else {
                changes.set(d.name(), value);
            }
        }
        Contact saved;
        if (id == null || id.isBlank()) {
            saved = p.contacts().create(changes.build());
            flash.addFlashAttribute("notice", "Contact created.");
        } else {
            ContactId cid = ContactId.parse(id);
            saved = version == null ? p.contacts().update(cid, changes.build()) : p.contacts().update(cid, version, changes.build());
            flash.addFlashAttribute("notice", "Profile saved.");
        }
        return "redirect:/p/" + pid + "/contacts/" + saved.id();
    }

    private static Object value(AttributeDefinition d, String text, ZoneId zone) {
        if (text.isBlank()) {
            return null;
        }
        String t = text.strip();
        switch (d.type()) {
            case TEXT_SET:
                return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            case NUMBER:
                try {
                    return new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(d.name(), "'" + t + "' is not a number (write it like 42 or 3.5)");
                }
            case DATE:
                try {
                    return LocalDate.parse(t).atStartOfDay(zone).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidValueException(d.name(), "'" + t + "' is not a day (write it like 2026-01-31)");
                }
            case BOOLEAN:
                if (!t.equals("true") && !t.equals("false")) {
                    throw new InvalidValueException(d.name(), "choose true or false");
                }
                return Boolean.valueOf(t);
            default:
                return t;
        }
    }

    @PostMapping("/p/{pid}/contacts/{id}/organizations")
    String link(@PathVariable String pid, @PathVariable String id, @RequestParam String organization,
                @RequestParam(defaultValue = "link") String action, RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        ContactId cid = ContactId.parse(id);
        OrganizationId oid = OrganizationId.parse(organization);
        if ("unlink".equals(action)) {
            p.contacts().unlinkOrganization(cid, oid);
            flash.addFlashAttribute("notice", "Organization unlinked.");
        } else {
            p.contacts().linkOrganization(cid, oid);
            flash.addFlashAttribute("notice", "Organization linked.");
        }
        return "redirect:/p/" + pid + "/contacts/" + id;
    }

    @PostMapping("/p/{pid}/contacts/{id}/notes")
    String addNote(@PathVariable String pid, @PathVariable String id, @RequestParam String body, RedirectAttributes flash) {
        web.property(pid).notes().add(ContactId.parse(id), web.agent(), body);
        flash.addFlashAttribute("notice", "Note saved.");
        return "redirect:/p/" + pid + "/contacts/" + id + "#notes";
    }

    @PostMapping("/p/{pid}/contacts/{id}/notes/{note}/edit")
    String editNote(@PathVariable String pid, @PathVariable String id, @PathVariable String note, @RequestParam String body,
                    @RequestParam long version, RedirectAttributes flash) {
        web.property(pid).notes().edit(NoteId.parse(note), web.agent(), body, version);
        flash.addFlashAttribute("notice", "Note updated.");
        return "redirect:/p/" + pid + "/contacts/" + id + "#notes";
    }

    @PostMapping("/p/{pid}/contacts/{id}/notes/{note}/delete")
    String deleteNote(@PathVariable String pid, @PathVariable String id, @PathVariable String note, RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        Note n = p.notes().get(NoteId.parse(note));
        p.notes().delete(n.id());
        flash.addFlashAttribute("notice", "Note deleted.");
        return "redirect:/p/" + pid + "/contacts/" + id + "#notes";
    }

    @PostMapping("/p/{pid}/contacts/{id}/call")
    String call(@PathVariable String pid, @PathVariable String id, @RequestParam String phone, RedirectAttributes flash) {
        try {
            String call = web.property(pid).calls().call(ContactId.parse(id), phone, web.agent());
            flash.addFlashAttribute("notice", "Call started (" + call + ").");
        } catch (NotConfiguredException e) {
            flash.addFlashAttribute("callProblem", "Calling is not available: " + e.getMessage());
        }
        return "redirect:/p/" + pid + "/contacts/" + id;
    }

    @PostMapping("/p/{pid}/contacts/{id}/tickets")
    String ticket(@PathVariable String pid, @PathVariable String id, @RequestParam(defaultValue = "") String to,
                  @RequestParam(name = "newAddress", defaultValue = "") String newAddress, @RequestParam String subject,
                  @RequestParam String message, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(defaultValue = "") String assigneeKind, @RequestParam(defaultValue = "") String assignee,
                  @RequestParam(defaultValue = "MEDIUM") Priority priority, @RequestParam(defaultValue = "") String tags,
                  RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        String address = "new".equals(to) || to.isBlank() ? newAddress.strip() : to;
        if (address.isEmpty()) {
            throw new InvalidValueException("to", "choose one of the contact's addresses or type a new one");
        }
        NewTicket.Builder b = NewTicket.builder(ContactId.parse(id), address).subject(subject).body(message).priority(priority)
                .author(web.agent())
                .tags(Arrays.stream(tags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (!assignee.isBlank()) {
            b.assignee("DEPARTMENT".equals(assigneeKind) ? Assignee.department(assignee.strip()) : Assignee.agent(assignee.strip()));
        }
        if (files != null) {
            for (MultipartFile f : files) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                    continue;
                }
                try {
                    b.attach(AttachmentUpload.of(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Ticket t = p.tickets().create(b.build());
        flash.addFlashAttribute("notice", "Ticket #" + t.number() + " created; its email to " + t.toAddress() + " is queued.");
        return "redirect:/p/" + pid + "/contacts/" + id + "#timeline";
    }
}
