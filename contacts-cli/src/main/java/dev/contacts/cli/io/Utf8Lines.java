package dev.contacts.cli.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text a line at a time, strictly: each line's bytes are decoded with
 * {@link CodingErrorAction#REPORT}, so a byte that is not UTF-8 is never silently replaced; the
 * line is then returned with U+FFFD in its place and {@link #malformed()} says what was wrong, so
 * the reader can reject that line and go on. Lines end at LF (a byte UTF-8 never uses inside a
 * character); a leading byte order mark is skipped.
 */
final class Utf8Lines implements Closeable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private String malformed;

    /** @param in the bytes (buffered here) */
    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next line with its line break ({@code \n} or {@code \r\n}, none on the last line), or null at the end
     * @throws IOException if the bytes cannot be read
     */
    String next() throws IOException {
        line.reset();
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (position < limit) {
                position++; // the line break belongs to the line
                line.write(buffer, start, position - start);
                break;
            }
            line.write(buffer, start, position - start);
        }
        if (!any) {
            return null;
        }
        number++;
        byte[] bytes = line.toByteArray();
        int offset = number == 1 && startsWithBom(bytes) ? BOM.length : 0;
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            malformed = null;
            return strict.decode(input).toString();
        } catch (CharacterCodingException e) {
            malformed = describe(bytes, offset);
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8); // for the line's structure only
        }
    }

    /** @return the number of the line last returned (1-based) */
    long number() {
        return number;
    }

    /** @return why the line last returned is not UTF-8, or null when it is */
    String malformed() {
        return malformed;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** Names the first byte that is not UTF-8 and its column (in characters before it, plus one). */
    private String describe(byte[] bytes, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        decoder.decode(input, output, true);
        int bad = input.position();
        return String.format("not valid UTF-8 (byte 0x%02X at column %d); save the file as UTF-8", bytes[bad] & 0xff, output.position() + 1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
