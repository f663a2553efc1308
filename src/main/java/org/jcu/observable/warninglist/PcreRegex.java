package org.jcu.observable.warninglist;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A MISP {@code regex} entry (PHP {@code preg_match} syntax, {@code /pattern/flags}) as a Java {@link Pattern}. The
 * delimiter is the first character (not alphanumeric, backslash or white space); <code>(</code>, <code>[</code>,
 * <code>{</code> and {@code <} close with their counterpart. Flags: {@code i} (case-insensitive, Unicode),
 * {@code m}, {@code s}, {@code x}, {@code u}; {@code g} (JavaScript's "global", meaningless for a yes/no match, and
 * found in upstream lists) is ignored. The pattern itself is compiled as Java syntax, which agrees with PCRE for the
 * constructs the lists use; PCRE-only constructs fail to compile and the entry is skipped.
 */
final class PcreRegex {

    private PcreRegex() {}

    /**
     * Compiles one entry.
     *
     * @throws IllegalArgumentException naming the rule when the entry has no delimiters, an unsupported flag or a
     *     pattern Java cannot compile
     */
    static Pattern compile(String entry) {
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("empty regular expression");
        }
        char open = entry.charAt(0);
        if (Character.isLetterOrDigit(open) || open == '\\' || Character.isWhitespace(open)) {
            throw new IllegalArgumentException(
                    "must be written /pattern/flags: '" + open + "' cannot be a delimiter (PCRE syntax)");
        }
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        int end = entry.lastIndexOf(close);
        if (end <= 0) {
            throw new IllegalArgumentException("no closing delimiter '" + close + "'");
        }
        int flags = 0;
        for (char flag : entry.substring(end + 1).toCharArray()) {
            flags |= switch (flag) {
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'x' -> Pattern.COMMENTS;
                case 'u' -> Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
                case 'g', ' ', '\n', '\r' -> 0;
                default ->
                    throw new IllegalArgumentException(
                            "unsupported flag '" + flag + "' (supported: i, m, s, x, u; g is ignored)");
            };
        }
        try {
            return Pattern.compile(entry.substring(1, end), flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "does not compile: " + e.getDescription() + " near index " + e.getIndex());
        }
    }
}
