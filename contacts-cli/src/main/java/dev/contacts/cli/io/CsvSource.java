package dev.contacts.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180, UTF-8, an optional byte order mark): the first record names the
 * columns, each further record is a row; an empty cell is {@code null} (it clears the value),
 * and a cell export neutralised against spreadsheet formulas gets its quote back off
 * ({@link FormulaGuard}). A record with the wrong number of cells, or with bytes that are not
 * UTF-8, becomes an unreadable row; the file goes on. A file that stops making sense as CSV
 * (an unclosed quote) ends the rows with an {@link InputFormatException} naming the line.
 */
public final class CsvSource implements RowSource {
    private final CountingInput input;
    private final Utf8Lines lines;
    /** Lines decoded ahead of the parser that were not UTF-8: line number to reason. */
    private final TreeMap<Long, String> malformed = new TreeMap<>();
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine;

    /**
     * @param in the bytes, UTF-8
     * @throws IOException          if it cannot be read
     * @throws InputFormatException if the header is missing, has a blank or a repeated name
     */
    public CsvSource(InputStream in) throws IOException {
        this.input = new CountingInput(in);
        this.lines = new Utf8Lines(input);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try {
            this.parser = CSVParser.builder().setReader(new LinesReader()).setFormat(format).get();
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputFormatException("the CSV file is empty: its first line must name the columns, such as name,emails,tags");
            }
            this.header = records.next().toList();
        } catch (UncheckedIOException e) {
            throw new InputFormatException("the CSV header cannot be read: " + e.getCause().getMessage());
        }
        if (!malformed.headMap(parser.getCurrentLineNumber(), true).isEmpty()) {
            throw new InputFormatException("the CSV header (line 1) is " + malformed.firstEntry().getValue());
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name.isBlank()) {
                throw new InputFormatException("the CSV header has a blank column name; name every column with an attribute");
            }
            if (!seen.add(name)) {
                throw new InputFormatException("the CSV header names column '" + name + "' twice");
            }
        }
        this.lastLine = parser.getCurrentLineNumber();
    }

    /** @return the column names */
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new InputFormatException("the CSV file cannot be read from line " + (lastLine + 1) + " on: " + reason(e)
                    + "; rows before it were read");
        }
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        long line = lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        Map<Long, String> bad = malformed.headMap(lastLine, true);
        if (!bad.isEmpty()) {
            String reason = bad.values().iterator().next();
            bad.clear();
            return SourceRow.unreadable(line, reason);
        }
        if (record.size() != header.size()) {
            return SourceRow.unreadable(line, "has " + record.size() + " cells but the header has " + header.size() + " columns");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = record.get(i);
            values.put(header.get(i), cell.isEmpty() ? null : FormulaGuard.restore(cell));
        }
        return new SourceRow(line, values, true, null);
    }

    @Override
    public long position() {
        return input.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static String reason(UncheckedIOException e) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed (a \" is missing)";
        }
        return message;
    }

    /** The text of the lines for the parser, noting the lines that are not UTF-8 as it goes. */
    private final class LinesReader extends Reader {
        private String current = "";
        private int offset;

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            while (offset == current.length()) {
                String next = lines.next();
                if (next == null) {
                    return -1;
                }
                if (lines.malformed() != null) {
                    malformed.put(lines.number(), lines.malformed());
                }
                current = next;
                offset = 0;
            }
            int n = Math.min(len, current.length() - offset);
            current.getChars(offset, offset + n, buffer, off);
            offset += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
