package dev.contacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.OrganizationNames;
import dev.contacts.filter.Filter;
import dev.contacts.model.AttributeCatalog;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.Contact;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.PropertyId;
import dev.contacts.model.Target;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import dev.contacts.sample.SampleData;
import dev.contacts.sample.SampleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate → import → export → import → export: 10,000 generated contacts come back exactly
 * (every attribute but the id, version and {@code updated}, which each store sets itself),
 * in JSON Lines and in CSV.
 */
class RoundTripTest {
    private static final int SIZE = 10_000;
    private static final long SEED = 20260101L;

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        SharedMemoryStores.reset();
    }

    @Test
    void jsonLines() throws IOException {
        roundTrip("jsonl");
    }

    @Test
    void csv() throws IOException {
        roundTrip("csv");
    }

    private void roundTrip(String format) throws IOException {
        Path generated = dir.resolve("generated." + format);
        Cli.Result gen = new Cli().run("generate", String.valueOf(SIZE), "--seed", String.valueOf(SEED), "--output", generated.toString());
        assertThat(gen.code()).as(gen.toString()).isZero();

        Path first = dir.resolve("first." + format);
        Path second = dir.resolve("second." + format);
        load("shared:first", generated, gen.err(), SIZE, 0);
        assertThat(new Cli("--store", "shared:first").run("export", "--output", first.toString()).out()).contains("exported 10,000 contacts");
        load("shared:second", first, gen.err(), SIZE, 0);
        assertThat(new Cli("--store", "shared:second").run("export", "--output", second.toString()).code()).isZero();

        assertThat(withoutIds(second)).isEqualTo(withoutIds(first));
        assertThat(contents("shared:second")).isEqualTo(expected());

        load("shared:second", first, gen.err(), 0, SIZE); // the same file again changes nothing
    }

    private static void load(String store, Path file, String defineCommands, long created, long unchanged) {
        Cli cli = new Cli("--store", store, "--now", "2026-06-01T00:00:00Z");
        for (String line : defineCommands.split("\n")) {
            if (line.strip().startsWith("contacts attributes define")) {
                List<String> args = new ArrayList<>(List.of(line.strip().replace("\"", "").split(" ")));
                int label = args.indexOf("--label");
                String text = String.join(" ", args.subList(label + 1, args.size()));
                List<String> define = new ArrayList<>(args.subList(1, label + 1));
                define.add(text);
                Cli.Result r = cli.run(define.toArray(new String[0]));
                assertThat(r.code() == 0 || r.err().contains("already")).as(r.toString()).isTrue();
            }
        }
        Cli.Result r = cli.run("import", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern(String.format("created +%,d%n", created)).containsPattern(String.format("unchanged +%,d%n", unchanged))
                .containsPattern("rejected +0\n");
    }

    private static List<String> withoutIds(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(line.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"));
        }
        return lines;
    }

    /** Every contact of the store by primary email: each attribute but id, version and updated; organizations by name. */
    private static Map<String, Map<String, Object>> contents(String url) {
        try (var store = new SharedMemoryStores().open(url)) {
            PropertyContacts p = Contacts.builder().store(store).build().property("default");
            List<AttributeDefinition> custom = p.attributes().catalog(Target.CONTACT).custom();
            OrganizationNames names = new OrganizationNames(id -> p.organizations().get(id).name());
            Map<String, Map<String, Object>> all = new TreeMap<>();
            Query q = Query.of(Filter.all()).withSort(Sort.asc("created")).withPageSize(1000);
            Page<Contact> page;
            do {
                page = p.contacts().find(q);
                for (Contact c : page.items()) {
                    all.put(c.primaryEmail(), values(c, custom, names));
                }
                q = q.withCursor(page.nextCursor());
            } while (page.hasNext());
            return all;
        }
    }

    private static Map<String, Map<String, Object>> expected() {
        SampleData data = SampleData.generate(SampleSpec.realistic(SEED, SIZE));
        PropertyId p = data.properties().get(0).id();
        Map<OrganizationId, String> orgs = new HashMap<>();
        for (Organization o : data.organizations(p)) {
            orgs.put(o.id(), o.name());
        }
        List<AttributeDefinition> custom = AttributeCatalog.of(Target.CONTACT, data.attributes(p)).custom();
        Map<String, Map<String, Object>> all = new TreeMap<>();
        data.contactsStream(p).forEach(c -> all.put(c.primaryEmail(), values(c, custom, new OrganizationNames(orgs::get))));
        assertThat(all).hasSize(SIZE);
        return all;
    }

    private static Map<String, Object> values(Contact c, List<AttributeDefinition> custom, OrganizationNames names) {
        Map<String, Object> values = new TreeMap<>();
        for (AttributeDefinition d : AttributeCatalog.of(Target.CONTACT, List.of()).all()) {
            if (!d.name().equals("updated") && !d.name().equals("organization")) {
                values.put(d.name(), String.valueOf(c.value(d.name())));
            }
        }
        for (AttributeDefinition d : custom) {
            values.put(d.name(), String.valueOf(c.value(d.name())));
        }
        values.put(ContactColumns.ORGANIZATIONS, String.valueOf(names.names(c.organizations())));
        return values;
    }
}
