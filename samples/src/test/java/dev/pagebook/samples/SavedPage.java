package dev.pagebook.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** A notebook page as {@code pagebook run} saved it: its cells' outputs, and what they drew into the page. */
final class SavedPage {

    final Notebook notebook;

    private SavedPage(Notebook notebook) {
        this.notebook = notebook;
    }

    static SavedPage read(Path file) throws Exception {
        return new SavedPage(NotebookReader.read(file));
    }

    List<Output> outputs(String cellId) {
        PythonCell cell = notebook.pythonCell(cellId)
                .orElseThrow(() -> new AssertionError("no Python cell with id " + cellId + " in the saved page"));
        return cell.outputs();
    }

    String stream(String cellId, String name) {
        return outputs(cellId).stream().filter(o -> o instanceof Output.Stream s && s.name().equals(name))
                .map(o -> ((Output.Stream) o).text()).collect(Collectors.joining());
    }

    /** MIME bundles of the cell's display_data and execute_result outputs, in order. */
    List<Map<String, String>> bundles(String cellId) {
        List<Map<String, String>> bundles = new ArrayList<>();
        for (Output output : outputs(cellId)) {
            if (output instanceof Output.DisplayData d) {
                bundles.add(d.data());
            } else if (output instanceof Output.ExecuteResult r) {
                bundles.add(r.data());
            }
        }
        return bundles;
    }

    /**
     * What a cell drew into the page element with this id ({@code display(..., target=id)} or DOM
     * writes): the kernel saves the element's new content as a display_data output of the cell that
     * changed it, with metadata {@code {"pagebook": {"target": id}}}; the last such output wins.
     * Returned as a container element holding that content.
     */
    Element target(String id) {
        String latest = null;
        for (PythonCell cell : notebook.pythonCells()) {
            for (Output output : cell.outputs()) {
                if (output instanceof Output.DisplayData d && id.equals(targetOf(d)) && d.data().containsKey("text/html")) {
                    latest = d.data().get("text/html");
                }
            }
        }
        assertThat(latest).as("an output of some cell that wrote into #" + id).isNotNull();
        return Jsoup.parseBodyFragment(latest).body();
    }

    private static Object targetOf(Output.DisplayData output) {
        return output.metadata().get("pagebook") instanceof Map<?, ?> pagebook ? pagebook.get("target") : null;
    }

    /** PNG images shown inside an element (as data: URIs, the way display() inserts them). */
    static List<BufferedImage> pngsIn(Element element) {
        return element.select("img[src^=data:image/png;base64,]").stream()
                .map(img -> decodePng(img.attr("src").substring("data:image/png;base64,".length())))
                .toList();
    }

    static BufferedImage decodePng(String base64) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
            assertThat(image).as("a decodable PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pixels whose colour is within {@code tolerance} of {@code rgb} in every channel. */
    static int pixelsNear(BufferedImage image, int rgb, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) <= tolerance
                        && Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF)) <= tolerance
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }
}
