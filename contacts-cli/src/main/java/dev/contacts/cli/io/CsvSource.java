package dev.contacts.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (RFC 4180, UTF-8, an optional byte order mark): the first record names the
 * columns, each further record is a row; an empty cell is {@code null} (it clears the value).
 * A record with the wrong number of cells becomes an unreadable row; the file goes on.
 */
public final class CsvSource implements RowSource {
    private final CountingInput input;
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
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try {
            this.parser = CSVParser.builder().setReader(input.utf8WithoutBom()).setFormat(format).get();
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputFormatException("the CSV file is empty: its first line must name the columns, such as name,emails,tags");
            }
            this.header = records.next().toList();
        } catch (UncheckedIOException e) {
            throw new InputFormatException("the CSV header cannot be read: " + e.getCause().getMessage());
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
            throw new InputFormatException("the CSV file cannot be read after line " + lastLine + ": " + e.getCause().getMessage());
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
        if (record.size() != header.size()) {
            return SourceRow.unreadable(line, "has " + record.size() + " cells but the header has " + header.size() + " columns");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = record.get(i);
            values.put(header.get(i), cell.isEmpty() ? null : cell);
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
}
