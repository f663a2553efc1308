package org.jcu.observable.warninglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads MISP warninglist files ({@code misp-warninglists/lists/<slug>/list.json}) and checks them against the
 * upstream {@code schema.json}:
 *
 * <ul>
 *   <li>{@code name}, {@code description}: required strings, {@code name} not blank;
 *   <li>{@code version}: required integer;
 *   <li>{@code type}: required, one of {@code string}, {@code substring}, {@code hostname}, {@code cidr},
 *       {@code regex} (exact spelling);
 *   <li>{@code list}: required array of strings; blank entries are dropped and duplicates kept once. The object form
 *       MISP's import accepts ({@code {"entry": "comment"}}) is read too, the comments ignored;
 *   <li>{@code matching_attributes}: optional array of strings (MISP attribute types);
 *   <li>{@code category}: optional, {@code false-positive} / {@code false_positive} or {@code known}.
 * </ul>
 *
 * Other properties are ignored (newer MISP versions add fields); JSON {@code null} counts as absent for the optional
 * fields. Duplicate property names are an error. Entries are not interpreted here: a {@code cidr} entry that is not a
 * block or a {@code regex} that does not compile is skipped, and reported, by {@link Warninglists}.
 *
 * <p>Errors: {@link WarninglistFormatException} names the file, the field (JSON pointer) and the rule;
 * {@link IOException} when a file cannot be read.
 *
 * <p>Thread-safety: stateless; every method may be called concurrently.
 */
public final class WarninglistLoader {

    /** Classpath folder of the lists shipped in the jar. */
    static final String RESOURCES = "warninglists/";

    /** Index of the shipped lists: {@code {"source": {...}, "lists": [{"id": ..., ...}]}}. */
    static final String INDEX = RESOURCES + "index.json";

    private static final String LIST_FILE = "list.json";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private WarninglistLoader() {}

    /**
     * Reads one list. Its id is the name of the folder holding it when the file is called {@code list.json}
     * (upstream layout), else the file name without {@code .json}.
     *
     * @throws WarninglistFormatException if the file is not a valid warninglist or its id is not a slug
     *     ({@code [A-Za-z0-9][A-Za-z0-9._-]*}, at most 128 characters)
     * @throws IOException if it cannot be read
     */
    public static WarninglistContent load(Path file) throws IOException {
        return parse(idOf(file), file.toString(), Files.readAllBytes(file));
    }

