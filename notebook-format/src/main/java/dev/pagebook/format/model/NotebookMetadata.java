package dev.pagebook.format.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's {@code <script type="application/json" id="pagebook-metadata">} (see docs/format.md).
 * Execution counts are not here but on {@link PythonCell#executionCount()}; the writer puts both
 * into the same JSON object.
 *
 * @param formatVersion Pagebook format version the file was written with
 * @param kernel        kernel of the last run, null if never run
 * @param cells         per-cell timings and .ipynb metadata, by cell id
 * @param ipynb         notebook-level .ipynb metadata (kernelspec, language_info, ...) kept for export
 * @param extra         unknown top-level keys, kept so newer files survive an older Pagebook
 */
public record NotebookMetadata(int formatVersion, KernelInfo kernel, Map<String, CellInfo> cells,
                               Map<String, Object> ipynb, Map<String, Object> extra) {

    public static final int CURRENT_FORMAT_VERSION = 1;
    public static final NotebookMetadata EMPTY =
            new NotebookMetadata(CURRENT_FORMAT_VERSION, null, Map.of(), Map.of(), Map.of());

    public NotebookMetadata {
        cells = cells == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        ipynb = ipynb == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ipynb));
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public CellInfo cell(String id) {
        return cells.getOrDefault(id, CellInfo.EMPTY);
    }

    public NotebookMetadata withKernel(KernelInfo newKernel) {
        return new NotebookMetadata(formatVersion, newKernel, cells, ipynb, extra);
    }

    public NotebookMetadata withCell(String id, CellInfo info) {
        Map<String, CellInfo> copy = new LinkedHashMap<>(cells);
        if (info == null || info.isEmpty()) {
            copy.remove(id);
        } else {
            copy.put(id, info);
        }
        return new NotebookMetadata(formatVersion, kernel, copy, ipynb, extra);
    }

    public NotebookMetadata withIpynb(Map<String, Object> newIpynb) {
        return new NotebookMetadata(formatVersion, kernel, cells, newIpynb, extra);
    }
}
