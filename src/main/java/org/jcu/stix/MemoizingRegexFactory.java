package org.jcu.stix;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * java.util.regex for JSON Schema {@code pattern}/{@code patternProperties}, remembering results for short inputs.
 *
 * <p>STIX schemas test every property name against the same few patterns, and property names repeat across
 * objects, so remembering up to {@link #MAX_ENTRIES} short inputs per pattern removes most regex work; unique values
 * (ids, hashes) stop being remembered once the bound is reached. java.util.regex accepts the {@code \-} escapes in
 * the OASIS schemas that ECMA-262 unicode mode rejects.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class MemoizingRegexFactory implements RegularExpressionFactory {

    static final int MAX_ENTRIES = 4096;
    static final int MAX_INPUT = 64;

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Map<String, Boolean> memo = new ConcurrentHashMap<>();
        return input -> {
            if (input.length() > MAX_INPUT) {
                return pattern.matcher(input).find();
            }
            Boolean known = memo.get(input);
            if (known != null) {
                return known;
            }
            boolean result = pattern.matcher(input).find();
            if (memo.size() < MAX_ENTRIES) {
                memo.put(input, result);
            }
            return result;
        };
    }
}
