package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessEnginesTest {

    @Test
    void kernelsOnTheSharedEngineMayBeMany() {
        ProcessEngines engines = new ProcessEngines();
        engines.claimShared();
        assertThatCode(engines::claimShared).doesNotThrowAnyException();
    }

    @Test
    void aSoleKernelComesFirst() {
        ProcessEngines engines = new ProcessEngines();
        engines.claimShared();
        assertThatThrownBy(engines::claimSole).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first and only kernel").hasMessageContaining("shared-engine");
    }

    @Test
    void nothingFollowsASoleKernel() {
        ProcessEngines engines = new ProcessEngines();
        engines.claimSole();
        assertThatThrownBy(engines::claimShared).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("numpy");
        assertThatThrownBy(engines::claimSole).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has a sole kernel");
    }

    @Test
    void aSoleKernelKeepsNoStandby() {
        KernelOptions sole = new KernelOptions(null, Path.of("."), 10, "{}", true, List.of(), false).asSoleKernel();
        assertThatCode(() -> sole.withWarmStandby(false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> sole.withWarmStandby(true)).isInstanceOf(IllegalArgumentException.class);
    }
}
