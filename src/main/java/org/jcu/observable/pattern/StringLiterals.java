package org.jcu.observable.pattern;

/**
 * String literals (STIX 2.1 §9, Constants): enclosed in single quotes, where a quote is written {@code \'} and a
 * backslash {@code \\}; any other backslash pair is an error. Every other character, line breaks included, stands for
 * itself, so {@code decode(encode(s)).equals(s)} for every string. Stateless.
 */
final class StringLiterals {

    private StringLiterals() {}

    /** The literal for {@code value}, quotes included. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    /**
     * The value of a string literal token.
     *
     * @param token the token text, quotes included, as delimited by the lexer (every backslash is paired)
     * @param offset the token's offset in the pattern, in code points, for the error
     * @throws PatternException on an escape other than {@code \\} and {@code \'}
     */
    static String decode(String token, int offset) {
        StringBuilder out = new StringBuilder(token.length());
        int end = token.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = token.charAt(i);
            if (c == '\\') {
                char escaped = token.charAt(i + 1);
                if (escaped != '\\' && escaped != '\'') {
                    throw new PatternException(
                            "escape \\" + new String(Character.toChars(token.codePointAt(i + 1)))
                                    + " is not allowed; a string literal escapes only \\' and \\\\ (STIX 2.1 §9.2)",
                            offset + token.codePointCount(0, i),
                            "StringLiteral");
                }
                out.append(escaped);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
