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

    /**
     * True when the text holds a character that changes how the text around it reads without being seen itself:
     * bidirectional embeddings, overrides, isolates and marks (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F,
     * U+061C), which can show "gpj.exe" as "exe.jpg", and zero-width characters (U+200B, U+2060..U+2064, U+FEFF,
     * U+180E), which make two names that look alike differ. The zero-width joiner and non-joiner (U+200D, U+200C)
     * are kept between two non-ASCII characters, where emoji sequences and Persian or Indic scripts need them, and
     * refused anywhere else.
     */
    public static boolean hasInvisibleFormatting(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200E' || c == '\u200F' || c == '\u061C';
            boolean zeroWidth = c == '\u200B' || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF' || c == '\u180E';
            boolean joiner = c == '\u200C' || c == '\u200D';
            if (bidi || zeroWidth || (joiner && !(i > 0 && i + 1 < text.length()
                    && text.charAt(i - 1) > 0x7F && text.charAt(i + 1) > 0x7F))) {
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
