package org.jcu.observable;

/** Character tests shared by the normalisers. Stateless. */
final class Texts {

    private Texts() {}

    /** True for any Unicode white space (including no-break spaces) or control character. */
    static boolean hasWhitespaceOrControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** True for any control character (white space allowed). */
    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAsciiDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
