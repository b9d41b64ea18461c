package dev.contacts.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The value pools of the adversarial flavour: raw inputs handed to the builders (so some
 * are blank, padded, not in NFC, or fold-duplicates that normalisation removes), chosen to
 * hit every edge of docs/filter-semantics.md §1, §3 and §7. Pools are small on purpose, so sorts tie a
 * lot. {@code null} entries mean "not set".
 */
final class EdgeValues {
    private EdgeValues() {
    }

    /** A character above U+FFFF (UTF-16 surrogate pair): GRINNING FACE. */
    static final String EMOJI = "\uD83D\uDE00";
    /** CJK UNIFIED IDEOGRAPH-20000, above U+FFFF. */
    static final String CJK_EXT_B = "\uD840\uDC00";
    /** FULLWIDTH TILDE U+FF5E: in U+E000–U+FFFF, sorts above surrogates in UTF-16 but below them by code point. */
    static final String FULLWIDTH_TILDE = "\uFF5E";
    /** First private-use character U+E000. */
    static final String PRIVATE_USE = "\uE000";
    /** e + COMBINING ACUTE ACCENT: NFC makes it the precomposed é. */
    static final String E_COMBINING = "e\u0301";

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    /** Texts for names, custom text and long-tail attributes. */
    static final String[] TEXTS = {
        null, "", "  ", "\t\n ", "\u2003",
        "Straße", "STRASSE", "strasse", "ß", "\u1E9E", "SS", "ss",
        "İstanbul", "ISTANBUL", "istanbul", "ıstanbul", "İ", "I", "i", "ı",
        "ΟΔΟΣ", "οδος", "οδοσ", "Σ", "σ", "ς", "ΣΑΣ",
        EMOJI, "x" + EMOJI, "x" + FULLWIDTH_TILDE, "x" + PRIVATE_USE, "x\uFFFD", "x" + CJK_EXT_B, "\uD835\uDD18",
        FULLWIDTH_TILDE, PRIVATE_USE, "\uFB01ligature",
        E_COMBINING, "é", "E\u0301", "É", "Cafe\u0301", "Café", "CAFÉ", "q\u0301", "\u212Aelvin", "Kelvin", "kelvin",
        "\u212B", "Å", "å",
        "100%", "a_b", "a%b", "a\\b", "back\\slash\\", "star*", "dot.", "[bracket]", "(paren)", "^caret", "dollar$",
        "pipe|", "%_\\*.[(^$|", "%", "_", "\\", "*", ".", "\"quoted\"", "it's", "{brace}", "+plus?",
        "  padded  ", "\u00A0nbsp\u00A0", "zero\u200Bwidth", "a  b", "a\tb", "line\nbreak",
        "10", "9", "010", "-1", "A", "a", "Z", "z", "~", "null", "NULL", "unknown", "true",
        "東京", "مرحبا", "\u01C5emal",
        repeat("x", 500), repeat(EMOJI, 500), repeat(E_COMBINING, 300), "  " + repeat("y", 500) + "  ",
    };

    static final String[] JOB_TITLES = {
        null, " ", "CEO", "ceo", "Ceo", "Straße-Manager", "STRASSE-MANAGER", "100% Sales", "a_b", "Dev\\Ops",
        "ΟΔΟΣ", EMOJI + " Chief Emoji Officer", "Cafe\u0301 Owner", "Café Owner",
    };
    static final String[] CITIES = {
        null, "", "İstanbul", "ISTANBUL", "istanbul", "Paris", "PARIS", "paris", "Köln", "Ko\u0308ln", "Straße",
        "Αθήνα", "ΑΘΗΝΑ", "東京", "São Paulo", "x" + FULLWIDTH_TILDE, "x" + EMOJI,
    };
    static final String[] REGIONS = {
        null, "  ", "Île-de-France", "I\u0302le-de-France", "ÎLE-DE-FRANCE", "Bayern", "bayern", "Σ", "%", "_",
    };
    static final String[] COUNTRIES = {null, "  ", "FR", "fr", " de ", "DE", "US", "us", "TR", "GR", "XK", "JP", "GB"};
    static final String[] HOSTNAMES = {
        null, " ", "Host.Example.COM", "host.example.com", "bücher.example", "xn--bcher-kva.example", "a_b.example", "%.example",
    };
    static final String[] IPS = {
        null, "", "127.0.0.1", "10.0.0.1", "255.255.255.255", "::1", "2001:DB8::1", "2001:db8::1", "1.2.3.4", "1.2.3.40",
    };
    static final String[] OSES = {null, "Windows", "WINDOWS", "windows", "macOS", "MacOS", "iOS", "Linux", "Android"};
    static final String[] BROWSERS = {null, " ", "Chrome", "chrome", "CHROME", "Firefox", "Safari", "Edge", "Samsung Internet"};
    static final String[] FACEBOOK_URLS = {
        null, "  ", "https://facebook.com/a_b", "https://facebook.com/a%20b", "https://FACEBOOK.com/A_B",
        "https://facebook.com/stra%C3%9Fe", "https://facebook.com/straße",
    };
    static final String[] LINKEDIN_URLS = {
        null, "https://linkedin.com/in/a.b", "https://linkedin.com/in/a*b", "https://linkedin.com/in/(x)",
        "https://linkedin.com/in/[x]", "HTTPS://LINKEDIN.COM/IN/A.B",
    };
    static final String[] TWITTER_HANDLES = {null, "@a_b", "@A_B", "@a%b", "@user", "@USER", "@ΟΔΟΣ", "@οδος"};
    static final String[] INSTAGRAM_HANDLES = {null, "@straße", "@STRASSE", "@strasse", "@i\u0307", "@İ", "@ı", "@" + EMOJI, "@" + FULLWIDTH_TILDE};

