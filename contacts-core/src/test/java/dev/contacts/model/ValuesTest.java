package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule of docs/filter-semantics.md §1 and its typed error. */
class ValuesTest {

    @Test
    void textIsNfcThenStrippedAndBlankIsUnknown() {
        assertThat(Values.text("name", "  e\u0301lise \t")).isEqualTo("\u00e9lise");
        assertThat(Values.text("name", "   ")).isNull();
        assertThat(Values.text("name", "\u2003\u2003")).isNull(); // Unicode white space (em space)
        assertThat(Values.text("name", null)).isNull();
        assertThat(Values.text("name", "a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
    }

    @Test
    void textRejectsControlCharactersAndUnpairedSurrogates() {
        assertThatThrownBy(() -> Values.text("name", "a\u0000b")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("name").hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Values.text("name", "a\u001bb")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.text("name", "a\ud800b")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Values.text("name", "\udc00")).isInstanceOf(InvalidValueException.class);
        assertThat(Values.text("name", "\ud83d\ude00")).isEqualTo("\ud83d\ude00");
    }

    @Test
    void textLimitIsInCodePointsAfterNormalisation() {
        String emoji = "\ud83d\ude00";
        assertThat(Values.text("name", emoji.repeat(500))).hasSize(1000);
        assertThatThrownBy(() -> Values.text("name", emoji.repeat(501)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("name").hasMessageContaining("501");
        assertThat(Values.text("name", "  " + "x".repeat(500) + "  ")).hasSize(500);
    }

    @Test
    void setsDropBlanksAndFoldDuplicatesKeepingTheFirstSpelling() {
        assertThat(Values.textSet("tags", Arrays.asList("VIP", " vip ", "", "  ", "Lead", "vip"))).containsExactly("VIP", "Lead");
        assertThat(Values.textSet("tags", List.of(" ", ""))).isEmpty();
        assertThat(Values.textSet("tags", null)).isEmpty();
    }

    @Test
    void setsHaveAtMostOneHundredElementsOfAtMost320CodePoints() {
        List<String> hundred = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add("t" + i);
        }
        assertThat(Values.textSet("tags", hundred)).hasSize(100);
        hundred.add("t100");
        assertThatThrownBy(() -> Values.textSet("tags", hundred)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("tags").hasMessageContaining("101");
        assertThat(Values.textSet("tags", List.of("x".repeat(320)))).hasSize(1);
        assertThatThrownBy(() -> Values.textSet("tags", List.of("x".repeat(321)))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void numbersStripTrailingZerosAndLimitDigits() {
        assertThat(Values.number("n", new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.5"));
        assertThat(Values.number("n", new BigDecimal("1.5000000"))).isEqualTo(new BigDecimal("1.5"));
        assertThat(Values.number("n", new BigDecimal("1E+2")).toPlainString()).isEqualTo("100");
        assertThat(Values.number("n", new BigDecimal("100.000")).toPlainString()).isEqualTo("100");
        assertThat(Values.number("n", new BigDecimal("0.000")).toPlainString()).isEqualTo("0");
        assertThat(Values.number("n", new BigDecimal("-999999999999999999.999999"))).isNotNull();
        assertThatThrownBy(() -> Values.number("n", new BigDecimal("1000000000000000000")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("integer digits");
        assertThatThrownBy(() -> Values.number("n", new BigDecimal("0.0000001")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fraction digits");
    }

    @Test
    void datesAreTruncatedToMillisecondsWithinRange() {
        assertThat(Values.date("d", Instant.parse("2026-11-25T10:15:30.123456Z"))).isEqualTo(Instant.parse("2026-11-25T10:15:30.123Z"));
        assertThat(Values.date("d", Values.MIN_DATE)).isEqualTo(Values.MIN_DATE);
        assertThat(Values.date("d", Instant.parse("9999-12-31T23:59:59.999999Z"))).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
        assertThatThrownBy(() -> Values.date("d", Values.MIN_DATE.minusMillis(1))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.date("d", Values.MAX_DATE_EXCLUSIVE)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void countriesAreUpperCaseIsoCodes() {
        assertThat(Values.country("country", " fr ")).isEqualTo("FR");
        assertThatThrownBy(() -> Values.country("country", "France")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.country("country", "ZZ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void emailsMustHaveOneAtSign() {
        assertThat(Values.emails("emails", List.of("Ada@Example.com", "ada@example.COM"))).containsExactly("Ada@Example.com");
        assertThatThrownBy(() -> Values.emails("emails", List.of("ada.example.com"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.emails("emails", List.of("a@b@c"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.emails("emails", List.of("a\u00a0b@x.io"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void foldIsNfcThenRootLowerCaseOnTheWholeString() {
        assertThat(Values.fold("E\u0301")).isEqualTo("\u00e9");
        assertThat(Values.fold("ΟΔΟΣ")).isEqualTo("οδος");
        assertThat(Values.fold("İ")).isEqualTo("i\u0307");
        assertThat(Values.fold("STRASSE")).isEqualTo("strasse");
        assertThat(Values.fold("Straße")).isEqualTo("straße");
    }

    @Test
    void valuesOfWrongTypeNameTheAttributeAndType() {
        assertThatThrownBy(() -> Values.of("custom.score", AttributeType.NUMBER, "12"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("custom.score").hasMessageContaining("a number");
        assertThatThrownBy(() -> Values.of("custom.vip", AttributeType.BOOLEAN, "true")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.of("n", AttributeType.NUMBER, Double.NaN)).isInstanceOf(InvalidValueException.class);
        assertThat(Values.of("n", AttributeType.NUMBER, 12)).isEqualTo(new BigDecimal("12"));
    }

    @Test
    void contactConstructorNormalisesEveryValueAndDerivesPrimaries() {
        Contact c = Contact.builder(new ContactId(UUID.fromString("0190b0c4-7f3a-7cde-8a12-3456789abcde")))
                .set("name", "  Ada ").set("emails", List.of("ada@x.io", " ", "ADA@x.io", "b@x.io"))
                .set("tags", List.of()).set("country", "fr").set("city", "   ").build();
        assertThat(c.name()).isEqualTo("Ada");
        assertThat(c.emails()).containsExactly("ada@x.io", "b@x.io");
        assertThat(c.primaryEmail()).isEqualTo("ada@x.io");
        assertThat(c.value("primaryPhone")).isNull();
        assertThat(c.value("tags")).isNull();
        assertThat(c.country()).isEqualTo("FR");
        assertThat(c.value("city")).isNull();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void customValuesAreNormalisedByTheirJavaTypeAndKeysChecked() {
        ContactId id = ContactId.generate();
        Contact c = Contact.builder(id).set("custom.score", 5).set("custom.ratio", 0.25).set("custom.tags", List.of("a", "A")).build();
        assertThat(c.custom()).containsEntry("score", new BigDecimal("5")).containsEntry("ratio", new BigDecimal("0.25"))
                .containsEntry("tags", List.of("a"));
        assertThatThrownBy(() -> Contact.builder(id).set("custom.Not A Key!", "x").build()).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void propertyIdsFollowTheirSyntax() {
        assertThat(PropertyId.of("acme-support").value()).isEqualTo("acme-support");
        assertThatThrownBy(() -> PropertyId.of("Acme")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PropertyId.of("-x")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PropertyId.of("x".repeat(64))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void idsOrderAsUnsignedNumbersAndGenerateIncreasing() {
        ContactId low = ContactId.parse("7fffffff-ffff-7fff-bfff-ffffffffffff");
        ContactId high = ContactId.parse("80000000-0000-7000-8000-000000000000");
        assertThat(low.compareTo(high)).isNegative();
        assertThat(low.value().compareTo(high.value())).isPositive(); // why UUID.compareTo must not be used
        ContactId previous = ContactId.generate();
        for (int i = 0; i < 10_000; i++) {
            ContactId next = ContactId.generate();
            assertThat(next.compareTo(previous)).isPositive();
            assertThat(next.value().version()).isEqualTo(7);
            previous = next;
        }
        assertThatThrownBy(() -> ContactId.parse("not-an-id")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void customKeysFollowTheirSyntax() {
        assertThat(AttributeDefinition.custom(Target.CONTACT, "plan", "Plan", AttributeType.TEXT).name()).isEqualTo("custom.plan");
        assertThatThrownBy(() -> AttributeDefinition.custom(Target.CONTACT, "Plan", "Plan", AttributeType.TEXT))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AttributeDefinition.custom(Target.CONTACT, "a".repeat(41), "x", AttributeType.TEXT))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AttributeDefinition.custom(Target.CONTACT, "org", "x", AttributeType.ORG_LINK))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theContactCatalogueHas34AttributesInProductOrder() {
        List<AttributeDefinition> all = BuiltInAttributes.of(Target.CONTACT);
        assertThat(all).hasSize(34);
        assertThat(all.get(0).name()).isEqualTo("name");
        assertThat(all.get(5).name()).isEqualTo("organization");
        assertThat(all.get(33).name()).isEqualTo("lastSeen");
    }
}
