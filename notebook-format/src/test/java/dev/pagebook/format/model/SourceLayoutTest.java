package dev.pagebook.format.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SourceLayoutTest {

    @Test
    void aPythonCellWrittenOnItsOwnLinesEditsWithoutTheLineBreaksAroundIt() {
        SourceLayout layout = SourceLayout.of("\n    import numpy as np\n    np.pi\n  ", true);

        assertThat(layout.lead()).isEqualTo("\n");
        assertThat(layout.body()).isEqualTo("    import numpy as np\n    np.pi");
        assertThat(layout.tail()).isEqualTo("\n  ");
    }

    @Test
    void aPythonCellKeepsASecondLeadingBlankLineSoItsLineNumbersStayThoseOfTracebacks() {
        SourceLayout layout = SourceLayout.of("\r\n\r\nx = 1\r\n\r\n", true);

        assertThat(layout.body()).isEqualTo("\r\nx = 1");
        String code = PythonCell.of("c", "\r\n\r\nx = 1\r\n\r\n").code();
        assertThat(layout.body().lines().toList().indexOf("x = 1")).isEqualTo(1)
                .isEqualTo(code.lines().toList().indexOf("x = 1"));
    }

    @Test
    void anHtmlCellLosesEveryLeadingBlankLine() {
        SourceLayout layout = SourceLayout.of("\n\n  \n<h2>Data</h2>\n<p>x</p>\n\n", false);

        assertThat(layout.body()).isEqualTo("<h2>Data</h2>\n<p>x</p>");
        assertThat(layout.join("<h2>Results</h2>")).isEqualTo("\n\n  \n<h2>Results</h2>\n\n");
    }

    @Test
    void aOneLineCellHasNoLayout() {
        SourceLayout layout = SourceLayout.of("print(1)", true);

        assertThat(layout.lead()).isEmpty();
        assertThat(layout.tail()).isEmpty();
        assertThat(layout.body()).isEqualTo("print(1)");
    }

    @Property
    void theLayoutAroundTheBodyIsTheSourceByteForByte(
            @ForAll @Chars({'\n', '\r', ' ', '\t', 'a', '#', '<'}) @StringLength(max = 40) String source,
            @ForAll boolean python) {
        SourceLayout layout = SourceLayout.of(source, python);

        assertThat(layout.source()).isEqualTo(source);
        assertThat(layout.lead()).isBlank();
        assertThat(layout.tail()).isBlank();
    }
}
