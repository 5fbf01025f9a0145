package dev.pagebook.app.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files that a second launch asks the running instance to open (empty: just bring the window
 * forward). On the wire: a header line, one file URI per line (URIs escape newlines and other
 * awkward characters a path may hold), then an empty line; UTF-8.
 */
public record OpenRequest(List<Path> files) {

    static final String HEADER = "pagebook-open 1";

    public OpenRequest {
        files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    byte[] encode() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Path file : files) {
            text.append(file.toUri()).append('\n');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads one request; a missing header or an unterminated list is an error (not a partial request). */
    static OpenRequest decode(Reader in) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        if (!HEADER.equals(lines.readLine())) {
            throw new IOException("not a Pagebook open request");
        }
        List<Path> files = new ArrayList<>();
        for (String line = lines.readLine(); ; line = lines.readLine()) {
            if (line == null) {
                throw new IOException("open request ended before its closing empty line");
            }
            if (line.isEmpty()) {
                return new OpenRequest(files);
            }
            try {
                files.add(Path.of(URI.create(line)));
            } catch (IllegalArgumentException e) {
                throw new IOException("open request holds a line that is not a file URI: " + line, e);
            }
        }
    }
}
