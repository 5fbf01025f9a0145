package dev.pagebook.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JavaArgFileTest {

    @Test
    void splitsOnWhitespaceAndKeepsQuotedSpaces() {
        assertThat(JavaArgFile.parse("-cp\n\"/opt/my app/lib/*\"   -Xss4m\t'-Dname=a b'\n"))
                .containsExactly("-cp", "/opt/my app/lib/*", "-Xss4m", "-Dname=a b");
    }

    @Test
    void commentsRunToTheEndOfTheLine() {
        assertThat(JavaArgFile.parse("# Graal JIT\n-XX:+EnableJVMCI # needed by Truffle\n-Da=#not-a-comment"))
                .containsExactly("-XX:+EnableJVMCI", "-Da=#not-a-comment");
    }

    @Test
    void backslashEscapesOnlyInsideQuotes() {
        assertThat(JavaArgFile.parse("\"C:\\\\Program Files\\\\x\" C:\\plain"))
                .containsExactly("C:\\Program Files\\x", "C:\\plain");
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> JavaArgFile.parse("-Dx=\"open"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
    }
}
