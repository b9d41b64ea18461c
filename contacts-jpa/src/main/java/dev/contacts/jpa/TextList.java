package dev.contacts.jpa;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of texts in one column, for the small lists the store never filters on (ticket
 * tags, references, attachment fields): each element as its length in UTF-16 units, a
 * colon and the element, so any character, separators included, round-trips.
 */
final class TextList {
    private TextList() {
    }

    /** @return the encoded list, or null for an empty one */
    static String encode(List<String> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String e : elements) {
            sb.append(e.length()).append(':').append(e);
        }
        return sb.toString();
    }

    /** @return the decoded list (empty for null) */
    static List<String> decode(String encoded) {
        List<String> elements = new ArrayList<>();
        if (encoded == null) {
            return elements;
        }
        int i = 0;
        while (i < encoded.length()) {
            // the length's digits read in place: a page of ticket messages decodes thousands of References
            int length = 0;
            int colon = i;
            while (colon < encoded.length() && encoded.charAt(colon) >= '0' && encoded.charAt(colon) <= '9' && colon - i < 9) {
                length = length * 10 + (encoded.charAt(colon) - '0');
                colon++;
            }
            if (colon == i || colon >= encoded.length() || encoded.charAt(colon) != ':' || colon + 1 + length > encoded.length()) {
                throw new IllegalStateException("damaged text list at index " + i);
            }
            elements.add(encoded.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        return elements;
    }
}
