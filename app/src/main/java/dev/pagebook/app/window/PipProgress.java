package dev.pagebook.app.window;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a {@code pip install} has got, read from its log lines: pip prints no percentages
 * (progress bars are off when it writes to a pipe), but its stages come in a fixed order.
 * Building from source dominates under GraalPy (numpy: minutes), so it gets the widest span.
 */
final class PipProgress {

    /** A stage reached: the bar's fraction and what the dialog says. */
    record Stage(double fraction, String text) { }

    private static final Pattern COLLECTING = Pattern.compile("^Collecting (\\S+)");
    private static final Pattern DOWNLOADING = Pattern.compile("^\\s*Downloading (\\S+)");
    private static final Pattern BUILDING = Pattern.compile("^\\s*Building wheels? for (?:collected packages: )?(\\S.*?)(?: \\(|$)");
    private static final Pattern INSTALLING = Pattern.compile("^Installing collected packages: (.+)$");
    private static final Pattern INSTALLED = Pattern.compile("^Successfully installed (.+)$");
    private static final Pattern SATISFIED = Pattern.compile("^Requirement already satisfied: (\\S+)");

    private double reached;

    /** The stage this line starts, if it starts one; the bar never moves back. */
    Optional<Stage> read(String line) {
        Matcher m;
        if ((m = INSTALLED.matcher(line)).find()) {
            return reach(1.0, "Installed " + m.group(1));
        }
        if ((m = INSTALLING.matcher(line)).find()) {
            return reach(0.9, "Installing " + m.group(1) + "…");
        }
        if ((m = BUILDING.matcher(line)).find()) {
            return reach(0.4, "Building " + m.group(1) + " for GraalPy (this can take minutes)…");
        }
        if ((m = DOWNLOADING.matcher(line)).find()) {
            return reach(0.2, "Downloading " + m.group(1) + "…");
        }
        if ((m = COLLECTING.matcher(line)).find()) {
            return reach(0.1, "Resolving " + m.group(1) + "…");
        }
        if ((m = SATISFIED.matcher(line)).find()) {
            return reach(0.1, m.group(1) + " is already installed");
        }
        return Optional.empty();
    }

    private Optional<Stage> reach(double fraction, String text) {
        reached = Math.max(reached, fraction);
        return Optional.of(new Stage(reached, text));
    }
}
