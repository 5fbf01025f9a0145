package dev.pagebook.format.pyscript;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to export one notebook.
 *
 * @param mode   the kind of page
 * @param output the file to write ({@code linked}, {@code offline}, {@code static}) or the folder
 *               ({@code site}; its page is {@code index.html})
 * @param assets where the browser runtime and wheels are cached
 */
public record ExportOptions(ExportMode mode, Path output, RuntimeAssets assets) {
    public ExportOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(assets, "assets");
    }

    public static ExportOptions of(ExportMode mode, Path output) {
        return new ExportOptions(mode, output, RuntimeAssets.fromDefaultCache());
    }
}
