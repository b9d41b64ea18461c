package dev.contacts.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV that {@link CsvSource} reads back: a header of column names, then one record per
 * row. Text a spreadsheet would run as a formula is neutralised ({@link FormulaGuard}); numbers
 * are written as they are (a negative number is no formula).
 */
public final class CsvRowWriter implements RowWriter {
    private final CSVPrinter printer;

    /**
     * @param out     where to write
     * @param columns the column names
     */
    public CsvRowWriter(Writer out, List<String> columns) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(List<Object> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object v : values) {
            String cell = ValueCodec.csv(v);
            cells.add(v instanceof BigDecimal ? cell : FormulaGuard.neutralise(cell));
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
