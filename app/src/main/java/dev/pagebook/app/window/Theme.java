package dev.pagebook.app.window;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;

/** Light or dark: a pair of CSS files over a shared base. "System" follows the OS setting. */
public enum Theme {
    LIGHT, DARK;

    private static final String BASE = css("base.css");

    /** Replaces the scene's theme stylesheets with this theme's. */
    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(BASE, css(name().toLowerCase(Locale.ROOT) + ".css"));
    }

    /** The CSS text the rendered HTML cells use (inlined: their pages have no base URL). */
    public String pageCss() {
        try (java.io.InputStream in = Theme.class.getResourceAsStream(
                "/dev/pagebook/app/theme/page-" + name().toLowerCase(Locale.ROOT) + ".css")) {
            return new String(Objects.requireNonNull(in, "page css").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String css(String name) {
        return Objects.requireNonNull(Theme.class.getResource("/dev/pagebook/app/theme/" + name), name).toExternalForm();
    }

    /**
     * The OS preference: {@code PAGEBOOK_THEME=light|dark} wins; then GNOME's color-scheme, macOS's
     * AppleInterfaceStyle, Windows' AppsUseLightTheme. Runs a short command, so call it off the FX thread.
     */
    public static Theme fromSystem() {
        String forced = System.getenv("PAGEBOOK_THEME");
        if (forced != null && !forced.isBlank()) {
            return "dark".equalsIgnoreCase(forced.strip()) ? DARK : LIGHT;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return output(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
        }
        if (os.contains("win")) {
            String value = output(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"));
            return value.contains("0x0") ? DARK : LIGHT;
        }
        String scheme = output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.contains("dark")) {
            return DARK;
        }
        String gtk = output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        return gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }

    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String text;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                text = String.join("\n", in.lines().toList());
            }
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
