package dev.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contacts.InvalidValueException;
import dev.contacts.filter.Filter;
import dev.contacts.filter.PeriodUnit;
import dev.contacts.query.Direction;
import dev.contacts.query.Sort;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed keys of {@link Attr}: one per built-in attribute, with its type, usable wherever a name is, and checked by the compiler. */
class TypedKeysTest {
    @TempDir
    static java.nio.file.Path classes;

    private static Map<String, AttrKey<?>> constants() throws IllegalAccessException {
        Map<String, AttrKey<?>> keys = new LinkedHashMap<>();
        for (Field f : Attr.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && AttrKey.class.isAssignableFrom(f.getType())) {
                AttrKey<?> key = (AttrKey<?>) f.get(null);
                keys.put(key.name(), key);
            }
        }
        return keys;
    }

    @Test
    void everyBuiltInAttributeHasAKeyOfItsType() throws IllegalAccessException {
        Map<String, AttrKey<?>> keys = constants();
        List<AttributeDefinition> builtIns = new ArrayList<>(BuiltInAttributes.of(Target.CONTACT));
        builtIns.addAll(BuiltInAttributes.of(Target.ORGANIZATION));
        builtIns.add(BuiltInAttributes.find(Target.CONTACT, BuiltInAttributes.ORGANIZATION_NAME));
        for (AttributeDefinition d : builtIns) {
            assertThat(keys).as(d.name()).containsKey(d.name());
            assertThat(keys.get(d.name()).type()).as(d.name()).isEqualTo(d.type());
        }
        assertThat(keys).hasSize(34 + 3 + 1); // the contact attributes, domains/phone/contacts, organization.name
    }

    @Test
    void keysMeanWhatTheirNamesMean() {
        assertThat(AttributeChanges.builder().set(Attr.NAME, "Ada").set(Attr.TAGS, List.of("vip")).set(Attr.TOTAL_TICKETS, BigDecimal.ONE)
                .clear(Attr.CITY).set(TextKey.custom("plan"), "pro").build())
                .isEqualTo(AttributeChanges.builder().set("name", "Ada").set("tags", List.of("vip")).set("totalTickets", BigDecimal.ONE)
                        .clear("city").set("custom.plan", "pro").build());
        assertThat(Filter.attr(Attr.TOTAL_TICKETS).gt(3)).isEqualTo(Filter.attr("totalTickets").gt(3));
        assertThat(Filter.attr(Attr.TAGS).isAllOf("a", "b")).isEqualTo(Filter.attr("tags").isAllOf("a", "b"));
        assertThat(Filter.attr(Attr.LAST_SEEN).withinLast(3, PeriodUnit.DAYS)).isEqualTo(Filter.attr("lastSeen").withinLast(3, PeriodUnit.DAYS));
        assertThat(Filter.attr(BooleanKey.custom("vip")).isNotTrue()).isEqualTo(Filter.attr("custom.vip").isNotTrue());
        assertThat(Filter.attr(Attr.ORGANIZATION_NAME).contains("acme")).isEqualTo(Filter.attr("organization.name").contains("acme"));
        assertThat(Sort.desc(Attr.LAST_SEEN)).isEqualTo(Sort.desc("lastSeen"));
        assertThat(Sort.asc(Attr.NAME)).isEqualTo(Sort.asc("name"));
        assertThat(Sort.by(NumberKey.custom("score"), Direction.DESC)).isEqualTo(Sort.desc("custom.score"));
        assertThat(DateKey.custom("renewal").name()).isEqualTo("custom.renewal");
        assertThat(TextSetKey.custom("skills")).isEqualTo(TextSetKey.custom("skills")).hasToString("custom.skills");
    }

    @Test
    void valuesAreReadTyped() {
        Instant seen = Instant.parse("2026-01-01T00:00:00Z");
        Contact ada = Contact.builder(ContactId.generate()).set("name", "Ada").set("tags", List.of("vip")).set("lastSeen", seen)
                .set("custom.plan", "pro").build();
        String name = ada.get(Attr.NAME);
        List<String> tags = ada.get(Attr.TAGS);
        Instant lastSeen = ada.get(Attr.LAST_SEEN);
        assertThat(name).isEqualTo("Ada");
        assertThat(tags).containsExactly("vip");
        assertThat(lastSeen).isEqualTo(seen);
        assertThat(ada.get(TextKey.custom("plan"))).isEqualTo("pro");
        assertThat(ada.get(Attr.CITY)).isNull();
    }

    @Test
    void invalidCustomKeysAreRefused() {
        assertThatThrownBy(() -> TextKey.custom("x;rm -rf ~")).isInstanceOf(InvalidValueException.class).hasMessageContaining("[a-z]");
        assertThatThrownBy(() -> NumberKey.custom("custom.score")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theCompilerRefusesWhatDoesNotFit() {
        assertThat(compiles("Filter.attr(Attr.TOTAL_TICKETS).gt(3)")).isTrue();
        assertThat(compiles("AttributeChanges.builder().set(Attr.TAGS, java.util.List.of(\"vip\"))")).isTrue();
        assertThat(compiles("Filter.attr(Attr.NAME).gt(3)")).as("a number operator on text").isFalse();
        assertThat(compiles("Filter.attr(Attr.TOTAL_TICKETS).contains(\"3\")")).as("a text operator on a number").isFalse();
        assertThat(compiles("Filter.attr(Attr.NAME).isAllOf(\"a\")")).as("a set operator on text").isFalse();
        assertThat(compiles("AttributeChanges.builder().set(Attr.TAGS, \"vip\")")).as("a text for a set").isFalse();
        assertThat(compiles("AttributeChanges.builder().set(Attr.LAST_SEEN, \"2026-01-01\")")).as("a text for a date").isFalse();
        assertThat(compiles("Sort.asc(Attr.TAGS)")).as("sets do not sort").isFalse();
        assertThat(compiles("Sort.asc(Attr.ORGANIZATION)")).as("organizations do not sort").isFalse();
    }

    /** Compiles one expression statement against the core's classes. */
    private static boolean compiles(String expression) {
        String source = "import dev.contacts.filter.*; import dev.contacts.model.*; import dev.contacts.query.*;\n"
                + "class Probe { Object probe() { return " + expression + "; } }";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Probe.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-d", classes.toString());
        return compiler.getTask(new StringWriter(), null, null, options, null, List.of(file)).call();
    }
}
