package dev.contacts.web;

import dev.contacts.Contacts;
import dev.contacts.PropertyContacts;
import dev.contacts.filter.Filter;
import dev.contacts.filter.FilterParser;
import dev.contacts.filter.FilterPrinter;
import dev.contacts.model.Assignee;
import dev.contacts.model.Contact;
import dev.contacts.model.Note;
import dev.contacts.model.Priority;
import dev.contacts.model.Target;
import dev.contacts.model.Ticket;
import dev.contacts.query.Query;
import dev.contacts.query.Sort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's Contacts screen walked paragraph by paragraph in headless Chromium, each step
 * checked against the SDK's own answer and saved as target/screenshots/NN-name.png; then the
 * XSS and CSRF cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserWalkTest extends WebTestBase {
    private static WebDriver driver;
    private static Filter built;
    private static Contact person;

    @LocalServerPort
    int port;

    @Autowired
    Contacts sdk;

    @BeforeAll
    static void browser() {
        driver = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private PropertyContacts demo() {
        return sdk.property(DemoData.DEMO);
    }

    private void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    private static WebElement $(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private static List<String> rowIds() {
        return driver.findElements(By.cssSelector("a.row-link")).stream()
                .map(a -> a.getAttribute("href").substring(a.getAttribute("href").lastIndexOf('/') + 1)).toList();
    }

    private List<String> expectedIds(Filter filter, Sort sort) {
        return demo().contacts().find(Query.of(filter).withSort(sort).withPageSize(ListController.PAGE_SIZE)).items().stream()
                .map(c -> c.id().toString()).toList();
    }

    private static List<String> headers() {
        return driver.findElements(By.cssSelector("#list thead th[data-column] > span:first-child")).stream().map(WebElement::getText).toList();
    }

    /** Clicks something that loads a new page, and waits until the new page is there. */
    private static void go(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element of the page before a navigation is gone. Chromium answers a question
     * about it with a stale-element error, or, when asked while the new document replaces the
     * old one, with "Node with given id does not belong to the document" (a plain
     * {@link WebDriverException}, which {@code ExpectedConditions.stalenessOf} does not catch):
     * both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    @Test
    @Order(1)
    void theListShowsTheDefaultFiveColumnsAndTheTotal() {
        open("/");
        assertThat(driver.getCurrentUrl()).endsWith("/p/demo/contacts");
        assertThat(headers()).containsExactly("Primary email", "Primary phone", "Organization", "Tags", "Last seen");
        assertThat($("#total").getText()).isEqualTo("(" + demo().contacts().count(Filter.all()) + ")");
        assertThat(rowIds()).isEqualTo(expectedIds(Filter.all(), Sort.desc("lastSeen")));
        Browser.screenshot(driver, "01-contacts");
    }

    @Test
    @Order(2)
    void theColumnPickerAddsCountryCityAndACustomAttributeSavedInTheListView() {
        $("#column-picker summary").click();
        for (String column : List.of("country", "city", "custom.plan")) {
            $("#column-picker input[value='" + column + "']").click();
        }
        Browser.screenshot(driver, "02-column-picker");
        go($("#columns-done"));
        assertThat(headers()).containsExactly("Primary email", "Primary phone", "Organization", "Tags", "Last seen", "Country", "City", "Plan");
        assertThat(demo().listViews().get(Target.CONTACT).columns()).contains("country", "city", "custom.plan");
        Browser.screenshot(driver, "03-columns-added");
    }

    @Test
    @Order(3)
    void theArrowOfAColumnSortsByIt() {
        go($("a[data-sort='primaryEmail:asc']"));
        assertThat(rowIds()).isEqualTo(expectedIds(Filter.all(), Sort.asc("primaryEmail")));
        Browser.screenshot(driver, "04-sorted-by-email");
    }

    private static WebElement lastRow(WebElement group) {
        List<WebElement> rows = group.findElements(By.cssSelector(".frow"));
        return rows.get(rows.size() - 1);
    }

    private static void fill(WebElement row, String attribute, String operator, String css, String value) {
        new Select(row.findElement(By.cssSelector("[data-field=a]"))).selectByValue(attribute);
        new Select(row.findElement(By.cssSelector("[data-field=o]"))).selectByValue(operator);
        WebElement input = row.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    @Order(4)
    void aFilterWithANegativeCriterionAndTwoGroupsShowsTheSdksRows() {
        $("#filter-toggle").click();
        WebElement first = driver.findElements(By.cssSelector("#groups .fgroup")).get(0);
        first.findElement(By.cssSelector("button[data-act=add]")).click();
        fill(lastRow(first), "tags", "IS_NOT", "input[data-w=text]", "vip");
        first.findElement(By.cssSelector("button[data-act=add]")).click();
        fill(lastRow(first), "country", "IS", "input[data-w=text]", "FR");
        lastRow(first).findElement(By.cssSelector("button[data-act=group]")).click();
        WebElement second = driver.findElements(By.cssSelector("#groups .fgroup")).get(1);
        fill(lastRow(second), "totalLiveChats", "GE", "input[data-w~=number]", "1");
        Browser.screenshot(driver, "05-filter-panel");
        go($("#filter-apply"));

        built = Filter.or(Filter.and(Filter.attr("tags").isNot("vip"), Filter.attr("country").is("FR")),
                Filter.attr("totalLiveChats").ge(1));
        assertThat($("#canonical").getText()).isEqualTo(FilterPrinter.print(built));
        assertThat(driver.getCurrentUrl()).contains("filter=");
        assertThat($("#total").getText()).isEqualTo("(" + demo().contacts().count(built) + ")");
        assertThat(rowIds()).isNotEmpty().isEqualTo(expectedIds(built, Sort.asc("primaryEmail")));
        assertThat(driver.findElements(By.cssSelector("#groups .fgroup"))).hasSize(2);
        Browser.screenshot(driver, "06-filtered");
    }

    @Test
    @Order(5)
    void theFilterTextIsEditableAndASyntaxErrorShowsTheParsersCaret() {
        String bookmarked = driver.getCurrentUrl();
        WebElement text = $("#filter-text");
        text.clear();
        text.sendKeys("tags contians \"vip\"");
        go($("#filter-text-apply"));
        WebElement error = $("#filter-error");
        assertThat(error.getText()).contains("line 1, column 6").contains("^");
        assertThat($(".caret-mark").getText()).isEqualTo("     ^");
        Browser.screenshot(driver, "07-filter-syntax-error");
        driver.get(bookmarked);
        assertThat($("#canonical").getText()).isEqualTo(FilterPrinter.print(built));
    }

    @Test
    @Order(6)
    void theFilterIsSavedAsASegmentListedWithItsCount() {
        $("#save-segment summary").click();
        $("#segment-name").sendKeys("Walk segment");
        go($("#segment-save"));
        WebElement link = driver.findElement(By.linkText("Walk segment"));
        assertThat(link.findElement(By.xpath("following-sibling::span")).getText()).isEqualTo(Long.toString(demo().contacts().count(built)));
        assertThat(demo().segments().findByName(Target.CONTACT, "Walk segment")).isPresent();
        Browser.screenshot(driver, "08-segment-saved");
    }

    @Test
    @Order(7)
    void theSegmentReopensAndIsRenamed() {
        open("/p/demo/contacts");
        go(driver.findElement(By.linkText("Walk segment")));
        assertThat(rowIds()).isEqualTo(expectedIds(built, Sort.asc("primaryEmail")));
        $("#segment-rename summary").click();
        $("#rename-name").clear();
        $("#rename-name").sendKeys("Walk segment renamed");
        go($("#rename-save"));
        assertThat($("#segments").getText()).contains("Walk segment renamed");
        assertThat(demo().segments().findByName(Target.CONTACT, "Walk segment renamed")).isPresent();
        Browser.screenshot(driver, "09-segment-reopened");
    }

    @Test
    @Order(8)
    void anAttributeIsAddedRelabelledAndDeletedOnlyByForceWhileASegmentUsesIt() {
        open("/p/demo/contacts/attributes");
        $("#add-attribute summary").click();
        $("#attr-label").sendKeys("Walk score");
        $("#attr-key").sendKeys("walk_score");
        new Select($("#attr-type")).selectByValue("NUMBER");
        go($("#attr-create"));
        WebElement row = $("tr[data-attribute='custom.walk_score']");
        assertThat(row.getText()).contains("Walk score");
        row.findElement(By.cssSelector("summary")).click();
        WebElement label = $("#relabel-walk_score");
        label.clear();
        label.sendKeys("Walk points");
        go($("tr[data-attribute='custom.walk_score'] .relabel-save"));
        assertThat($("tr[data-attribute='custom.walk_score']").getText()).contains("Walk points");

        demo().segments().save(Target.CONTACT, "Uses walk points", "custom.walk_score > 1", List.of("primaryEmail"), Sort.asc("primaryEmail"));
        go($("tr[data-attribute='custom.walk_score'] .attr-delete"));
        assertThat($("#in-use").getText()).contains("custom.walk_score").contains("Uses walk points");
        Browser.screenshot(driver, "10-attribute-in-use");
        go($("#force-delete"));
        assertThat($(".notice").getText()).contains("custom.walk_score deleted").contains("Uses walk points");
        assertThat(driver.findElements(By.cssSelector("tr[data-attribute='custom.walk_score']"))).isEmpty();
        assertThat(demo().attributes().catalog(Target.CONTACT).find("custom.walk_score")).isNull();
    }

    @Test
    @Order(9)
    void aNameInTheListOpensTheProfile() {
        person = demo().contacts().find(Query.of(FilterParser.parse("phones has any value and name has any value"))
                .withSort(Sort.asc("primaryEmail")).withPageSize(1)).items().get(0);
        open(Pages.url("/p/demo/contacts", "filter", "primaryEmail is \"" + person.primaryEmail() + "\""));
        go(driver.findElement(By.linkText(person.name())));
        assertThat($("#contact-name").getText()).isEqualTo(person.name());
        assertThat($(".avatar").getText()).isEqualTo(Pages.initials(person.name(), person.primaryEmail()));
        assertThat($("body").getText()).contains(person.primaryEmail());
        Browser.screenshot(driver, "11-profile");
    }

    @Test
    @Order(10)
    void aNoteIsAddedAndEdited() {
        $("#note-body").sendKeys("Walk note: prefers email");
        go($("#note-save"));
        assertThat($("#notes").getText()).contains("Walk note: prefers email");
        Note note = demo().notes().list(person.id(), 10, null).items().get(0);
        assertThat(note.body()).isEqualTo("Walk note: prefers email");
        WebElement article = $("article[data-note='" + note.id() + "']");
        article.findElement(By.cssSelector("summary")).click();
        WebElement body = article.findElement(By.cssSelector("textarea"));
        body.clear();
        body.sendKeys("Walk note: prefers email, edited");
        go(article.findElement(By.cssSelector(".note-update")));
        assertThat(demo().notes().get(note.id()).body()).isEqualTo("Walk note: prefers email, edited");
        assertThat(demo().notes().get(note.id()).editedBy()).isEqualTo("web-agent");
        assertThat($("#timeline").getText()).contains("Walk note: prefers email, edited");
        Browser.screenshot(driver, "12-note");
    }

    @Test
    @Order(11)
    void theCallButtonSaysTelephonyIsNotConfigured() {
        $("#call summary").click();
        go($("#call-start"));
        assertThat($("#call-problem").getText()).startsWith("Calling is not available:").contains("telephony provider");
        Browser.screenshot(driver, "13-call-not-configured");
    }

    @Test
    @Order(12)
    void aTicketWithAnAttachmentAppearsInTheTimeline() throws IOException {
        Path file = Files.createTempDirectory("walk").resolve("walk-invoice.txt");
        Files.writeString(file, "Invoice 2026-12\nTotal: 49.00 EUR\n", StandardCharsets.UTF_8);
        $("#ticket-subject").sendKeys("Walk ticket");
        $("#ticket-message").sendKeys("Hello from the walk.");
        $("#ticket-file-0").sendKeys(file.toAbsolutePath().toString());
        new Select($("#ticket-assignee-kind")).selectByValue("DEPARTMENT");
        $("#ticket-assignee").sendKeys("billing");
        new Select($("#ticket-priority")).selectByValue("HIGH");
        $("#ticket-tags").sendKeys("walk, invoice");
        Browser.screenshot(driver, "14-ticket-form");
        go($("#ticket-create"));

        Ticket t = demo().tickets().ofContact(person.id()).stream().filter(x -> x.subject().equals("Walk ticket")).findFirst().orElseThrow();
        assertThat(t.assignee()).isEqualTo(Assignee.department("billing"));
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.tags()).containsExactly("walk", "invoice");
        assertThat($(".notice").getText()).contains("Ticket #" + t.number());
        WebElement item = $("#timeline li.TICKET");
        assertThat(item.getText()).contains("Walk ticket").contains("walk-invoice.txt");

        for (WebElement box : driver.findElements(By.cssSelector("#timeline-kinds input[type=checkbox]"))) {
            if (box.isSelected() != box.getAttribute("value").equals("TICKET")) {
                box.click();
            }
        }
        go($("#timeline-filter"));
        List<WebElement> items = driver.findElements(By.cssSelector("#timeline li.item"));
        assertThat(items).isNotEmpty().allSatisfy(li -> assertThat(li.getAttribute("class")).contains("TICKET"));
        Browser.screenshot(driver, "15-timeline-tickets");
    }

    @Test
    @Order(13)
    void aCsvFileIsImportedWithProgressAndAReport() throws IOException {
        Path file = Files.createTempDirectory("walk").resolve("people.csv");
        Files.writeString(file, "name,emails,tags\nWalk One,walk.one@example.com,walk\nWalk Two,walk.two@example.com,walk;vip\nNo Address,,walk\n",
                StandardCharsets.UTF_8);
        open("/p/demo/import");
        $("#import-file").sendKeys(file.toAbsolutePath().toString());
        go($("#import-start"));
        waitFor(d -> d.findElement(By.id("import-status")).getText().equals("Finished"));
        assertThat($("#import-created").getText()).isEqualTo("2");
        assertThat($("#import-rejected").getText()).isEqualTo("1");
        assertThat($("#import-rejections").getText()).contains("line 4");
        assertThat(demo().contacts().count(FilterParser.parse("tags is \"walk\""))).isEqualTo(2);
        Browser.screenshot(driver, "16-import-report");
    }

    @Test
    @Order(14)
    void theSwitcherChangesProperty() {
        open("/p/demo/contacts");
        new Select($("#property-switch")).selectByValue(DemoData.OTHER);
        go($("#switch-go"));
        assertThat(driver.getCurrentUrl()).endsWith("/p/demo-other/contacts");
        assertThat($("#total").getText()).isEqualTo("(" + sdk.property(DemoData.OTHER).contacts().count(Filter.all()) + ")");
        assertThat($("#list").getText()).contains("Grace Hopper").doesNotContain(person.name());
        Browser.screenshot(driver, "17-other-property");
    }

    @Test
    @Order(15)
    void aContactNamedLikeAScriptRendersAsText() {
        open("/p/demo-other/contacts/new");
        $("#f-name").sendKeys("<script>alert(1)</script>");
        $("#f-emails").sendKeys("xss@example.com");
        go($("#contact-save"));
        assertThat($("#contact-name").getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(driver.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        open("/p/demo-other/contacts");
        assertThat($("#list").getText()).contains("<script>alert(1)</script>");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        Browser.screenshot(driver, "18-xss-as-text");
    }

    @Test
    @Order(16)
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        open("/p/demo/contacts/" + person.id());
        long notes = demo().notes().list(person.id(), 100, null).items().size();
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#note-form input[name=_csrf]').remove();");
        $("#note-body").sendKeys("A forged note");
        go($("#note-save"));
        assertThat($("h1").getText()).isEqualTo("The form was refused");
        assertThat(demo().notes().list(person.id(), 100, null).items()).hasSize((int) notes);
        Browser.screenshot(driver, "19-csrf-refused");
    }
}
