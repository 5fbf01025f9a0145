package dev.pagebook.app.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenRequestTest {

    @Test
    void pathsWithNewlinesSpacesAndAccentsSurviveTheWire() throws IOException {
        OpenRequest request = new OpenRequest(List.of(Path.of("/tmp/two\nlines.html"), Path.of("/home/zoë/my notes.html")));
        String wire = new String(request.encode(), StandardCharsets.UTF_8);

        assertThat(wire.lines().toList()).hasSize(4).endsWith("");
        assertThat(OpenRequest.decode(new StringReader(wire))).isEqualTo(request);
    }

    @Test
    void relativePathsAreMadeAbsoluteBySender() {
        assertThat(new OpenRequest(List.of(Path.of("samples/x.html"))).files().get(0)).isAbsolute();
    }

    @Test
    void somethingElseOnTheSocketIsRejected() {
        assertThatThrownBy(() -> OpenRequest.decode(new StringReader("GET / HTTP/1.1\n\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Pagebook open request");
        assertThatThrownBy(() -> OpenRequest.decode(new StringReader(OpenRequest.HEADER + "\nfile:///a.html\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("ended before");
        assertThatThrownBy(() -> OpenRequest.decode(new StringReader(OpenRequest.HEADER + "\n/a.html\n\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a file URI");
    }
}
