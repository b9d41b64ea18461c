package dev.contacts.inmemory;

import dev.contacts.filter.And;
import dev.contacts.filter.Condition;
import dev.contacts.filter.Filter;
import dev.contacts.filter.Not;
import dev.contacts.filter.Or;
import dev.contacts.model.AttributeDefinition;
import dev.contacts.model.AttributeType;
import dev.contacts.model.BuiltInAttributes;
import dev.contacts.model.Contact;
import dev.contacts.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Makes the in-memory store compare text as a store that folds only ASCII letters would
 * (SQL {@code lower()} under a C locale, say): every non-ASCII character of the BMP is
 * moved, on the way in, to a private-use character that has no case and that NFC leaves
 * alone ({@code U+F0000 + c}, same order), and moved back on the way out. The store's own
 * fold then changes only ASCII letters: "@ΟΔΟΣ" no longer equals "@οδος", "İ" stays "İ",
 * "Éa" sorts before "éa". Characters above U+FFFF and contacts' countries (ASCII codes)
 * are left as they are.
 */
final class AsciiOnlyFold {
    private static final int SHIFT = 0xF0000;
    /** Contact text attributes that can be set (derived and checked ones excluded). */
    private static final Set<String> NOT_SETTABLE = Set.of("primaryEmail", "primaryPhone", "country");

    private AsciiOnlyFold() {
    }

    /** @return the text with its non-ASCII BMP characters moved out of case mapping */
    static String protect(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        s.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x80 && cp <= 0xFFFF && !Character.isSurrogate((char) cp) ? SHIFT + cp : cp));
        return out.toString();
    }

    /** @return the text as it was before {@link #protect} */
    static String restore(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(cp >= SHIFT + 0x80 && cp <= SHIFT + 0xFFFF ? cp - SHIFT : cp));
        return out.toString();
    }

    /** @return the contact with every text value passed through {@code f} */
    static Contact map(Contact c, UnaryOperator<String> f) {
        Contact.Builder b = c.toBuilder();
        for (AttributeDefinition d : BuiltInAttributes.of(Target.CONTACT)) {
            boolean text = d.type() == AttributeType.TEXT || d.type() == AttributeType.TEXT_SET;
            if (text && !NOT_SETTABLE.contains(d.name())) {
                b.set(d.name(), value(c.value(d.name()), f));
            }
        }
        for (Map.Entry<String, Object> e : c.custom().entrySet()) {
            b.set(AttributeDefinition.CUSTOM_PREFIX + e.getKey(), value(e.getValue(), f));
        }
        return b.build();
    }

    private static Object value(Object v, UnaryOperator<String> f) {
        if (v instanceof String s) {
            return f.apply(s);
        }
        if (v instanceof List<?> list) {
            List<Object> mapped = new ArrayList<>();
            list.forEach(x -> mapped.add(value(x, f)));
            return mapped;
        }
        return v;
    }

    /** @return the store-form filter with its text operands protected like stored text */
    static Filter operands(Filter f) {
        if (f instanceof And and) {
            return Filter.and(and.filters().stream().map(AsciiOnlyFold::operands).toList());
        }
        if (f instanceof Or or) {
            return Filter.or(or.filters().stream().map(AsciiOnlyFold::operands).toList());
        }
        if (f instanceof Not not) {
            return Filter.not(operands(not.filter()));
        }
        if (f instanceof Condition c) {
            return new Condition(c.attribute(), c.operator(), c.operands().stream().map(o -> value(o, AsciiOnlyFold::protect)).toList());
        }
        return f;
    }
}
