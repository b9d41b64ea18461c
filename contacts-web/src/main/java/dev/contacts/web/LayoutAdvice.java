package dev.contacts.web;

import dev.contacts.ContactsException;
import dev.contacts.model.Property;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the page header needs on every page: the properties for the switcher and the current one. */
@ControllerAdvice
class LayoutAdvice {
    private final Web web;

    LayoutAdvice(Web web) {
        this.web = web;
    }

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String pid = vars instanceof Map<?, ?> m && m.get("pid") instanceof String s ? s : null;
        List<Property> properties;
        try {
            properties = web.sdk().properties().stream().sorted(Comparator.comparing(p -> p.id().toString())).toList();
        } catch (ContactsException e) {
            properties = List.of();
        }
        model.addAttribute("properties", properties);
        model.addAttribute("pid", pid);
        model.addAttribute("propertyName", properties.stream().filter(p -> p.id().toString().equals(pid)).map(Property::name)
                .findFirst().orElse(pid));
    }
}
