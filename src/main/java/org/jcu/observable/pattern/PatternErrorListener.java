package org.jcu.observable.pattern;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.jspecify.annotations.Nullable;

/**
 * Turns the first lexer or parser error into a {@link PatternException} naming the offset and the grammar rule being
 * parsed (no recovery: a pattern either parses or is refused). Holds no state.
 */
final class PatternErrorListener extends BaseErrorListener {

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            @Nullable Object offendingSymbol,
            int line,
            int charPositionInLine,
            String message,
            @Nullable RecognitionException e) {
        if (recognizer instanceof Parser parser && offendingSymbol instanceof Token token) {
            String rule = parser.getContext() == null
                    ? "pattern"
                    : parser.getRuleNames()[parser.getContext().getRuleIndex()];
            String detail;
            if (token.getType() == StixPatternLexer.UnterminatedString) {
                detail = "string literal is not closed (a quote is missing, or \\' escapes the closing one)";
            } else if (rule.equals("pattern")) {
                // ANTLR only knows EOF here; list what may follow a complete observation expression.
                detail = "unexpected " + describe(token) + " after a complete observation expression; expected AND, OR,"
                        + " FOLLOWEDBY, WITHIN, REPEATS, START or the end of the pattern";
            } else {
                detail = message.replace("'<EOF>'", "end of pattern").replace("<EOF>", "end of pattern");
            }
            throw new PatternException(detail, token.getStartIndex(), rule);
        }
        int offset = recognizer instanceof Lexer lexer ? lexer._tokenStartCharIndex : charPositionInLine;
        throw new PatternException(message, offset, "token");
    }

    private static String describe(Token token) {
        return token.getType() == Token.EOF ? "end of pattern" : "'" + token.getText() + "'";
    }
}