    /** Set elements drawn at random for tags and custom sets once the explicit lists are covered. */
    static final String[] SET_ELEMENTS = {
        "vip", "VIP", "Vip", "lead", "churn-risk", "Straße", "STRASSE", "strasse", "ß", "İ", "i", "ı", "I",
        "ΟΔΟΣ", "οδος", "Σ", "σ", "ς", EMOJI, FULLWIDTH_TILDE, PRIVATE_USE, CJK_EXT_B, E_COMBINING, "é",
        "%", "_", "\\", "*", ".", "[", "(", "^", "$", "|", "100%", "a_b", "a\\b", "a%b", " padded ",
    };

    /** Explicit set inputs: every kind of unknown, fold-duplicates, the 100-element and 320-code-point limits. */
    static final List<List<String>> SET_LISTS = setLists();

    private static List<List<String>> setLists() {
        List<List<String>> lists = new ArrayList<>();
        lists.add(null);
        lists.add(List.of());
        lists.add(List.of(" ", ""));
        lists.add(List.of("\t"));
        lists.add(List.of("vip"));
        lists.add(List.of("VIP", "vip", "Vip"));
        lists.add(List.of("vip", "lead"));
        lists.add(List.of("lead", "vip"));
        lists.add(List.of("Straße", "STRASSE", "strasse", "ß", "ss"));
        lists.add(List.of("İ", "i", "I", "ı", "i\u0307"));
        lists.add(List.of("ΟΔΟΣ", "οδος", "οδοσ", "Σ", "σ", "ς"));
        lists.add(List.of(EMOJI, FULLWIDTH_TILDE, PRIVATE_USE, CJK_EXT_B));
        lists.add(List.of(E_COMBINING, "é", "É"));
        lists.add(List.of("%", "_", "\\", "*", ".", "[", "(", "^", "$", "|"));
        lists.add(List.of("100%", "a_b", "a%b", "a\\b"));
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(String.format("t%03d", i));
        }
        lists.add(List.copyOf(hundred));
        List<String> hundredAndDuplicate = new ArrayList<>(hundred);
        hundredAndDuplicate.add("T000"); // 101 inputs, 100 after dropping the fold-duplicate
        lists.add(List.copyOf(hundredAndDuplicate));
        lists.add(List.of(repeat("x", 320)));
        lists.add(List.of(repeat(EMOJI, 320)));
        lists.add(List.of("  padded  ", "padded"));
        return Collections.unmodifiableList(lists);
    }

    /** Local parts of adversarial email addresses (none has a digit or an {@code @}). */
    static final String[] EMAIL_LOCALS = {
        "a", "A", "Straße", "STRASSE", "İlker", "ΟΔΟΣ", "οδος", "user%", "a_b", "a\\b", EMOJI, "x" + FULLWIDTH_TILDE,
        E_COMBINING, "é", "o'brien", "first.last", "*star", "[x]", "(x)", "^x$", "a|b", "+tag",
    };
    static final String[] EMAIL_DOMAINS = {
        "example.com", "EXAMPLE.COM", "Example.Com", "exämple.de", "bücher.example", "xn--bcher-kva.example",
        "ex_ample.org", "100%.example",
    };

    static final List<List<String>> PHONES = Arrays.asList(
        null, List.of(), List.of(" "), List.of("+33 1 23 45 67 89"), List.of("+33123456789"),
        List.of("+33 1 23 45 67 89", "+33123456789"), List.of("(555) 010-0000"), List.of("+1-555-0100", "+1 555 0100"),
        List.of("555%0100"), List.of("#123*"), List.of("\uFF10\uFF11\uFF12\uFF13"));

    private static BigDecimal[] numbers(String... texts) {
        BigDecimal[] out = new BigDecimal[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = texts[i] == null ? null : new BigDecimal(texts[i]);
        }
        return out;
    }

    /** Numbers for custom values: signs, zero spellings, the 18+6 digit limits, exponent input, ties. */
    static final BigDecimal[] NUMBERS = numbers(
        null, "0", "-0", "0.000", "1", "-1", "1.5", "1.50", "1.500000000", "0.000001", "-0.000001",
        "999999999999999999.999999", "-999999999999999999.999999", "123456789012345678", "-123456789012345678",
        "100", "1E+2", "99.999999", "10", "9", "42", "42.0", "2.5", "-2.5", "1000000", "0.5", "3.14159");
    /** Counters of built-in statistics: never negative, up to 18 digits. */
    static final BigDecimal[] COUNTERS = numbers(null, "0", "1", "1", "2", "3", "10", "100", "12345", "999999999999999999");
    /** Time spent in seconds: counters and fractions. */
    static final BigDecimal[] DURATIONS = numbers(null, "0", "1", "0.5", "12.75", "0.000001", "3600", "999999999999999999.999999");

    static final Boolean[] BOOLEANS = {null, Boolean.TRUE, Boolean.FALSE};

    /** Zones whose transitions and local midnights the date pool covers. */
    static final List<ZoneId> DST_ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Pacific/Chatham"));

    /** Dates: range limits, the epoch, month and year ends, DST transitions and local midnights (±1 ms), sub-ms input. */
    static final Instant[] DATES = dates();

    private static Instant[] dates() {
        Set<Instant> dates = new LinkedHashSet<>();
        for (String s : new String[] {
            "1900-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
            "2024-02-29T12:00:00Z", "2025-12-31T23:59:59.999Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.001Z",
            "2025-12-31T23:00:00Z", "2026-01-31T23:59:59.999Z", "2026-02-01T00:00:00Z", "2026-02-28T23:59:59.999Z",
            "2026-04-30T23:59:59.999Z", "2026-12-31T23:59:59.999Z", "2026-03-28T22:59:59.999Z", "2026-03-28T23:00:00Z",
            "2026-03-29T00:59:59.999Z", "2026-03-29T01:00:00Z", "2026-03-29T22:00:00Z", "2026-05-05T10:15:30.123Z",
            "2026-05-05T10:15:30.123456789Z", "2026-06-15T12:00:00Z", "2025-12-02T00:00:00Z", "2025-12-01T00:00:00Z",
        }) {
            dates.add(Instant.parse(s));
        }
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (ZoneId zone : DST_ZONES) {
            ZoneRules rules = zone.getRules();
            Instant t = from;
            for (int k = 0; k < 2; k++) {
                ZoneOffsetTransition transition = rules.nextTransition(t);
                if (transition == null) {
                    break;
                }
                Instant at = transition.getInstant();
                dates.add(at.minusMillis(1));
                dates.add(at);
                LocalDate day = transition.getDateTimeBefore().toLocalDate();
                Instant midnight = day.atStartOfDay(zone).toInstant();
                dates.add(midnight.minusMillis(1));
                dates.add(midnight);
                dates.add(day.plusDays(1).atStartOfDay(zone).toInstant());
                t = at;
            }
        }
        List<Instant> list = new ArrayList<>();
        list.add(null);
        list.addAll(dates);
        return list.toArray(new Instant[0]);
    }

    /** Organization names (an organization needs one): ties by fold, metacharacters, Unicode, the 500 limit. */
    static final String[] ORGANIZATION_NAMES = {
        "Acme", "ACME", "acme", "Acme%", "Acme_", "Ac\\me", "Straße GmbH", "STRASSE GMBH", "İstanbul A.Ş.",
        "ISTANBUL A.Ş.", "ΟΔΟΣ", "Cafe\u0301", "Café", EMOJI + " Emoji Corp", FULLWIDTH_TILDE + " Tilde",
        PRIVATE_USE + " Private", "[Brackets] (Parens) ^$|*.", "  Padded  ", "test", repeat("x", 500),
    };
    /** The organization names whose fold appears first in {@link #ORGANIZATION_NAMES}, stripped. */
    static final java.util.Set<String> FIRST_OF_ITS_FOLD = firstOfEachFold(ORGANIZATION_NAMES);

    private static java.util.Set<String> firstOfEachFold(String[] names) {
        java.util.Set<String> folds = new java.util.HashSet<>();
        java.util.Set<String> first = new java.util.HashSet<>();
        for (String n : names) {
            String normal = dev.contacts.model.Values.text("name", n);
            if (folds.add(dev.contacts.model.Values.fold(normal))) {
                first.add(n.strip());
            }
        }
        return java.util.Set.copyOf(first);
    }

    static final List<List<String>> ORGANIZATION_DOMAINS = Arrays.asList(
        null, List.of(), List.of("example.com"), List.of("Example.COM", "example.com"),
        List.of("bücher.example", "xn--bcher-kva.example"), List.of("a_b.example", "a%b.example"));
    static final String[] ORGANIZATION_PHONES = {null, "+33 1 23 45 67 89", "+33123456789", " ", "\uFF10\uFF11\uFF12\uFF13"};
}
