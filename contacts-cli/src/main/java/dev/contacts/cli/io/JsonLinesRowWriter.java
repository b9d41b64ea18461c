package dev.contacts.cli.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes JSON Lines that {@link JsonLinesSource} reads back: one object per row, numbers as
 * plain decimals, dates as ISO instants, sets as arrays. Unknown values are written as
 * {@code null} (import then clears them) or left out (import then keeps what is stored).
 */
public final class JsonLinesRowWriter implements RowWriter {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final Writer out;
    private final List<String> columns;
    private final boolean writeNulls;

    /**
     * @param out        where to write
     * @param columns    the keys
     * @param writeNulls whether unknown values are written as {@code null} rather than left out
     */
    public JsonLinesRowWriter(Writer out, List<String> columns, boolean writeNulls) {
        this.out = out;
        this.columns = List.copyOf(columns);
        this.writeNulls = writeNulls;
    }

    @Override
    public void write(List<Object> values) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                Object v = values.get(i);
                if (v == null && !writeNulls) {
                    continue;
                }
                g.writeFieldName(columns.get(i));
                value(g, v);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.write(line.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (String s : ValueCodec.strings((List<?>) v)) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (v instanceof BigDecimal) {
            g.writeNumber((BigDecimal) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else {
            g.writeString(ValueCodec.scalar(v));
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
