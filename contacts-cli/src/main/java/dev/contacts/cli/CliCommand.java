package dev.contacts.cli;

import dev.contacts.InvalidFilterException;
import dev.contacts.NotFoundException;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactId;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.cli.io.OrganizationNames;
import dev.contacts.query.Cursor;
import dev.contacts.query.Page;
import dev.contacts.query.Query;
import java.util.function.Consumer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the session of the run, its output, and reading contacts and filters the same way. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    ContactsCli root() {
        return (ContactsCli) spec.root().userObject();
    }

    Session session() {
        return root().session(out());
    }

    PropertyContacts property() {
        return session().property();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * @param text canonical filter text
     * @return the filter
     * @throws FilterTextException on a syntax error, to be shown with a caret
     */
    static Filter filter(String text) {
        try {
            return FilterParser.parse(text);
        } catch (InvalidFilterException e) {
            if (e.line() > 0) {
                throw new FilterTextException(text, e);
            }
            throw e;
        }
    }

    /** @return names of this property's organizations by id, cached */
    OrganizationNames organizationNames() {
        PropertyContacts p = property();
        return new OrganizationNames(id -> {
            try {
                return p.organizations().get(id).name();
            } catch (NotFoundException gone) {
                return null; // deleted meanwhile: the link is gone too
            }
        });
    }

    /**
     * Reads contacts page by page (keyset cursors, at most 1000 a page) until {@code limit}.
     *
     * @param first the query of the first page
     * @param limit most contacts to read
     * @param each  receives each contact in order
     * @return the cursor after the last contact read, or null at the end of the result
     */
    Cursor walk(Query first, long limit, Consumer<Contact> each) {
        Query q = first;
        long n = 0;
        while (true) {
            int size = (int) Math.min(Query.MAX_PAGE_SIZE, limit - n);
            Page<Contact> page = property().contacts().find(q.withPageSize(size));
            for (Contact c : page.items()) {
                each.accept(c);
                n++;
            }
            if (!page.hasNext() || n >= limit) {
                return page.nextCursor();
            }
            q = q.withCursor(page.nextCursor());
        }
    }

    /**
     * @param ref a contact id, or one of its email addresses
     * @return the contact of this property
     * @throws NotFoundException if there is none
     */
    Contact contact(String ref) {
        if (ref.contains("@")) {
            List<Contact> found = property().contacts().find(Query.of(Filter.attr("emails").is(ref)).withPageSize(1)).items();
            if (found.isEmpty()) {
                throw new NotFoundException("no contact of property " + property().property().id() + " has the email " + ref);
            }
            return found.get(0);
        }
        return property().contacts().get(ContactId.parse(ref));
    }

    /**
     * @param ref an organization id, or its name
     * @return the organization of this property
     * @throws NotFoundException if there is none
     */
    Organization organization(String ref) {
        try {
            return property().organizations().get(OrganizationId.parse(ref));
        } catch (dev.contacts.InvalidValueException notAnId) {
            return property().organizations().findByName(ref).orElseThrow(() -> new NotFoundException(
                    "no organization of property " + property().property().id() + " is named " + ref));
        }
    }
}
