package dev.pagebook.app.desktop;

/**
 * JavaFX lays out and paints on its pulse, 60 times a second unless told otherwise, so a typed key
 * waited up to a whole frame before it was laid out. At 120 the wait halves; a pulse that finds
 * nothing changed paints nothing, and the busy mark changes only 8 times a second (docs/app.md,
 * typing while a cell runs). Must run before the JavaFX toolkit starts; {@code -Djavafx.animation.pulse}
 * still wins.
 */
public final class FrameRate {

    static final String PULSE_PROPERTY = "javafx.animation.pulse";
    static final String PULSES_PER_SECOND = "120";

    private FrameRate() {
    }

    public static void applyDefault() {
        if (System.getProperty(PULSE_PROPERTY) == null) {
            System.setProperty(PULSE_PROPERTY, PULSES_PER_SECOND);
        }
    }
}
