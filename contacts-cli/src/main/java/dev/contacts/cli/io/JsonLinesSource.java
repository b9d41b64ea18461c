package dev.contacts.cli.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads JSON Lines: one JSON object per line (blank lines skipped, a UTF-8 byte order mark
 * accepted). A line that is not an object of strings, numbers, booleans, nulls and arrays of
 * those — or not valid UTF-8, or with text after its object — becomes an unreadable row with the
 * reason; the rest of the file is still read. Numbers longer than
 * {@value ValueCodec#MAX_NUMBER_LENGTH} characters are refused by the parser before they are
 * converted, so a hostile number costs nothing.
 */
public final class JsonLinesSource implements RowSource {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(ValueCodec.MAX_NUMBER_LENGTH).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final CountingInput input;
    private final Utf8Lines lines;
    private SourceRow next;

    /**
     * @param in the bytes, UTF-8
     * @throws IOException if it cannot be read
     */
    public JsonLinesSource(InputStream in) throws IOException {
        this.input = new CountingInput(in);
        this.lines = new Utf8Lines(input);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String text;
            try {
                text = lines.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (text == null) {
                return false;
            }
            if (lines.malformed() != null) {
                next = SourceRow.unreadable(lines.number(), lines.malformed());
            } else if (!text.isBlank()) {
                next = parse(lines.number(), text);
            }
        }
        return true;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    @Override
    public long position() {
        return input.count();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    static SourceRow parse(long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return SourceRow.unreadable(line, JsonErrors.describe(e, ValueCodec.MAX_NUMBER_LENGTH));
        }
        if (node == null || !node.isObject()) {
            return SourceRow.unreadable(line, "not a JSON object: each line must be one object such as {\"emails\": [\"ada@example.com\"]}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            try {
                values.put(field.getKey(), value(field.getValue(), true));
            } catch (RowRejectedException e) {
                return SourceRow.unreadable(line, field.getKey() + ": " + e.getMessage());
            }
        }
        return new SourceRow(line, values, false, null);
    }

    private static Object value(JsonNode node, boolean arrayAllowed) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray() && arrayAllowed) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(value(element, false));
            }
            return list;
        }
        throw new RowRejectedException(node.isArray() ? "arrays inside arrays are not values" : "objects are not values; "
                + "write attributes flat, such as \"custom.plan\": \"gold\"");
    }
}
