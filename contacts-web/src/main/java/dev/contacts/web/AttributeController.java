package dev.contacts.web;

import dev.contacts.AttributeDeletion;
import dev.contacts.AttributeInUseException;
import dev.contacts.PropertyContacts;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.Target;
import dev.contacts.query.Segment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The attributes panel: built-in ones listed, custom ones added, relabelled (pencil) and deleted (trash). */
@Controller
class AttributeController {
    private final Web web;

    AttributeController(Web web) {
        this.web = web;
    }

    @GetMapping("/p/{pid}/{kind:contacts|organizations}/attributes")
    String page(@PathVariable String pid, @PathVariable String kind, Model model) {
        Target target = Web.target(kind);
        PropertyContacts p = web.property(pid);
        List<AttributeDefinition> all = p.attributes().list(target);
        model.addAttribute("kind", kind);
        model.addAttribute("builtIn", all.stream().filter(AttributeDefinition::builtIn).toList());
        model.addAttribute("custom", all.stream().filter(d -> !d.builtIn()).toList());
        model.addAttribute("types", Arrays.stream(AttributeType.values()).filter(AttributeType::customizable).toList());
        return "attributes";
    }

    @PostMapping("/p/{pid}/{kind:contacts|organizations}/attributes")
    String add(@PathVariable String pid, @PathVariable String kind, @RequestParam String key, @RequestParam String label,
               @RequestParam AttributeType type, RedirectAttributes flash) {
        AttributeDefinition d = web.property(pid).attributes().define(Web.target(kind), key.strip(), label, type);
        flash.addFlashAttribute("notice", "Attribute \"" + d.label() + "\" (" + d.name() + ") created.");
        return "redirect:/p/" + pid + "/" + kind + "/attributes";
    }

    @PostMapping("/p/{pid}/{kind:contacts|organizations}/attributes/relabel")
    String relabel(@PathVariable String pid, @PathVariable String kind, @RequestParam String name, @RequestParam String label,
                   RedirectAttributes flash) {
        AttributeDefinition d = web.property(pid).attributes().relabel(Web.target(kind), name, label);
        flash.addFlashAttribute("notice", d.name() + " is now labelled \"" + d.label() + "\".");
        return "redirect:/p/" + pid + "/" + kind + "/attributes";
    }

    @PostMapping("/p/{pid}/{kind:contacts|organizations}/attributes/delete")
    String delete(@PathVariable String pid, @PathVariable String kind, @RequestParam String name,
                  @RequestParam(defaultValue = "false") boolean force, RedirectAttributes flash) {
        Target target = Web.target(kind);
        PropertyContacts p = web.property(pid);
        try {
            AttributeDeletion done = force ? p.attributes().forceDelete(target, name) : p.attributes().delete(target, name);
            List<String> said = new ArrayList<>();
            said.add("Attribute " + name + " deleted with its values.");
            if (!done.brokenSegments().isEmpty()) {
                said.add("Segments that can no longer run: " + names(done.brokenSegments()) + " (edit their filters).");
            }
            if (!done.adjustedSegments().isEmpty()) {
                said.add("Segments that lost the column: " + names(done.adjustedSegments()) + ".");
            }
            flash.addFlashAttribute("notice", String.join(" ", said));
        } catch (AttributeInUseException e) {
            flash.addFlashAttribute("inUse", e.attribute());
            flash.addFlashAttribute("inUseSegments", names(e.segments()));
        }
        return "redirect:/p/" + pid + "/" + kind + "/attributes";
    }

    private static String names(List<Segment> segments) {
        return segments.stream().map(s -> "\"" + s.name() + "\"").collect(Collectors.joining(", "));
    }
}
