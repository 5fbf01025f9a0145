package dev.pagebook.app.science;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScienceVenvBuildTest {

    @TempDir
    Path tmp;

    @Test
    void reportsStepsAsAGrowingFractionAndReturnsTheVenv() throws Exception {
        Path script = tmp.resolve("build.sh");
        Files.writeString(script, """
                echo '[science +0s] building the science venv (GraalPy 25.0.3) in /x' >&2
                echo '[science +1s] build numpy 2.2.6 ... (log: /x/numpy.log)' >&2
                echo '[science +1m01s]   build numpy 2.2.6: 1m00s so far; [12/530] Compiling' >&2
                echo '[science +16m12s] build numpy 2.2.6: done in 16m11s' >&2
                echo '[science +16m13s] contourpy 1.3.3: wheel already in the wheelhouse' >&2
                echo 'PAGEBOOK_SCIENCE_VENV=/x/venv'
                """);
        List<ScienceVenvBuild.Progress> seen = new ArrayList<>();
        Path venv = new ScienceVenvBuild(script).run(seen::add);

        assertThat(venv).isEqualTo(Path.of("/x/venv"));
        assertThat(seen).extracting(ScienceVenvBuild.Progress::fraction).isSorted();
        assertThat(seen.get(1).message()).endsWith("build numpy 2.2.6");
        assertThat(seen.get(seen.size() - 1).fraction()).isBetween(0.6, 0.8);
    }

    @Test
    void aFailedBuildSaysSoWithTheEndOfItsLog() throws Exception {
        Path script = tmp.resolve("fail.sh");
        Files.writeString(script, "echo 'gcc: fatal error: out of memory' >&2\nexit 3\n");
        assertThatThrownBy(() -> new ScienceVenvBuild(script).run(p -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("exit 3").hasMessageContaining("out of memory");
    }
}
