package dev.jita.core;

/**
 * The rules for text that comes from a request. No field jita keeps needs a control character other than
 * tab, line feed and carriage return (multi-line text), and identifiers need none at all; PostgreSQL cannot
 * even store NUL. Unpaired surrogates are not Unicode and would be stored altered.
 */
public final class UntrustedText {

    private UntrustedText() {
    }

    /** The first character that text may not hold, or -1. {@code multiLine} allows tab, LF and CR. */
    public static int refusedCharacter(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 && !(multiLine && lineBreakOrTab)) || c == 0x7F) {
                return c;
            }
        }
        return -1;
    }

    public static boolean hasControlCharacter(String text) {
        return refusedCharacter(text, false) >= 0;
    }

    /** True when a high surrogate lacks its low one or a low one stands alone. */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A character as U+XXXX, for messages that name it. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /**
     * The text fit for one log line (and for a message quoting it): control characters (C0, DEL, C1), the
     * Unicode line and paragraph separators and unpaired surrogates become {@code \}{@code uXXXX}, so that a
     * value from a request can never start a line of its own.
     */
    public static String forLog(Object value) {
        String text = String.valueOf(value);
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c)) {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
