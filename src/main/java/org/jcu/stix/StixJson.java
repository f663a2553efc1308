package org.jcu.stix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration for STIX content.
 *
 * <p>Numbers with a fraction are read as {@link java.math.BigDecimal} with trailing zeros kept, so the stored text of
 * a number is the text that was received; objects are written with properties sorted by UTF-16 code unit (the order
 * RFC 8785 uses), which makes {@link #storageForm} independent of the sender's property order.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
public final class StixJson {

    /** Maximum nesting depth accepted in STIX input; deeper input is rejected as malformed. */
    public static final int MAX_NESTING_DEPTH = 200;

    /** Longest JSON string accepted (characters), e.g. an artifact's base64 payload. */
    public static final int MAX_STRING_CHARS = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private StixJson() {}

    /** The shared mapper (sorted output, exact decimals). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Compact JSON with properties sorted: the form in which object versions are stored and hashed.
     *
     * @param node any JSON tree
     * @return compact UTF-8 JSON text
     */
    public static String storageForm(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Parses one JSON document; throws {@link tools.jackson.core.JacksonException} on malformed input. */
    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A JSON array of strings, compact (the stored form of small id lists). */
    public static String writeStrings(java.util.Collection<String> values) {
        return MAPPER.writeValueAsString(values);
    }

    /**
     * Reads a JSON array of strings written by {@link #writeStrings}.
     *
     * @throws IllegalArgumentException if the text is not a JSON array of strings
     */
    public static java.util.List<String> readStrings(String json) {
        JsonNode node = parse(json == null ? "[]" : json);
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of strings");
        }
        java.util.List<String> out = new java.util.ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new IllegalArgumentException("expected a JSON array of strings");
            }
            out.add(item.stringValue());
        }
        return java.util.List.copyOf(out);
    }
}
