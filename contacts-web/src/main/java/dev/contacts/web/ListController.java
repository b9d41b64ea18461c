package dev.contacts.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.ContactsException;
import dev.contacts.InvalidFilterException;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Attributed;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.SegmentId;
import dev.contacts.model.Target;
import dev.contacts.query.Cursor;
import dev.contacts.query.Direction;
import dev.contacts.query.ListView;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Segment;
import dev.contacts.query.Sort;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Contacts and Organizations lists: columns (the list view's, or the open segment's),
 * sort arrows, keyset paging with a trail of cursors for "previous", the total count, the
 * filter panel (rows and canonical text; the URL carries the text) and the segments sidebar.
 */
@Controller
class ListController {
    /** Rows per page. */
    static final int PAGE_SIZE = 25;
    /** Cursors kept for "previous"; older pages are reached again from the first one. */
    static final int MAX_TRAIL = 40;
    private static final String FIRST = "~";
    private static final String META = meta();

    private final Web web;

    ListController(Web web) {
        this.web = web;
    }

    private static String meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operators", FilterRows.choices());
        List<Map<String, String>> units = new ArrayList<>();
        for (PeriodUnit u : PeriodUnit.values()) {
            units.add(Map.of("name", u.name(), "label", u.plural()));
        }
        m.put("units", units);
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/p/{pid}/contacts")
    String contacts(@PathVariable String pid, @RequestParam(required = false) String filter, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String at, @RequestParam(required = false) String trail,
                    @RequestParam(required = false) String segment, Model model) {
        return list(Target.CONTACT, pid, filter, sort, at, trail, segment, null, null, model);
    }

    @GetMapping("/p/{pid}/organizations")
    String organizations(@PathVariable String pid, @RequestParam(required = false) String filter,
                         @RequestParam(required = false) String sort, @RequestParam(required = false) String at,
                         @RequestParam(required = false) String trail, @RequestParam(required = false) String segment, Model model) {
        return list(Target.ORGANIZATION, pid, filter, sort, at, trail, segment, null, null, model);
    }

    /** The filter panel's "Apply": its rows become the canonical text in the URL. */
    @GetMapping("/p/{pid}/{kind:contacts|organizations}/filter")
    String apply(@PathVariable String pid, @PathVariable String kind, @RequestParam(required = false) String current,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String segment,
                 HttpServletRequest request, Model model) {
        Target target = Web.target(kind);
        PropertyContacts p = web.property(pid);
        List<FilterRows.Row> rows = rows(request);
        try {
            Filter f = FilterRows.toFilter(rows, p.attributes().catalog(target), p.property().zone());
            return "redirect:" + Pages.url("/p/" + pid + "/" + kind, "filter", FilterPrinter.print(f), "sort", sort, "segment", segment);
        } catch (ContactsException e) {
            return list(target, pid, current, sort, null, null, segment, rows, e.getMessage(), model);
        }
    }

    /** The column picker's "Done": saved in the property's list view, or in the open segment. */
    @PostMapping("/p/{pid}/{kind:contacts|organizations}/columns")
    String columns(@PathVariable String pid, @PathVariable String kind, @RequestParam(name = "col", required = false) List<String> columns,
                   @RequestParam(required = false) String segment, @RequestParam(required = false) String back) {
        Target target = Web.target(kind);
        PropertyContacts p = web.property(pid);
        List<String> chosen = columns == null ? List.of() : columns;
        if (segment != null && !segment.isBlank()) {
            Segment s = p.segments().get(SegmentId.parse(segment));
            p.segments().edit(s.id(), s.version(), s.filter(), chosen, s.sort());
        } else {
            ListView view = p.listViews().get(target);
            p.listViews().save(ListView.ofProperty(target, chosen, view.sort()));
        }
        return "redirect:" + Pages.back(back, "/p/" + pid + "/" + kind);
    }

