package dev.pagebook.app.instance;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * macOS delivers double-clicked documents as an "open file" event, not as arguments, including the
 * one that started the app, so the handler must be in place early in startup.
 */
final class OsOpenFileEvents {

    private OsOpenFileEvents() {
    }

    static void register(Consumer<List<Path>> opener) {
        // Only macOS sends these events; elsewhere, touching AWT would just load it for nothing.
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")
                || GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) {
            return;
        }
        Desktop desktop = Desktop.getDesktop();
        if (desktop.isSupported(Desktop.Action.APP_OPEN_FILE)) {
            desktop.setOpenFileHandler(event -> opener.accept(event.getFiles().stream().map(File::toPath).toList()));
        }
    }
}
