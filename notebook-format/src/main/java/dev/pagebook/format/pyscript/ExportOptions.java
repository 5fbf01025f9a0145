package dev.pagebook.format.pyscript;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to export one notebook.
 *
 * @param mode         the kind of page
 * @param output       the file to write ({@code linked}, {@code offline}, {@code static}) or the
 *                     folder ({@code site}; its page is {@code index.html})
 * @param assets       where the browser runtime and wheels are cached
 * @param moduleFolder where the cells' own modules are (the notebook's folder, as the kernel sees
 *                     it), or null: the page then carries none
 */
public record ExportOptions(ExportMode mode, Path output, RuntimeAssets assets, Path moduleFolder) {
    public ExportOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(assets, "assets");
    }

    public ExportOptions(ExportMode mode, Path output, RuntimeAssets assets) {
        this(mode, output, assets, null);
    }

    public static ExportOptions of(ExportMode mode, Path output) {
        return new ExportOptions(mode, output, RuntimeAssets.fromDefaultCache());
    }

    public ExportOptions withModuleFolder(Path folder) {
        return new ExportOptions(mode, output, assets, folder);
    }
}