    private static List<FilterRows.Row> rows(HttpServletRequest request) {
        List<FilterRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < FilterRows.MAX_ROWS; i++) {
            String a = request.getParameter("r" + i + ".a");
            if (a == null) {
                continue;
            }
            int g;
            try {
                g = Integer.parseInt(request.getParameter("r" + i + ".g"));
            } catch (NumberFormatException e) {
                g = 0;
            }
            rows.add(new FilterRows.Row(g, a, request.getParameter("r" + i + ".o"), request.getParameter("r" + i + ".v"),
                    request.getParameter("r" + i + ".v2"), request.getParameter("r" + i + ".n"), request.getParameter("r" + i + ".u")));
        }
        return rows;
    }

    private String list(Target target, String pid, String filter, String sort, String at, String trail, String segment,
                        List<FilterRows.Row> panelRows, String panelError, Model model) {
        PropertyContacts p = web.property(pid);
        ZoneId zone = p.property().zone();
        String kind = Web.kind(target);
        String base = "/p/" + pid + "/" + kind;
        AttributeCatalog catalog = p.attributes().catalog(target);
        Segment seg = segment == null || segment.isBlank() ? null : p.segments().get(SegmentId.parse(segment));
        if (seg != null && seg.target() != target) {
            seg = null;
        }
        ListView view = p.listViews().get(target);
        String text = filter != null && !filter.isBlank() ? filter : seg != null ? seg.filter() : "all";
        List<String> columns = seg != null ? seg.columns() : view.columns();
        Sort order = seg != null ? seg.sort() : view.sort();
        if (sort != null && !sort.isBlank()) {
            try {
                order = Sort.parse(sort);
            } catch (ContactsException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        String segmentId = seg == null ? null : seg.id().toString();
        List<String> past = trail == null || trail.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(trail.split("\\.")));

        Filter parsed = null;
        try {
            parsed = FilterParser.parse(text);
        } catch (InvalidFilterException e) {
            model.addAttribute("caret", Pages.Caret.of(text, e));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (parsed != null) {
            try {
                Query q = Query.of(parsed).withSort(order).withPageSize(PAGE_SIZE)
                        .withCursor(at == null || at.isBlank() ? null : Cursor.of(at));
                Page<? extends Attributed> page = target == Target.CONTACT ? p.contacts().find(q) : p.organizations().find(q);
                long total = target == Target.CONTACT ? p.contacts().count(parsed) : p.organizations().count(parsed);
                Map<OrganizationId, String> orgNames = new HashMap<>();
                for (Attributed item : page.items()) {
                    rows.add(row(p, item, columns, zone, orgNames));
                }
                model.addAttribute("total", total);
                if (page.hasNext()) {
                    List<String> nextTrail = new ArrayList<>(past);
                    nextTrail.add(at == null || at.isBlank() ? FIRST : at);
                    while (nextTrail.size() > MAX_TRAIL) {
                        nextTrail.remove(0);
                    }
                    model.addAttribute("nextUrl", Pages.url(base, "filter", filter, "sort", sort, "segment", segmentId,
                            "at", page.nextCursor().token(), "trail", String.join(".", nextTrail)));
                }
                if (at != null && !at.isBlank()) {
                    String prev = past.isEmpty() ? FIRST : past.get(past.size() - 1);
                    List<String> prevTrail = past.isEmpty() ? List.of() : past.subList(0, past.size() - 1);
                    model.addAttribute("prevUrl", Pages.url(base, "filter", filter, "sort", sort, "segment", segmentId,
                            "at", FIRST.equals(prev) ? null : prev, "trail", String.join(".", prevTrail)));
                }
                model.addAttribute("canonical", FilterPrinter.print(parsed));
            } catch (ContactsException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        List<FilterRows.Row> shown = panelRows;
        if (shown == null && parsed != null) {
            shown = FilterRows.fromFilter(parsed, zone).orElse(null);
        }
        model.addAttribute("panelTextOnly", shown == null);
        model.addAttribute("groups", shown == null ? Map.of() : FilterRows.grouped(shown));
        model.addAttribute("panelError", panelError);

        List<Map<String, Object>> cols = new ArrayList<>();
        for (String c : columns) {
            AttributeDefinition d = catalog.find(c);
            Map<String, Object> col = new HashMap<>();
            col.put("name", c);
            col.put("label", d == null ? c : d.label());
            col.put("sortable", d != null && d.type().sortable());
            col.put("dir", order.attribute().equals(c) ? order.direction().name() : null);
            col.put("ascUrl", Pages.url(base, "filter", filter, "segment", segmentId, "sort", c + ":asc"));
            col.put("descUrl", Pages.url(base, "filter", filter, "segment", segmentId, "sort", c + ":desc"));
            cols.add(col);
        }
        List<AttributeDefinition> all = catalog.all();
        List<AttributeDefinition> picker = new ArrayList<>();
        columns.forEach(c -> {
            AttributeDefinition d = catalog.find(c);
            if (d != null) {
                picker.add(d);
            }
        });
        all.stream().filter(d -> !columns.contains(d.name())).forEach(picker::add);

        model.addAttribute("target", target.name());
        model.addAttribute("kind", kind);
        model.addAttribute("base", base);
        model.addAttribute("rows", rows);
        model.addAttribute("columns", cols);
        model.addAttribute("columnNames", columns);
        model.addAttribute("picker", picker);
        model.addAttribute("attributes", filterAttributes(all, target));
        model.addAttribute("organizations", target == Target.CONTACT ? web.organizationChoices(p) : List.of());
        model.addAttribute("meta", META);
        model.addAttribute("units", PeriodUnit.values());
        model.addAttribute("filterText", text);
        model.addAttribute("filterParam", filter);
        model.addAttribute("sortText", order.toString());
        model.addAttribute("sortParam", sort);
        model.addAttribute("segment", seg);
        model.addAttribute("segments", p.segments().list(target));
        model.addAttribute("hereUrl", Pages.url(base, "filter", filter, "sort", sort, "segment", segmentId));
        model.addAttribute("exportCsv", Pages.url(base + "/export", "filter", text, "sort", sort == null ? null : order.toString(),
                "format", "csv"));
        model.addAttribute("exportJsonl", Pages.url(base + "/export", "filter", text, "sort", sort == null ? null : order.toString(),
                "format", "jsonl"));
        model.addAttribute("descending", Direction.DESC.name());
        return "list";
    }

    private static List<AttributeDefinition> filterAttributes(List<AttributeDefinition> all, Target target) {
        List<AttributeDefinition> result = new ArrayList<>();
        for (AttributeDefinition d : all) {
            if (!FilterRows.choices(d.type()).isEmpty()) {
                result.add(d);
            }
            if (target == Target.CONTACT && d.name().equals(dev.contacts.model.BuiltInAttributes.ORGANIZATION)) {
                result.add(dev.contacts.model.BuiltInAttributes.find(Target.CONTACT, dev.contacts.model.BuiltInAttributes.ORGANIZATION_NAME));
            }
        }
        return result;
    }

    private Map<String, Object> row(PropertyContacts p, Attributed item, List<String> columns, ZoneId zone,
                                    Map<OrganizationId, String> orgNames) {
        Map<String, Object> row = new HashMap<>();
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
            Object v = item.value(c);
            if (c.equals(dev.contacts.model.BuiltInAttributes.ORGANIZATION) && v instanceof List<?> ids) {
                List<String> names = new ArrayList<>();
                for (Object id : ids) {
                    names.add(orgNames.computeIfAbsent((OrganizationId) id, o -> web.organizationName(p, o)));
                }
                v = names;
            }
            cells.add(Pages.cell(v, zone));
        }
        if (item instanceof Contact c) {
            row.put("title", c.name() != null ? c.name() : c.primaryEmail() != null ? c.primaryEmail() : "(no name)");
            row.put("url", "/p/" + p.property().id() + "/contacts/" + c.id());
        } else {
            Organization o = (Organization) item;
            row.put("title", o.name());
            row.put("url", "/p/" + p.property().id() + "/organizations/" + o.id());
        }
        row.put("cells", cells);
        return row;
    }
}
