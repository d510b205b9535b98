package dev.catalog.domain.shared;

/** Checks shared by the free-text value objects. */
public final class Text {

    private Text() {
    }

    /**
     * True when the text holds a control character (C0, DEL, C1) other than the ones listed in {@code allowed}.
     * Invisible control characters in a name break rendering and search, and are a classic injection vector
     * for logs and terminals.
     */
    public static boolean hasControlCharacters(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && allowed.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Length in code points, so a name of emoji is measured as a reader would count it. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** True when the text has unpaired surrogates, which no JSON or UTF-8 consumer can carry faithfully. */
    public static boolean hasLoneSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
