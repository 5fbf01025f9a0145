package dev.pagebook.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipProgressTest {

    @Test
    void pipsStagesMoveTheBarForwardOnly() {
        PipProgress progress = new PipProgress();
        List<String> log = List.of(
                "Collecting tabulate",
                "  Downloading tabulate-0.9.0-py3-none-any.whl.metadata (34 kB)",
                "Building wheels for collected packages: tabulate",
                "  Building wheel for tabulate (pyproject.toml): started",
                "Collecting wcwidth (from tabulate)",
                "Installing collected packages: wcwidth, tabulate",
                "Successfully installed tabulate-0.9.0 wcwidth-0.2.13");
        List<Double> fractions = log.stream().map(progress::read).flatMap(Optional::stream)
                .map(PipProgress.Stage::fraction).toList();
        assertThat(fractions).containsExactly(0.1, 0.2, 0.4, 0.4, 0.4, 0.9, 1.0);
    }

    @Test
    void theStatusNamesWhatPipIsDoing() {
        PipProgress progress = new PipProgress();
        assertThat(progress.read("Collecting numpy==2.2.6").orElseThrow().text()).isEqualTo("Resolving numpy==2.2.6…");
        assertThat(progress.read("  Building wheel for numpy (pyproject.toml): started").orElseThrow().text())
                .contains("Building numpy for GraalPy");
        assertThat(progress.read("Building wheels for collected packages: numpy").orElseThrow().text())
                .isEqualTo("Building numpy for GraalPy (this can take minutes)…");
        assertThat(progress.read("  compiling numpy/_core/src/multiarray.c")).isEmpty();
        assertThat(progress.read("Successfully installed numpy-2.2.6").orElseThrow().text()).isEqualTo("Installed numpy-2.2.6");
    }
}
