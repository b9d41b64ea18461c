package dev.contacts.cli;

import dev.contacts.NotFoundException;
import dev.contacts.cli.io.ContactColumns;
import dev.contacts.cli.io.ContactImporter;
import dev.contacts.cli.io.ImportReport;
import dev.contacts.cli.io.RowSource;
import dev.contacts.cli.io.SourceRow;
import dev.contacts.model.Contact;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code contacts set}: changes a contact's attributes (or creates it by email), with import's rules for one row. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set attributes of a contact, creating it when an unknown email is given.",
            "Values are written as in a CSV cell: multi-valued ones separated by ';' (escape ';' and '\\' with '\\'), "
                    + "organizations by name (created when missing), an empty value clears the attribute.",
            "Example: contacts set ada@example.com name='Ada Lovelace' jobTitle=Engineer tags='vip;beta' organizations=ACME city="})
final class SetCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CONTACT", description = "The contact's id or one of its email addresses.")
    String contact;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ATTR=VALUE", description = "Attributes to set, e.g. jobTitle=Engineer.")
    List<String> assignments;

    @Override
    public Integer call() {
        Map<String, Object> values = new LinkedHashMap<>();
        Contact existing = null;
        try {
            existing = contact(contact);
            values.put(ContactColumns.ID, existing.id().toString());
        } catch (NotFoundException e) {
            if (!contact.contains("@")) {
                throw e;
            }
            values.put("emails", contact); // a new contact with this address
        }
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new CliUsageException("'" + a + "' is not ATTR=VALUE, e.g. jobTitle=Engineer");
            }
            values.put(a.substring(0, eq).strip(), a.substring(eq + 1).isEmpty() ? null : a.substring(eq + 1));
        }
        ContactImporter importer = new ContactImporter(property(), session().zone(), false);
        ImportReport r = importer.run(single(new SourceRow(1, values, true, null)), (rows, position) -> { });
        if (r.rejectedCount() > 0) {
            throw new CliUsageException(r.rejections().get(0).reason());
        }
        out().println(r.createdCount() > 0 ? "created " + contact : r.updatedCount() > 0 ? "updated " + contact : "unchanged " + contact);
        Contact now = contact(existing != null ? existing.id().toString() : contact);
        ShowCommand.print(out(), property(), now, session().zone(), organizationNames().names(now.organizations()));
        return ContactsCli.OK;
    }

    private static RowSource single(SourceRow row) {
        Iterator<SourceRow> it = List.of(row).iterator();
        return new RowSource() {
            @Override
            public long position() {
                return 0;
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public SourceRow next() {
                return it.next();
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };
    }
}