    /**
     * Reads every list in a directory laid out like upstream's {@code lists/} folder: each sub-folder holding a
     * {@code list.json} is a list named after the folder; a {@code <slug>.json} file directly in the directory is a
     * list too. Other files, hidden entries and folders without {@code list.json} are ignored.
     *
     * @return the lists, ordered by id
     * @throws WarninglistFormatException for the first invalid list (in file name order) or when two files give the
     *     same id; the errors of further invalid lists are attached as suppressed exceptions
     * @throws IOException if the directory or a file cannot be read ({@link NotDirectoryException} if it is not a
     *     directory)
     */
    public static List<WarninglistContent> loadDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(child) && Files.isRegularFile(child.resolve(LIST_FILE))) {
                    files.add(child.resolve(LIST_FILE));
                } else if (Files.isRegularFile(child)
                        && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    files.add(child);
                }
            }
        }
        Map<String, WarninglistContent> byId = new TreeMap<>();
        Map<String, Path> sources = new TreeMap<>();
        @Nullable WarninglistFormatException first = null;
        for (Path file : files) {
            try {
                WarninglistContent list = load(file);
                Path other = sources.putIfAbsent(list.id(), file);
                if (other != null) {
                    throw new WarninglistFormatException(
                            file.toString(), "", "list id \"" + list.id() + "\" is also the id of " + other);
                }
                byId.put(list.id(), list);
            } catch (WarninglistFormatException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return List.copyOf(byId.values());
    }

    /**
     * The lists shipped in the jar, as listed in {@code warninglists/index.json}, ordered by id.
     *
     * @throws IllegalStateException if the index or a listed file is missing or invalid (a packaging defect)
     */
    public static List<WarninglistContent> loadDefaults() {
        JsonNode index = MAPPER.readTree(resource(INDEX));
        List<WarninglistContent> lists = new ArrayList<>();
        for (JsonNode entry : index.path("lists").values()) {
            String id = entry.path("id").asString();
            String path = RESOURCES + id + "/" + LIST_FILE;
            try {
                lists.add(parse(id, "classpath:" + path, resource(path)));
            } catch (WarninglistFormatException e) {
                throw new IllegalStateException("shipped warninglist is invalid: " + e.getMessage(), e);
            }
        }
        if (lists.isEmpty()) {
            throw new IllegalStateException("classpath:" + INDEX + " lists no warninglists");
        }
        return lists.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    /**
     * Parses one list from JSON bytes.
     *
     * @param id the list's slug
     * @param source names the file in errors (a path or {@code classpath:...})
     * @param json the file's bytes (UTF-8 JSON)
     * @throws WarninglistFormatException if the content is not a valid warninglist or {@code id} is not a slug
     */
    public static WarninglistContent parse(String id, String source, byte[] json) {
        if (!ID.matcher(id).matches()) {
            throw new WarninglistFormatException(
                    source, "", "list id \"" + id + "\" (folder or file name) must match " + ID.pattern());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new WarninglistFormatException(source, "", "malformed JSON: " + describe(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WarninglistFormatException(source, "", "empty file: a JSON object is required");
        }
        if (!root.isObject()) {
            throw new WarninglistFormatException(source, "", "must be a JSON object, got " + kindOf(root));
        }
        String name = requiredString(root, "name", source);
        if (name.isBlank()) {
            throw new WarninglistFormatException(source, "/name", "must not be blank");
        }
        String description = requiredString(root, "description", source);
        long version = version(root, source);
        String typeText = requiredString(root, "type", source);
        WarninglistType type = WarninglistType.from(typeText)
                .orElseThrow(() -> new WarninglistFormatException(
                        source,
                        "/type",
                        "must be one of " + WarninglistType.allowed() + " (got \"" + typeText + "\")"));
        List<String> entries = entries(root, source);
        List<String> matchingAttributes = matchingAttributes(root, source);
        WarninglistCategory category = category(root, source);
        Warninglist warninglist =
                new Warninglist(id, name, version, description, type, category, matchingAttributes, entries.size());
        return new WarninglistContent(warninglist, entries);
    }

    private static String idOf(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return "";
        }
        String name = fileName.toString();
        Path parent = file.toAbsolutePath().getParent();
        if (name.equals(LIST_FILE) && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static String requiredString(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new WarninglistFormatException(source, "/" + field, "required");
        }
        if (!node.isString()) {
            throw new WarninglistFormatException(source, "/" + field, "must be a string, got " + kindOf(node));
        }
        return node.stringValue();
    }

    private static long version(JsonNode root, String source) {
        JsonNode node = root.get("version");
        if (node == null) {
            throw new WarninglistFormatException(source, "/version", "required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new WarninglistFormatException(
                    source, "/version", "must be an integer (64 bit), got " + kindOf(node));
        }
        return node.longValue();
    }

    private static List<String> entries(JsonNode root, String source) {
        JsonNode node = root.get("list");
        if (node == null) {
            throw new WarninglistFormatException(source, "/list", "required");
        }
        Set<String> entries = new LinkedHashSet<>();
        if (node.isArray()) {
            int index = 0;
            for (JsonNode item : node.values()) {
                if (!item.isString()) {
                    throw new WarninglistFormatException(
                            source, "/list/" + index, "must be a string, got " + kindOf(item));
                }
                if (!item.stringValue().isBlank()) {
                    entries.add(item.stringValue());
                }
                index++;
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (!property.getValue().isString() && !property.getValue().isNull()) {
                    throw new WarninglistFormatException(
                            source,
                            "/list/" + pointerToken(property.getKey()),
                            "a comment must be a string, got " + kindOf(property.getValue()));
                }
                if (!property.getKey().isBlank()) {
                    entries.add(property.getKey());
                }
            }
        } else {
            throw new WarninglistFormatException(source, "/list", "must be an array of strings, got " + kindOf(node));
        }
        return List.copyOf(entries);
    }

    private static List<String> matchingAttributes(JsonNode root, String source) {
        JsonNode node = root.get("matching_attributes");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new WarninglistFormatException(
                    source, "/matching_attributes", "must be an array of strings, got " + kindOf(node));
        }
        Set<String> attributes = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode item : node.values()) {
            if (!item.isString() || item.stringValue().isBlank()) {
                throw new WarninglistFormatException(
                        source,
                        "/matching_attributes/" + index,
                        "must be a MISP attribute type (non-blank string), got " + kindOf(item));
            }
            attributes.add(item.stringValue().strip());
            index++;
        }
        return List.copyOf(attributes);
    }

    private static WarninglistCategory category(JsonNode root, String source) {
        JsonNode node = root.get("category");
        if (node == null || node.isNull()) {
            return WarninglistCategory.FALSE_POSITIVE;
        }
        if (!node.isString()) {
            throw new WarninglistFormatException(source, "/category", "must be a string, got " + kindOf(node));
        }
        return WarninglistCategory.from(node.stringValue())
                .orElseThrow(() -> new WarninglistFormatException(
                        source, "/category", "must be false-positive or known (got \"" + node.stringValue() + "\")"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = WarninglistLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + path, e);
        }
    }

    private static String kindOf(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        if (node.isString()) {
            String text = node.stringValue();
            return "string \"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "\"";
        }
        return node.isNumber() || node.isBoolean() ? type + " " + node : type;
    }

    private static String describe(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return e.getOriginalMessage() + where;
    }

    /** RFC 6901 §3: '~' and '/' in a property name are escaped. */
    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
