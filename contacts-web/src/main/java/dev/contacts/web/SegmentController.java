package dev.contacts.web;

import dev.contacts.PropertyContacts;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.ListView;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Segments: save the current filter under a name, save changes to an open one, rename, delete. */
@Controller
class SegmentController {
    private final Web web;

    SegmentController(Web web) {
        this.web = web;
    }

    @PostMapping("/p/{pid}/{kind:contacts|organizations}/segments")
    String save(@PathVariable String pid, @PathVariable String kind, @RequestParam String name, @RequestParam String filter,
                @RequestParam(required = false) String sort, RedirectAttributes flash) {
        Target target = Web.target(kind);
        PropertyContacts p = web.property(pid);
        ListView view = p.listViews().get(target);
        Segment s = p.segments().save(target, name, FilterParser.parse(filter), view.columns(),
                sort == null || sort.isBlank() ? view.sort() : Sort.parse(sort));
        flash.addFlashAttribute("notice", "Segment \"" + s.name() + "\" saved.");
        return "redirect:" + Pages.url("/p/" + pid + "/" + kind, "segment", s.id().toString());
    }

    @PostMapping("/p/{pid}/segments/{id}/edit")
    String edit(@PathVariable String pid, @PathVariable String id, @RequestParam long version, @RequestParam String filter,
                @RequestParam(required = false) String sort, RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        Segment s = p.segments().get(SegmentId.parse(id));
        Segment edited = p.segments().edit(s.id(), version, FilterParser.parse(filter), s.columns(),
                sort == null || sort.isBlank() ? s.sort() : Sort.parse(sort));
        flash.addFlashAttribute("notice", "Segment \"" + edited.name() + "\" updated.");
        return "redirect:" + Pages.url("/p/" + pid + "/" + Web.kind(s.target()), "segment", s.id().toString());
    }

    @PostMapping("/p/{pid}/segments/{id}/rename")
    String rename(@PathVariable String pid, @PathVariable String id, @RequestParam long version, @RequestParam String name,
                  RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        Segment s = p.segments().rename(SegmentId.parse(id), version, name);
        flash.addFlashAttribute("notice", "Segment renamed to \"" + s.name() + "\".");
        return "redirect:" + Pages.url("/p/" + pid + "/" + Web.kind(s.target()), "segment", s.id().toString());
    }

    @PostMapping("/p/{pid}/segments/{id}/delete")
    String delete(@PathVariable String pid, @PathVariable String id, RedirectAttributes flash) {
        PropertyContacts p = web.property(pid);
        Segment s = p.segments().get(SegmentId.parse(id));
        p.segments().delete(s.id());
        flash.addFlashAttribute("notice", "Segment \"" + s.name() + "\" deleted.");
        return "redirect:/p/" + pid + "/" + Web.kind(s.target());
    }
}
