package dev.contacts.model;

/**
 * Typed keys of the built-in attributes: the 34 contact attributes in the product's order,
 * {@code organization.name} for contact filters, and the attributes only organizations
 * have. Names shared by both targets ({@link #NAME}, {@link #TAGS}, {@link #COUNTRY},
 * {@link #CITY}, {@link #REGION}, {@link #CREATED}, {@link #UPDATED}) have one key. See
 * {@link AttrKey} for what a key lets the compiler check, and the {@code custom} factories of
 * {@link TextKey}, {@link TextSetKey}, {@link NumberKey}, {@link DateKey} and
 * {@link BooleanKey} for custom attributes.
 */
public final class Attr {
    /** {@code name}: contacts and organizations. */
    public static final TextKey NAME = new TextKey("name");
    /** {@code primaryEmail}: contacts; the first of {@link #EMAILS}. */
    public static final TextKey PRIMARY_EMAIL = new TextKey("primaryEmail");
    /** {@code emails}: contacts. */
    public static final TextSetKey EMAILS = new TextSetKey("emails");
    /** {@code primaryPhone}: contacts; the first of {@link #PHONES}. */
    public static final TextKey PRIMARY_PHONE = new TextKey("primaryPhone");
    /** {@code phones}: contacts. */
    public static final TextSetKey PHONES = new TextSetKey("phones");
    /** {@code organization}: contacts; the linked organizations. */
    public static final OrganizationsKey ORGANIZATION = new OrganizationsKey("organization");
    /** {@code jobTitle}: contacts. */
    public static final TextKey JOB_TITLE = new TextKey("jobTitle");
    /** {@code tags}: contacts and organizations. */
    public static final TextSetKey TAGS = new TextSetKey("tags");
    /** {@code facebookUrl}: contacts. */
    public static final TextKey FACEBOOK_URL = new TextKey("facebookUrl");
    /** {@code linkedinUrl}: contacts. */
    public static final TextKey LINKEDIN_URL = new TextKey("linkedinUrl");
    /** {@code twitterHandle}: contacts. */
    public static final TextKey TWITTER_HANDLE = new TextKey("twitterHandle");
    /** {@code instagramHandle}: contacts. */
    public static final TextKey INSTAGRAM_HANDLE = new TextKey("instagramHandle");
    /** {@code country}: contacts and organizations; ISO 3166-1 alpha-2, upper case. */
    public static final TextKey COUNTRY = new TextKey("country");
    /** {@code city}: contacts and organizations. */
    public static final TextKey CITY = new TextKey("city");
    /** {@code region}: contacts and organizations. */
    public static final TextKey REGION = new TextKey("region");
    /** {@code hostname}: contacts. */
    public static final TextKey HOSTNAME = new TextKey("hostname");
    /** {@code ip}: contacts. */
    public static final TextKey IP = new TextKey("ip");
    /** {@code os}: contacts. */
    public static final TextKey OS = new TextKey("os");
    /** {@code browser}: contacts. */
    public static final TextKey BROWSER = new TextKey("browser");
    /** {@code firstWebSession}: contacts. */
    public static final DateKey FIRST_WEB_SESSION = new DateKey("firstWebSession");
    /** {@code lastWebSession}: contacts. */
    public static final DateKey LAST_WEB_SESSION = new DateKey("lastWebSession");
    /** {@code totalWebSessions}: contacts; a counter. */
    public static final NumberKey TOTAL_WEB_SESSIONS = new NumberKey("totalWebSessions");
    /** {@code pagesViewed}: contacts; a counter. */
    public static final NumberKey PAGES_VIEWED = new NumberKey("pagesViewed");
    /** {@code timeSpent}: contacts; seconds, a counter. */
    public static final NumberKey TIME_SPENT = new NumberKey("timeSpent");
    /** {@code firstLiveChat}: contacts. */
    public static final DateKey FIRST_LIVE_CHAT = new DateKey("firstLiveChat");
    /** {@code lastLiveChat}: contacts. */
    public static final DateKey LAST_LIVE_CHAT = new DateKey("lastLiveChat");
    /** {@code totalLiveChats}: contacts; a counter. */
    public static final NumberKey TOTAL_LIVE_CHATS = new NumberKey("totalLiveChats");
    /** {@code firstTicket}: contacts. */
    public static final DateKey FIRST_TICKET = new DateKey("firstTicket");
    /** {@code lastTicket}: contacts. */
    public static final DateKey LAST_TICKET = new DateKey("lastTicket");
    /** {@code totalTickets}: contacts; a counter. */
    public static final NumberKey TOTAL_TICKETS = new NumberKey("totalTickets");
    /** {@code created}: contacts and organizations; set by the SDK. */
    public static final DateKey CREATED = new DateKey("created");
    /** {@code updated}: contacts and organizations; maintained by the SDK, cannot be written. */
    public static final DateKey UPDATED = new DateKey("updated");
    /** {@code firstSeen}: contacts. */
    public static final DateKey FIRST_SEEN = new DateKey("firstSeen");
    /** {@code lastSeen}: contacts. */
    public static final DateKey LAST_SEEN = new DateKey("lastSeen");
    /** {@code organization.name}: the names of a contact's linked organizations; in contact filters only (docs/filter-semantics.md §4). */
    public static final TextKey ORGANIZATION_NAME = new TextKey(BuiltInAttributes.ORGANIZATION_NAME);
    /** {@code domains}: organizations. */
    public static final TextSetKey DOMAINS = new TextSetKey("domains");
    /** {@code phone}: organizations. */
    public static final TextKey PHONE = new TextKey("phone");
    /** {@code contacts}: organizations; the number of linked contacts, maintained by the SDK. */
    public static final NumberKey CONTACTS = new NumberKey("contacts");

    private Attr() {
    }
}
