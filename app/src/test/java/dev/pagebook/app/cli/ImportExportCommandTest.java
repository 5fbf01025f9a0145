package dev.pagebook.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pagebook import} and {@code pagebook export} through the real command line. */
class ImportExportCommandTest {

    @TempDir
    Path dir;

    private static final String MODERN = "<!DOCTYPE html>\r\n<HTML><head><title>x</title></head>\r\n<body>\r\n"
            + "<p>caf\u00e9</p>\r\n<script type=py>print('x')</script>\r\n</body></html>";

    private static final String LEGACY = """
            <html><head>
            <script defer src="https://pyscript.net/alpha/pyscript.js"></script>
            <py-env>
            - numpy
            </py-env>
            </head><body>
            <py-script>
            import numpy as np
            np.arange(3)
            </py-script>
            </body></html>
            """;

    private static final String IPYNB = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
             "cells": [{"cell_type": "code", "id": "a", "execution_count": 2, "metadata": {},
                        "outputs": [{"output_type": "stream", "name": "stdout", "text": ["4\\n"]}],
                        "source": ["print(2 + 2)"]}]}
            """;

    @Test
    void modernPageImportsByteIdentical() throws Exception {
        Path in = dir.resolve("page.html");
        Files.writeString(in, MODERN);
        CliRun r = CliRun.run("import", in.toString(), "-o", dir.resolve("out.html").toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out.html"))).isEqualTo(MODERN.getBytes(StandardCharsets.UTF_8));
        assertThat(r.out()).contains("current PyScript page; written unchanged");
    }

    @Test
    void legacyPageIsMigratedWithAReport() throws Exception {
        Path in = dir.resolve("old.html");
        Files.writeString(in, LEGACY);
        CliRun r = CliRun.run("import", in.toString(), "-o", dir.resolve("new.html").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Migrated legacy PyScript page").contains("line 3: <py-env> -> <py-config> (packages: numpy)")
                .contains("now display(np.arange(3))");
        assertThat(Files.readString(dir.resolve("new.html"))).contains("<script type=\"py\">").contains("display(np.arange(3))");
        assertThat(Files.readString(in)).isEqualTo(LEGACY);
    }

    @Test
    void ipynbImportsAndExportsBack() throws Exception {
        Path in = dir.resolve("n.ipynb");
        Files.writeString(in, IPYNB);
        assertThat(CliRun.run("import", in.toString(), "-o", dir.resolve("n.html").toString()).exit()).isZero();
        assertThat(Files.readString(dir.resolve("n.html"))).contains("<script type=\"py\" id=\"a\" target=\"a-output\">");
        CliRun r = CliRun.run("export", dir.resolve("n.html").toString(), "--to", "ipynb", "-o", dir.resolve("back.ipynb").toString());
        assertThat(r.exit()).isZero();
        String back = Files.readString(dir.resolve("back.ipynb"));
        assertThat(back).contains("\"execution_count\": 2").contains("\"print(2 + 2)\"").contains("\"4\\n\"");
        assertThat(CliRun.run("export", dir.resolve("n.html").toString(), "--to", "py", "-o", dir.resolve("n.py").toString()).exit()).isZero();
        assertThat(Files.readString(dir.resolve("n.py"))).isEqualTo("# %%\nprint(2 + 2)\n");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Path binary = dir.resolve("bin.html");
        Files.write(binary, new byte[] {'<', 0, 1});
        CliRun r = CliRun.run("export", binary.toString(), "--to", "ipynb", "-o", dir.resolve("x.ipynb").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pagebook export: " + binary + ": binary file (NUL byte at offset 1), not an HTML or JSON text file");

        Path badJson = dir.resolve("bad.ipynb");
        Files.writeString(badJson, "{\"cells\": [");
        r = CliRun.run("import", badJson.toString(), "-o", dir.resolve("y.html").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("pagebook import: " + badJson + ": not valid JSON:").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("y.html"))).isFalse();

        Path dup = dir.resolve("dup.html");
        Files.writeString(dup, "<script type=\"py\" id=\"a\"></script><script type=\"py\" id=\"a\"></script>");
        r = CliRun.run("import", dup.toString(), "-o", dir.resolve("z.html").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("duplicate cell id 'a'");
    }

    @Test
    void inputIsNeverOverwritten() throws Exception {
        Path in = dir.resolve("same.html");
        Files.writeString(in, LEGACY);
        CliRun r = CliRun.run("import", in.toString(), "-o", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(Files.readString(in)).isEqualTo(LEGACY);
    }

    @Test
    void pageExportsAndBadFormatsOrModes() throws Exception {
        Path in = dir.resolve("page.html");
        Files.writeString(in, MODERN);
        CliRun r = CliRun.run("export", in.toString(), "--to", "static", "-o", dir.resolve("s.html").toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(Files.readString(dir.resolve("s.html"))).doesNotContain("pyscript.net").contains("pagebook-style");
        r = CliRun.run("export", in.toString(), "--to", "pyscript", "--mode", "cloud", "-o", dir.resolve("c.html").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown export mode 'cloud'");
        assertThat(Files.readString(in)).isEqualTo(MODERN);
        r = CliRun.run("export", in.toString(), "--to", "docx", "-o", dir.resolve("s.docx").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown format 'docx' (use one of ipynb, py, pyscript, static)");
        r = CliRun.run("export", in.toString(), "--to", "py", "--mode", "offline", "-o", dir.resolve("s.py").toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}
