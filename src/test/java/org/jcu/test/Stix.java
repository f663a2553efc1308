package org.jcu.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-side STIX helpers, independent of production code: RFC 8785 canonical form (java-json-canonicalization),
 * reading corpus files with a plain Jackson mapper, and small object builders.
 */
public final class Stix {

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private Stix() {}

    /** RFC 8785 (JCS) canonical form of a JSON text. */
    public static String canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 8785 canonical form of a tree. */
    public static String canonical(JsonNode node) {
        return canonical(PLAIN.writeValueAsString(node));
    }

    /** All objects of a bundle file or an NDJSON file (optionally gzip), read without production code. */
    public static List<ObjectNode> objects(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String name = file.getFileName().toString().replace(".gz", "");
            List<ObjectNode> out = new ArrayList<>();
            if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        out.add((ObjectNode) PLAIN.readTree(line));
                    }
                }
            } else {
                JsonNode root = PLAIN.readTree(text);
                boolean untypedBundle = !root.has("type")
                        && root.path("objects").isArray()
                        && root.path("id").asString("").startsWith("bundle--");
                if ("bundle".equals(root.path("type").asString("")) || untypedBundle) {
                    root.path("objects").forEach(o -> out.add((ObjectNode) o));
                } else {
                    out.add((ObjectNode) root);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON with a plain mapper. */
    public static JsonNode parse(String json) {
        return PLAIN.readTree(json);
    }

    /** A fresh STIX id of a type. */
    public static String newId(String type) {
        return type + "--" + UUID.randomUUID();
    }

    /** A valid STIX 2.1 indicator; {@code extra} is inserted as additional JSON members (may be empty). */
    public static String indicator(String id, String created, String modified, String extra) {
        return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + created
                + "\",\"modified\":\"" + modified
                + "\",\"name\":\"test\",\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\","
                + "\"pattern_type\":\"stix\",\"valid_from\":\"" + created + "\"" + (extra.isEmpty() ? "" : "," + extra)
                + "}";
    }

    /** A bundle of the given object texts. */
    public static String bundle(String... objects) {
        return "{\"type\":\"bundle\",\"id\":\"" + newId("bundle") + "\",\"objects\":[" + String.join(",", objects)
                + "]}";
    }
}
