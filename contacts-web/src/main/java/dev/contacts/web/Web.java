package dev.contacts.web;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.model.Organization;
import dev.contacts.model.OrganizationId;
import dev.contacts.model.Target;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every page needs from the SDK: the property of the URL, organization names, the agent. Thread-safe. */
@Component
class Web {
    /** Organizations offered in a drop-down (the first ones by name). */
    static final int ORGANIZATION_CHOICES = 200;
    private final Contacts sdk;
    private final String agent;

    Web(Contacts sdk, @Value("${contacts.web.agent:web-agent}") String agent) {
        this.sdk = sdk;
        this.agent = agent;
    }

    /** @return the SDK */
    Contacts sdk() {
        return sdk;
    }

    /** @return the agent id the app acts as (the demo has no login) */
    String agent() {
        return agent;
    }

    /**
     * @param pid the property id of the URL
     * @return its services
     * @throws dev.contacts.NotFoundException when there is no such property
     */
    PropertyContacts property(String pid) {
        return sdk.property(pid);
    }

    /**
     * @param kind "contacts" or "organizations"
     * @return the target
     */
    static Target target(String kind) {
        return "organizations".equals(kind) ? Target.ORGANIZATION : Target.CONTACT;
    }

    /**
     * @param target a target
     * @return the path word of its list
     */
    static String kind(Target target) {
        return target == Target.ORGANIZATION ? "organizations" : "contacts";
    }

    /**
     * @param p a property
     * @return id and name of its first organizations by name, for drop-downs
     */
    List<Map<String, String>> organizationChoices(PropertyContacts p) {
        List<Map<String, String>> result = new ArrayList<>();
        for (Organization o : p.organizations().find(Query.all().withSort(Sort.asc("name")).withPageSize(ORGANIZATION_CHOICES)).items()) {
            result.add(Map.of("id", o.id().toString(), "name", o.name()));
        }
        return result;
    }

    /**
     * @param p  a property
     * @param id an organization id
     * @return its name, or "(deleted organization)"
     */
    String organizationName(PropertyContacts p, OrganizationId id) {
        try {
            return p.organizations().get(id).name();
        } catch (dev.contacts.NotFoundException e) {
            return "(deleted organization)";
        }
    }
}
