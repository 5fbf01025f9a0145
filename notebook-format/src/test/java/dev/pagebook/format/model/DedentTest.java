package dev.pagebook.format.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedentTest {

    @Test
    void behavesLikeTextwrapDedentAfterTheTagsNewline() {
        assertThat(Dedent.dedent("\n    a\n      b\n\n    c\n  ")).isEqualTo("a\n  b\n\nc\n");
        assertThat(Dedent.dedent("a\n b")).isEqualTo("a\n b");
        assertThat(Dedent.dedent("\r\n\tx\r\n\ty")).isEqualTo("x\ny");
        assertThat(Dedent.dedent("")).isEmpty();
        assertThat(Dedent.dedent("\n\n  x")).isEqualTo("\nx");
    }
}
