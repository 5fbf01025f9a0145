package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The connection between the app and a kernel host: one JSON object per line, each way, over a
 * local (Unix domain) socket. Not the host's stdout: a cell's subprocess or native code may write
 * there, and must not corrupt the conversation.
 */
final class Wire implements Closeable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final Writer out;

    Wire(SocketChannel channel) {
        this.channel = channel;
        // Since JDK 19 these streams of a socket channel read and write independently (no shared
        // blocking lock), so a reader thread waiting for a message never holds up a send.
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    }

    static ObjectNode message(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    /** Jackson escapes line breaks inside strings, so a message is always one line. */
    synchronized void send(ObjectNode message) throws IOException {
        out.write(JSON.writeValueAsString(message));
        out.write('\n');
        out.flush();
    }

    /** The next message; null when the other side has gone. */
    ObjectNode receive() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        return (ObjectNode) JSON.readTree(line);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Gone either way.
        }
    }
}
