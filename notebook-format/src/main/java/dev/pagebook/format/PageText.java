package dev.pagebook.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a file into text, refusing what is not a UTF-8 text file: too large (checked before
 * reading), binary (a NUL byte), or invalid UTF-8 (with the byte offset of the first bad byte).
 */
public final class PageText {
    private PageText() {
    }

    /** Largest notebook file accepted: pages with inlined images are big, but not this big. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Decoded text; {@code bom} says whether a UTF-8 byte order mark preceded it. */
    public record Decoded(String text, boolean bom) {
    }

    public static byte[] readBytes(Path file) throws NotebookFormatException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new NotebookFormatException(name + ": is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new NotebookFormatException(String.format("%s: file is too large (%.1f MB; the limit is %d MB)",
                        name, size / 1e6, MAX_BYTES / (1024 * 1024)));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotebookFormatException(name + ": no such file");
        } catch (IOException e) {
            throw new NotebookFormatException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public static Decoded decode(byte[] bytes, String name) throws NotebookFormatException {
        if (bytes.length > MAX_BYTES) {
            throw new NotebookFormatException(name + ": file is too large (limit " + MAX_BYTES / (1024 * 1024) + " MB)");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new NotebookFormatException(name + ": UTF-16 text is not supported; save the file as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new NotebookFormatException(name + ": binary file (NUL byte at offset " + i + "), not an HTML or JSON text file");
            }
        }
        boolean bom = bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
        int start = bom ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotebookFormatException(String.format("%s: invalid UTF-8 at byte offset %d (byte 0x%02X); save the file as UTF-8",
                    name, in.position(), bytes[in.position()] & 0xFF));
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new NotebookFormatException(name + ": invalid UTF-8 at the end of the file");
        }
        out.flip();
        return new Decoded(out.toString(), bom);
    }
}
