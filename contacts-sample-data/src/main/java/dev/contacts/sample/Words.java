package dev.contacts.sample;

import java.util.List;

/** Word lists of the realistic flavour. */
final class Words {
    private Words() {
    }

    static final String[] FIRST_NAMES = {
        "James", "Mary", "Olivia", "Liam", "Emma", "Noah", "Sophia", "Lucas", "Amelia", "Ethan",
        "Chloé", "Léa", "Hugo", "Théo", "Manon", "Jürgen", "Lukas", "Anna", "Lena", "Maximilian",
        "José", "María", "Lucía", "Javier", "Carmen", "Giulia", "Marco", "Francesca", "Łukasz", "Zofia",
        "Piotr", "Agnieszka", "Søren", "Ingrid", "Björn", "Astrid", "Mehmet", "Ayşe", "Çağla", "Emre",
        "João", "Beatriz", "Thiago", "Priya", "Arjun", "Aarav", "Ananya", "Wei", "Yuki", "Haruto",
        "Sakura", "Min-jun", "Ji-woo", "Chinedu", "Amara", "Olumide", "Fatima", "Omar", "Layla", "Dmitri",
        "Olga", "Nikos", "Eleni", "Zoë", "Noé", "Siobhán", "Seán", "Grace", "Daniel", "Sarah",
    };

    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Garcia", "Martínez", "Rodríguez", "López", "Müller", "Schmidt",
        "Schneider", "Fischer", "Weiß", "Martin", "Bernard", "Dubois", "Lefèvre", "Rossi", "Russo", "Bianchi",
        "Kowalski", "Nowak", "Wiśniewski", "Andersen", "Nielsen", "Johansson", "Yılmaz", "Kaya", "Demir", "Silva",
        "Santos", "Oliveira", "Sharma", "Patel", "Gupta", "Wang", "Li", "Zhang", "Chen", "Tanaka",
        "Suzuki", "Sato", "Kim", "Lee", "Park", "Okafor", "Adeyemi", "Nguyen", "Tran", "O'Brien",
        "Murphy", "van der Berg", "de Vries", "Papadopoulos", "Ivanov", "Haddad", "Cohen", "Dupont", "Novák", "Horváth",
    };

    /** Full names in other scripts, used for a few percent of contacts; their email slug is generic. */
    static final String[] NATIVE_NAMES = {
        "Александр Иванов", "Мария Петрова", "王芳", "李伟", "佐藤 さくら", "김민준", "Γιώργος Παπαδόπουλος",
        "محمد الأحمد", "דוד כהן", "अनन्या शर्मा",
    };

    static final String[] JOB_TITLES = {
        "Software Engineer", "Product Manager", "Head of Support", "Customer Success Manager", "CEO", "CTO",
        "Marketing Manager", "Sales Representative", "Account Executive", "Office Manager", "Designer",
        "Data Analyst", "Operations Lead", "Founder", "Consultant", "Student", "Teacher", "Nurse",
        "Accountant", "HR Manager", "Support Agent", "DevOps Engineer", "Chef de projet", "Geschäftsführer",
        "Ingeniero de software", "Responsable marketing", "Project Manager", "Freelancer", "Buyer", "Legal Counsel",
    };

    static final String[] EMAIL_DOMAINS = {
        "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "web.de",
        "orange.fr", "free.fr", "libero.it", "yandex.ru", "qq.com", "naver.com", "mail.com", "example.com",
        "example.org", "example.net", "fastmail.com", "aol.com",
    };
    static final double[] EMAIL_DOMAIN_WEIGHTS = Seeds.zipf(EMAIL_DOMAINS.length, 1.0);

    /** A country with its share of contacts, calling code and (city, region) pairs. */
    record Place(String country, double weight, String callingCode, List<String[]> cities) {
    }

    static final List<Place> PLACES = List.of(
        new Place("US", 25, "1", List.of(new String[] {"New York", "New York"}, new String[] {"San Francisco", "California"},
                new String[] {"Austin", "Texas"}, new String[] {"Chicago", "Illinois"}, new String[] {"Seattle", "Washington"})),
        new Place("GB", 8, "44", List.of(new String[] {"London", "England"}, new String[] {"Manchester", "England"},
                new String[] {"Edinburgh", "Scotland"})),
        new Place("DE", 7, "49", List.of(new String[] {"Berlin", "Berlin"}, new String[] {"München", "Bayern"},
                new String[] {"Hamburg", "Hamburg"}, new String[] {"Köln", "Nordrhein-Westfalen"})),
        new Place("FR", 7, "33", List.of(new String[] {"Paris", "Île-de-France"}, new String[] {"Lyon", "Auvergne-Rhône-Alpes"},
                new String[] {"Marseille", "Provence-Alpes-Côte d'Azur"}, new String[] {"Toulouse", "Occitanie"})),
        new Place("IN", 6, "91", List.of(new String[] {"Bengaluru", "Karnataka"}, new String[] {"Mumbai", "Maharashtra"},
                new String[] {"New Delhi", "Delhi"})),
        new Place("BR", 5, "55", List.of(new String[] {"São Paulo", "São Paulo"}, new String[] {"Rio de Janeiro", "Rio de Janeiro"})),
        new Place("CA", 4, "1", List.of(new String[] {"Toronto", "Ontario"}, new String[] {"Montréal", "Québec"},
                new String[] {"Vancouver", "British Columbia"})),
        new Place("ES", 4, "34", List.of(new String[] {"Madrid", "Comunidad de Madrid"}, new String[] {"Barcelona", "Cataluña"},
                new String[] {"Sevilla", "Andalucía"})),
        new Place("IT", 3, "39", List.of(new String[] {"Roma", "Lazio"}, new String[] {"Milano", "Lombardia"})),
        new Place("NL", 3, "31", List.of(new String[] {"Amsterdam", "Noord-Holland"}, new String[] {"Rotterdam", "Zuid-Holland"})),
        new Place("PL", 3, "48", List.of(new String[] {"Warszawa", "Mazowieckie"}, new String[] {"Kraków", "Małopolskie"},
                new String[] {"Łódź", "Łódzkie"})),
        new Place("AU", 3, "61", List.of(new String[] {"Sydney", "New South Wales"}, new String[] {"Melbourne", "Victoria"})),
        new Place("JP", 3, "81", List.of(new String[] {"Tokyo", "Tokyo"}, new String[] {"Osaka", "Osaka"})),
        new Place("MX", 2, "52", List.of(new String[] {"Ciudad de México", "Ciudad de México"}, new String[] {"Guadalajara", "Jalisco"})),
        new Place("TR", 2, "90", List.of(new String[] {"İstanbul", "İstanbul"}, new String[] {"Ankara", "Ankara"})),
        new Place("PH", 2, "63", List.of(new String[] {"Manila", "Metro Manila"}, new String[] {"Cebu City", "Central Visayas"})),
        new Place("NG", 2, "234", List.of(new String[] {"Lagos", "Lagos"}, new String[] {"Abuja", "Federal Capital Territory"})),
        new Place("ZA", 1, "27", List.of(new String[] {"Cape Town", "Western Cape"}, new String[] {"Johannesburg", "Gauteng"})),
        new Place("SE", 1, "46", List.of(new String[] {"Stockholm", "Stockholm"}, new String[] {"Göteborg", "Västra Götaland"})),
        new Place("GR", 1, "30", List.of(new String[] {"Athens", "Attica"}, new String[] {"Thessaloniki", "Central Macedonia"})),
        new Place("KR", 1, "82", List.of(new String[] {"Seoul", "Seoul"}, new String[] {"Busan", "Busan"})));
    static final double[] PLACE_WEIGHTS = Seeds.cumulative(PLACES.stream().mapToDouble(Place::weight).toArray());

    /** (operating system, browser, weight). */
    static final String[][] DEVICES = {
        {"Windows 11", "Chrome", "25"}, {"Windows 10", "Chrome", "15"}, {"Windows 11", "Edge", "8"},
        {"Windows 10", "Firefox", "5"}, {"macOS", "Safari", "10"}, {"macOS", "Chrome", "8"},
        {"iOS", "Safari", "14"}, {"Android", "Chrome", "12"}, {"Android", "Samsung Internet", "3"},
        {"Linux", "Firefox", "2"}, {"ChromeOS", "Chrome", "1"}, {"macOS", "Firefox", "1"}, {"Windows 10", "Opera", "1"},
    };
    static final double[] DEVICE_WEIGHTS = Seeds.cumulative(java.util.Arrays.stream(DEVICES).mapToDouble(d -> Double.parseDouble(d[2])).toArray());

    static final String[] ISPS = {
        "comcast.net", "verizon.net", "btinternet.com", "t-ipconnect.de", "orange.fr", "proxad.net", "vodafone.it",
        "telefonica.es", "ziggo.nl", "jio.com", "ntt.ne.jp", "kt.co.kr", "amazonaws.com", "googleusercontent.com",
    };

    /** About forty tags, most popular first; drawn with Zipf-like weights. */
    static final String[] TAGS = {
        "newsletter", "lead", "customer", "vip", "trial", "prospect", "churn-risk", "enterprise", "smb", "partner",
        "beta-tester", "support-priority", "billing-issue", "feedback", "webinar", "event-2025", "referral", "upsell",
        "renewal", "onboarding", "inactive", "returning", "mobile", "desktop", "europe", "north-america", "apac",
        "latam", "wholesale", "retail", "influencer", "press", "investor", "employee", "reseller", "affiliate",
        "spam-suspect", "gdpr-request", "do-not-contact", "survey-sent",
    };
    static final double[] TAG_WEIGHTS = Seeds.zipf(TAGS.length, 1.1);

    static final String[] ORG_TAGS = {"customer", "prospect", "partner", "enterprise", "smb", "churned", "reseller", "key-account"};

    static final String[] PLANS = {"free", "starter", "pro", "business", "enterprise"};
    static final double[] PLAN_WEIGHTS = Seeds.cumulative(35, 25, 20, 12, 8);

    static final String[] INTERESTS = {
        "pricing", "integrations", "api", "mobile-app", "security", "reporting", "automation", "ai", "billing",
        "onboarding", "analytics", "e-commerce",
    };

    static final String[] ORG_PREFIXES = {
        "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Blue Harbor", "Red Rock",
        "Silver Lake", "Green Valley", "Summit", "Pioneer", "Atlas", "Nimbus", "Vertex", "Quantum", "Helios", "Orion",
        "Polaris", "Zephyr", "Aurora", "Cobalt", "Evergreen", "Kestrel", "Lumen", "Meridian", "Nordwind", "Sakura",
        "Fjord", "Solaris", "Iberia", "Bavaria", "Lotus", "Baobab", "Édition Lumière", "Żuraw", "Øresund", "Ağaç",
    };

    static final String[] ORG_WORDS = {
        "Logistics", "Labs", "Systems", "Foods", "Health", "Capital", "Studios", "Software", "Energy", "Retail",
        "Consulting", "Robotics", "Media", "Travel", "Textiles", "Analytics", "Security", "Bank",
    };

    static final String[] INDUSTRIES = {
        "Software", "Retail", "Healthcare", "Finance", "Education", "Manufacturing", "Logistics", "Media",
        "Hospitality", "Energy", "Non-profit", "Government",
    };

    /** @return the legal-form suffix used in a country, or "" */
    static String legalSuffix(String country) {
        switch (country) {
            case "US": return "Inc.";
            case "GB": return "Ltd";
            case "DE": return "GmbH";
            case "FR": return "SAS";
            case "ES": return "S.L.";
            case "IT": return "S.p.A.";
            case "NL": return "B.V.";
            case "PL": return "Sp. z o.o.";
            case "JP": return "K.K.";
            case "SE": return "AB";
            case "TR": return "A.Ş.";
            case "AU": return "Pty Ltd";
            case "BR": return "Ltda.";
            default: return "";
        }
    }

    /** @return the usual top-level domain of company sites in a country */
    static String companyTld(String country) {
        switch (country) {
            case "US": return "com";
            case "GB": return "co.uk";
            case "JP": return "co.jp";
            case "KR": return "co.kr";
            case "AU": return "com.au";
            case "BR": return "com.br";
            case "ZA": return "co.za";
            default: return country.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An ASCII slug of a name for email addresses and URLs: accents removed, a few letters
     * transliterated, only a-z kept; never contains digits.
     *
     * @param text a name part
     * @return the slug, possibly empty
     */
    static String slug(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = Character.toLowerCase(decomposed.charAt(i));
            if (ch >= 'a' && ch <= 'z') {
                out.append(ch);
                continue;
            }
            switch (ch) {
                case 'ß': out.append("ss"); break;
                case 'ł': out.append('l'); break;
                case 'ø': out.append('o'); break;
                case 'æ': out.append("ae"); break;
                case 'œ': out.append("oe"); break;
                case 'ı': out.append('i'); break;
                case 'đ': out.append('d'); break;
                case 'þ': out.append("th"); break;
                default: break; // combining marks, apostrophes, spaces, other scripts
            }
        }
        return out.toString();
    }
}
