package dev.pagebook.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

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

        ColorSchemeMedia.preferDark(page);

        assertThat(page.selectFirst("style").data()).contains(ColorSchemeMedia.ALWAYS).doesNotContain("prefers-color-scheme");
        assertThat(page.selectFirst("link").attr("media")).isEqualTo(ColorSchemeMedia.NEVER);
        assertThat(page.selectFirst("source").attr("media")).isEqualTo(ColorSchemeMedia.ALWAYS);
        assertThat(page.selectFirst("p").text()).isEqualTo("(prefers-color-scheme: dark) is how a page asks");
    }
}
