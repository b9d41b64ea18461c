package dev.contacts.web;

import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.LinkedHashMap;
import java.util.Map;

/** An organization's page: its attributes and a link to its contacts (a filter on the organization). */
@Controller
class OrganizationController {
    private final Web web;

    OrganizationController(Web web) {
        this.web = web;
    }

    @GetMapping("/p/{pid}/organizations/{id:[0-9a-fA-F-]{36}}")
    String page(@PathVariable String pid, @PathVariable String id, Model model) {
        PropertyContacts p = web.property(pid);
        Organization o = p.organizations().get(OrganizationId.parse(id));
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributeDefinition d : p.attributes().catalog(Target.ORGANIZATION).all()) {
            values.put(d.label(), Pages.cell(o.value(d.name()), p.property().zone()));
        }
        model.addAttribute("o", o);
        model.addAttribute("values", values);
        model.addAttribute("contactsUrl", Pages.url("/p/" + pid + "/contacts",
                "filter", FilterPrinter.print(Filter.attr(BuiltInAttributes.ORGANIZATION).is(o.id().toString()))));
        return "organization";
    }
}
