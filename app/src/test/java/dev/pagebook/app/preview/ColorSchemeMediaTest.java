package dev.pagebook.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColorSchemeMediaTest {

    @Test
    void darkQueriesAlwaysMatchAndLightOnesNeverInEveryFormTheyAreWritten() {
        assertThat(ColorSchemeMedia.darkened("@media (prefers-color-scheme: dark) { a { color: white } }"))
                .isEqualTo("@media " + ColorSchemeMedia.ALWAYS + " { a { color: white } }");
        assertThat(ColorSchemeMedia.darkened("@media screen and ( Prefers-Color-Scheme:LIGHT ) { }"))
                .isEqualTo("@media screen and " + ColorSchemeMedia.NEVER + " { }");
        assertThat(ColorSchemeMedia.darkened("a { color: red }")).isEqualTo("a { color: red }");
    }

    @Test
    void stylesAndMediaAttributesOfThePageAreRewrittenAndNothingElse() {
        Document page = Jsoup.parse("""
                <html><head>
                <style>@media (prefers-color-scheme: dark) { body { background: black } }</style>
                <link rel="stylesheet" href="light.css" media="(prefers-color-scheme: light)">
                </head><body>
                <picture><source srcset="night.png" media="(prefers-color-scheme: dark)"><img src="day.png"></picture>
                <p>(prefers-color-scheme: dark) is how a page asks</p>
                </body></html>
                """);

        ColorSchemeMedia.preferDark(page, null);

        assertThat(page.selectFirst("style:not([id])").data()).contains(ColorSchemeMedia.ALWAYS).doesNotContain("prefers-color-scheme");
        assertThat(page.selectFirst("link").attr("media")).isEqualTo(ColorSchemeMedia.NEVER);
        assertThat(page.selectFirst("source").attr("media")).isEqualTo(ColorSchemeMedia.ALWAYS);
        assertThat(page.selectFirst("p").text()).isEqualTo("(prefers-color-scheme: dark) is how a page asks");
    }

    @Test
    void stylesheetsLinkedFromTheNotebooksFolderAreInlinedRewrittenAndTheFilesLeftAlone(@TempDir Path folder) throws Exception {
        String scheme = "@media (prefers-color-scheme: dark) { body { background: url(night.png) } }";
        Files.writeString(folder.resolve("here.css"), scheme);
        Files.writeString(folder.resolve("plain.css"), "body { color: red }");
        Files.createDirectories(folder.resolve("theme"));
        Files.writeString(folder.resolve("theme/urls.css"), scheme);
        Files.writeString(folder.resolve("theme/colours.css"), "@media (prefers-color-scheme: light) { p { color: navy } }");
        Document page = Jsoup.parse("""
                <html><head>
                <link rel="stylesheet" href="here.css" media="screen">
                <link rel="stylesheet" href="plain.css">
                <link rel="stylesheet" href="theme/urls.css">
                <link rel="stylesheet" href="theme/colours.css">
                <link rel="stylesheet" href="missing.css">
                <link rel="stylesheet" href="https://example.org/remote.css">
                </head><body></body></html>
                """);

        ColorSchemeMedia.preferDark(page, folder);

        assertThat(page.select("style:not([id])").stream().map(e -> e.attr("media")).toList()).containsExactly("screen", "");
        assertThat(page.select("style:not([id])").stream().map(e -> e.data()).toList()).containsExactly(
                "@media " + ColorSchemeMedia.ALWAYS + " { body { background: url(night.png) } }",
                "@media " + ColorSchemeMedia.NEVER + " { p { color: navy } }");
        assertThat(page.select("link").eachAttr("href"))
                .as("kept: no scheme query, relative URLs from another folder, missing, remote")
                .containsExactly("plain.css", "theme/urls.css", "missing.css", "https://example.org/remote.css");
        assertThat(Files.readString(folder.resolve("here.css"))).isEqualTo(scheme);
    }

    @Test
    void pageScriptsGetTheirMatchMediaQueriesRewrittenBeforeTheyRun() {
        Document page = Jsoup.parse("<html><head><script>var dark = matchMedia('(prefers-color-scheme: dark)').matches;</script></head></html>");

        ColorSchemeMedia.preferDark(page, null);

        assertThat(page.head().child(0).id()).isEqualTo("pagebook-color-scheme");
        assertThat(page.head().child(0).data()).contains("window.matchMedia = function");
    }
}
