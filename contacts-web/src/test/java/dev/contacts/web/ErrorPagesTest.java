package dev.contacts.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The controllers' error paths: pages in plain words with the right status, never a stack trace. */
class ErrorPagesTest extends WebTestBase {
    @Autowired
    MockMvc mvc;

    private String page(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        String html = result.getResponse().getContentAsString();
        assertThat(html).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.contacts.");
        return html;
    }

    @Test
    void anUnknownPropertyIsAPageNotFound() throws Exception {
        assertThat(page(mvc.perform(get("/p/nowhere/contacts")).andReturn(), 404)).contains("property nowhere does not exist");
    }

    @Test
    void anUnknownContactIsAPageNotFound() throws Exception {
        assertThat(page(mvc.perform(get("/p/demo/contacts/" + UUID.randomUUID())).andReturn(), 404)).contains("Not found");
    }

    @Test
    void anUnknownAddressIsAPageNotFound() throws Exception {
        assertThat(page(mvc.perform(get("/nothing/here")).andReturn(), 404)).contains("There is no page at this address");
    }

    @Test
    void aFilterWithASyntaxErrorShowsTheCaretInTheList() throws Exception {
        String html = page(mvc.perform(get("/p/demo/contacts").param("filter", "tags contians \"vip\"")).andReturn(), 200);
        assertThat(html).contains("id=\"filter-error\"").contains("line 1, column 6").contains("     ^");
    }

    @Test
    void aFilterOnAnUnknownAttributeIsExplainedInTheList() throws Exception {
        String html = page(mvc.perform(get("/p/demo/contacts").param("filter", "custom.nothing is \"x\"")).andReturn(), 200);
        assertThat(html).contains("id=\"list-problem\"").contains("define it first");
    }

    @Test
    void aDamagedCursorIsExplainedInTheList() throws Exception {
        String html = page(mvc.perform(get("/p/demo/contacts").param("at", "not-a-cursor")).andReturn(), 200);
        assertThat(html).contains("id=\"list-problem\"");
    }

    @Test
    void aPanelRowWithAWrongNumberIsShownInThePanel() throws Exception {
        String html = page(mvc.perform(get("/p/demo/contacts/filter").param("current", "all")
                .param("r0.g", "0").param("r0.a", "totalTickets").param("r0.o", "GT").param("r0.v", "many")).andReturn(), 200);
        assertThat(html).contains("id=\"panel-error\"").contains("&#39;many&#39; is not a number");
    }

    @Test
    void aPanelRowIsPrintedAsCanonicalTextInTheUrl() throws Exception {
        MvcResult r = mvc.perform(get("/p/demo/contacts/filter").param("r0.g", "0").param("r0.a", "tags").param("r0.o", "IS_NOT")
                .param("r0.v", "vip").param("r1.g", "1").param("r1.a", "lastSeen").param("r1.o", "WITHIN_LAST")
                .param("r1.n", "30").param("r1.u", "DAYS")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl())
                .isEqualTo(Pages.url("/p/demo/contacts", "filter", "tags is not \"vip\" or lastSeen within last 30 days"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        MvcResult r = mvc.perform(post("/p/demo/contacts/save").param("f.name", "Nobody")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aWrongValueInTheProfileFormIsAPlainWordsPage() throws Exception {
        String html = page(mvc.perform(post("/p/demo/contacts/save").with(csrf()).param("f.name", "Nobody")
                .param("f.custom.score", "lots")).andReturn(), 400);
        assertThat(html).contains("&#39;lots&#39; is not a number");
    }

    @Test
    void aMissingFieldIsAPlainWordsPage() throws Exception {
        String html = page(mvc.perform(post("/p/demo/contacts/attributes").with(csrf()).param("key", "x")).andReturn(), 400);
        assertThat(html).contains("A field of the form is missing");
    }

    @Test
    void anExportOfABadFilterIsAPageNotAFile() throws Exception {
        String html = page(mvc.perform(get("/p/demo/contacts/export").param("filter", "tags is")).andReturn(), 400);
        assertThat(html).contains("That cannot be done");
    }

    @Test
    void anExportIsACsvFileOfTheFiltersWholeResult() throws Exception {
        MvcResult r = mvc.perform(get("/p/demo/contacts/export").param("filter", "country is \"FR\"").param("format", "csv")).andReturn();
        r.getAsyncResult(30_000);
        MvcResult done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(r)).andReturn();
        assertThat(done.getResponse().getHeader("Content-Disposition")).contains("contacts-demo.csv");
        String csv = done.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        long rows = csv.lines().count() - 1;
        assertThat(rows).isEqualTo(sdkCount("country is \"FR\""));
    }

    @Autowired
    dev.contacts.Contacts sdk;

    private long sdkCount(String filter) {
        return sdk.property(DemoData.DEMO).contacts().count(dev.contacts.filter.FilterParser.parse(filter));
    }
}
