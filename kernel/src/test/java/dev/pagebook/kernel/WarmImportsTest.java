package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmImportsTest {

    @Test
    void findsHeavyLibrariesInImportStatements() {
        List<String> modules = WarmImports.in(List.of(
                "import numpy as np, json\nimport matplotlib.pyplot as plt",
                "from pandas import DataFrame\n  from matplotlib import (pyplot, cm)"));
        assertThat(modules).containsExactly("numpy", "matplotlib.pyplot", "pandas", "matplotlib");
    }

    @Test
    void neverWarmsTheNotebooksOwnOrUnknownModules() {
        assertThat(WarmImports.in(List.of("import mylib\nfrom .local import x\nimport os, sys\n# import numpy\nx = 'import numpy'")))
                .isEmpty();
    }
}
