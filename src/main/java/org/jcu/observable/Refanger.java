package org.jcu.observable;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes common defanging of indicators in free text (reports, CSV columns, chat): {@code hxxp}, {@code hxxps},
 * {@code fxp} scheme names, and the bracketed forms {@code [.] (.) {.} [dot] (dot) {dot}}, {@code [at] (at) {at} [@]
 * (@)}, {@code [:]}, {@code [://]}, {@code [/]}, all case-insensitive. Bare words ({@code example dot com}) are not
 * rewritten: prose would be rewritten too. Stateless and thread-safe.
 */
final class Refanger {

    /** Bracketed notations and their replacements; longer forms first where one is a prefix of another. */
    private static final String[][] BRACKETED = {
        {"[://]", "://"},
        {"[:]", ":"},
        {"[/]", "/"},
        {"[.]", "."},
        {"(.)", "."},
        {"{.}", "."},
        {"[dot]", "."},
        {"(dot)", "."},
        {"{dot}", "."},
        {"[at]", "@"},
        {"(at)", "@"},
        {"{at}", "@"},
        {"[@]", "@"},
        {"(@)", "@"},
    };

    /** Defanged scheme names, rewritten only at the start of a word and before ':' or '['. */
    private static final String[][] SCHEMES = {
        {"hxxps", "https"},
        {"hxxp", "http"},
        {"fxp", "ftp"},
    };

    private Refanger() {}

    static Refanged refang(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<Refanged.Change> changes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String[] match = match(text, i);
            if (match == null) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            String from = text.substring(i, i + match[0].length());
            changes.add(new Refanged.Change(i, from, match[1]));
            out.append(match[1]);
            i += from.length();
        }
        return new Refanged(out.toString(), changes);
    }

    private static String[] match(String text, int at) {
        char c = text.charAt(at);
        if (c == '[' || c == '(' || c == '{') {
            for (String[] candidate : BRACKETED) {
                if (text.regionMatches(true, at, candidate[0], 0, candidate[0].length())) {
                    return candidate;
                }
            }
            return null;
        }
        if ((c == 'h' || c == 'H' || c == 'f' || c == 'F')
                && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))) {
            for (String[] candidate : SCHEMES) {
                int end = at + candidate[0].length();
                if (text.regionMatches(true, at, candidate[0], 0, candidate[0].length())
                        && end < text.length()
                        && (text.charAt(end) == ':' || text.charAt(end) == '[')) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
