package dev.contacts.web;

import dev.contacts.model.Property;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;

/** The start page (the first property's contacts), the property switcher, and the CSRF refusal page. */
@Controller
class HomeController {
    private final Web web;

    HomeController(Web web) {
        this.web = web;
    }

    @GetMapping("/")
    String home(Model model, HttpServletResponse response) {
        List<Property> all = web.sdk().properties().stream().sorted(Comparator.comparing(p -> p.id().toString())).toList();
        if (all.isEmpty()) {
            return ErrorAdvice.page(HttpStatus.NOT_FOUND, "No property yet",
                    "The store has no property. Start the application with contacts.web.demo=true to load the demo data.", model, response);
        }
        return "redirect:/p/" + all.get(0).id() + "/contacts";
    }

    @GetMapping("/switch")
    String switchProperty(@RequestParam String property) {
        return "redirect:/p/" + web.property(property).property().id() + "/contacts";
    }

    @RequestMapping("/refused")
    String refused(Model model, HttpServletResponse response) {
        return ErrorAdvice.page(HttpStatus.FORBIDDEN, "The form was refused",
                "The form did not carry this application's security token (it may have expired). Go back, reload the page and send it again.",
                model, response);
    }
}
