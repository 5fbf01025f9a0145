package dev.pagebook.app.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last notebooks opened or saved, newest first, kept in the user's preferences. */
public final class RecentFiles {

    private static final int LIMIT = 10;

    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentFiles standard() {
        return new RecentFiles(Preferences.userRoot().node("dev/pagebook/recent"));
    }

    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String value = prefs.get("file" + i, null);
            if (value != null) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    public void add(Path file) {
        List<Path> files = list();
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        for (int i = 0; i < LIMIT; i++) {
            if (i < files.size()) {
                prefs.put("file" + i, files.get(i).toString());
            } else {
                prefs.remove("file" + i);
            }
        }
    }
}
