package dev.contacts.web;

import dev.contacts.InvalidValueException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.CsvRowWriter;
import dev.contacts.cli.io.JsonLinesRowWriter;
import dev.contacts.cli.io.OrganizationNames;
import dev.contacts.cli.io.RowWriter;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.Contact;
import dev.contacts.model.Target;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Import a CSV or JSON Lines file with progress and the report; export the current filter's contacts. */
@Controller
class ImportExportController {
    private final Web web;
    private final ImportJobs jobs;

    ImportExportController(Web web, ImportJobs jobs) {
        this.web = web;
        this.jobs = jobs;
    }

    @GetMapping("/p/{pid}/import")
    String page(@PathVariable String pid, Model model) {
        web.property(pid);
        return "import";
    }

    @PostMapping("/p/{pid}/import")
    String upload(@PathVariable String pid, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean createAttributes) throws IOException {
        PropertyContacts p = web.property(pid);
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        if (!csv && !lower.endsWith(".jsonl") && !lower.endsWith(".json") && !lower.endsWith(".ndjson")) {
            throw new InvalidValueException("file", "choose a .csv or .jsonl file (got '" + name + "')");
        }
        Path tmp = Files.createTempFile("contacts-web-import-", csv ? ".csv" : ".jsonl");
        file.transferTo(tmp);
        ImportJobs.Job job = jobs.start(p, tmp, name, csv, createAttributes);
        return "redirect:/p/" + pid + "/import/" + job.id();
    }

    @GetMapping("/p/{pid}/import/{job}")
    String job(@PathVariable String pid, @PathVariable String job, Model model) {
        ImportJobs.Job j = jobs.get(job);
        if (j == null || !j.property().equals(pid)) {
            throw new NotFoundException("there is no import " + job + " here (imports are forgotten when the application restarts)");
        }
        model.addAttribute("job", j);
        model.addAttribute("percent", j.percent());
        model.addAttribute("rejections", j.report() == null ? List.of() : j.report().rejections().stream().limit(100).toList());
        return "import-job";
    }

    @GetMapping("/p/{pid}/contacts/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String pid, @RequestParam(defaultValue = "all") String filter,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(defaultValue = "csv") String format) {
        PropertyContacts p = web.property(pid);
        boolean csv = !"jsonl".equals(format);
        Filter f = FilterParser.parse(filter);
        Query first = Query.of(f).withPageSize(Query.MAX_PAGE_SIZE)
                .withSort(sort == null || sort.isBlank() ? Sort.asc("created") : Sort.parse(sort));
        p.contacts().count(f); // a filter the property cannot run is refused here, as a page, before streaming starts
        List<String> names = ContactColumns.exportColumns(p.attributes().catalog(Target.CONTACT));
        ContactColumns columns = new ContactColumns(names, new OrganizationNames(id -> {
            try {
                return p.organizations().get(id).name();
            } catch (NotFoundException e) {
                return null;
            }
        }));
        StreamingResponseBody body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (RowWriter writer = csv ? new CsvRowWriter(w, names) : new JsonLinesRowWriter(w, names, true)) {
                Query q = first;
                while (true) {
                    Page<Contact> page = p.contacts().find(q);
                    for (Contact c : page.items()) {
                        writer.write(columns.values(c));
                    }
                    if (!page.hasNext()) {
                        break;
                    }
                    q = first.withCursor(page.nextCursor());
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : new MediaType("application", "x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("contacts-" + pid + (csv ? ".csv" : ".jsonl"), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
