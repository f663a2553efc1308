package org.jcu.stix;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates STIX 2.1 objects against the official OASIS STIX 2.1 JSON Schemas (draft 2020-12, shipped under
 * {@code classpath:stix/schemas/} with their BSD-3 licence) and the semantic rules the schemas cannot express.
 *
 * <p>Semantic rules, by name:
 * <ul>
 *   <li>{@code type-format}: {@code type} is 3–250 characters of {@code [a-z0-9-]} (STIX 2.1 §3.1).</li>
 *   <li>{@code id-format}: {@code id} is {@code <type>--<RFC 4122 UUID>} (§2.9).</li>
 *   <li>{@code id-prefix}: the part before {@code --} equals {@code type} (§2.9).</li>
 *   <li>{@code timestamp-format}: timestamps are RFC 3339 UTC with {@code Z} (§3.2); custom properties and
 *       extensions are not checked.</li>
 *   <li>{@code modified-before-created}: {@code modified} ≥ {@code created} (§3.2).</li>
 *   <li>{@code ref-format}: every {@code *_ref} / {@code *_refs} value is an identifier (§2.9); custom
 *       properties ({@code x_…}) are left to their producers, as the OASIS validator does (real ATT&amp;CK data has
 *       empty {@code x_mitre_data_source_ref}).</li>
 *   <li>{@code spec-version}: SDOs, SROs and meta objects carry {@code spec_version} "2.1".</li>
 * </ul>
 *
 * <p>Thread-safety: safe for concurrent use; compiled schemas are cached per type.
 */
public final class StixValidator {

    static final String SCHEMA_BASE =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    private static final Pattern TYPE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^([a-z0-9]+(?:-[a-z0-9]+)*)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}"
                    + "-[0-9a-fA-F]{12}$");
    private static final Set<String> TIMESTAMP_PROPERTIES = Set.of(
            "created",
            "modified",
            "valid_from",
            "valid_until",
            "first_seen",
            "last_seen",
            "published",
            "first_observed",
            "last_observed",
            "start",
            "stop",
            "analysis_started",
            "analysis_ended",
            "submitted",
            "ctime",
            "mtime",
            "atime",
            "date",
            "created_time",
            "modified_time",
            "start_time",
            "stop_time");

    /** No annotation collection: the STIX schemas use no unevaluated* keywords, and collecting costs time. */
    private static final ExecutionConfig EXECUTION = ExecutionConfig.builder()
            .annotationCollectionEnabled(false)
            .formatAssertionsEnabled(false)
            .build();

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final boolean shortcuts;

    /** Creates a validator reading the bundled schemas; no network access is ever made. */
    public StixValidator() {
        this(true);
    }

    /**
     * @param shortcuts whether an indicator that {@link IndicatorSchemaShortcut} accepts skips the schema engine
     *     (decision 0021); {@code false} runs the schema on every object (tests compare the two)
     */
    StixValidator(boolean shortcuts) {
        this.shortcuts = shortcuts;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .regularExpressionFactory(new MemoizingRegexFactory())
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:stix/schemas/")));
    }

    /**
     * Validates one STIX 2.1 object.
     *
     * @param object   the object (already upgraded to 2.1 if it came as 2.0)
     * @param position zero-based position in its bundle, used to name objects that have no usable id
     * @return violations, empty when the object is valid
     */
    public List<Violation> validate(ObjectNode object, long position) {
        List<Violation> out = new ArrayList<>();
        String type = text(object, "type");
        String id = text(object, "id");
        String name = id != null ? id : "(object #" + position + ")";
        if (type == null) {
            out.add(new Violation(name, "/type", "required", "property 'type' is missing or not a string"));
            return out;
        }
        if (type.length() < 3 || type.length() > 250 || !TYPE.matcher(type).matches()) {
            out.add(new Violation(
                    name,
                    "/type",
                    "type-format",
                    "'" + type + "' is not a STIX type (3-250 chars of a-z, 0-9 and single hyphens)"));
        }
        if (id == null) {
            out.add(new Violation(name, "/id", "required", "property 'id' is missing or not a string"));
        } else {
            var matcher = IDENTIFIER.matcher(id);
            if (!matcher.matches()) {
                out.add(new Violation(name, "/id", "id-format", "'" + id + "' is not <type>--<RFC 4122 UUID>"));
            } else if (!matcher.group(1).equals(type)) {
                out.add(new Violation(
                        name,
                        "/id",
                        "id-prefix",
                        "id prefix '" + matcher.group(1) + "' does not match type '" + type + "'"));
            }
        }
        boolean sco = StixTypes.isSco(type)
                || (!object.has("created")
                        && !StixTypes.SDO.contains(type)
                        && !StixTypes.SRO.contains(type)
                        && !StixTypes.META.contains(type));
        if (!sco) {
            String specVersion = text(object, "spec_version");
            if (!"2.1".equals(specVersion)) {
                out.add(new Violation(
                        name,
                        "/spec_version",
                        "spec-version",
                        "spec_version must be \"2.1\" (found "
                                + (specVersion == null ? "none" : "\"" + specVersion + "\"") + ")"));
            }
        }
        checkTimestamps(object, "", name, out);
        String created = text(object, "created");
        String modified = text(object, "modified");
        if (created != null
                && modified != null
                && StixTimestamps.isValid(created)
                && StixTimestamps.isValid(modified)
                && StixTimestamps.parse(modified).isBefore(StixTimestamps.parse(created))) {
            out.add(new Violation(
                    name,
                    "/modified",
                    "modified-before-created",
                    "modified " + modified + " is earlier than created " + created));
        }
        checkRefs(object, "", name, out);
        schemaViolations(object, type, sco, name, out);
        return out;
    }

    private void schemaViolations(ObjectNode object, String type, boolean sco, String name, List<Violation> out) {
        if (shortcuts && type.equals("indicator") && IndicatorSchemaShortcut.satisfies(object)) {
            return; // the schema would accept it (decision 0021)
        }
        String path = StixTypes.schemaPath(type);
        if (path == null) {
            path = sco ? "common/cyber-observable-core.json" : "common/core.json";
        }
        Schema schema = schemas.computeIfAbsent(path, p -> {
            Schema loaded = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + p));
            loaded.initializeValidators();
            return loaded;
        });
        List<Error> errors = schema.validate(object, context -> context.setExecutionConfig(EXECUTION));
        for (Error error : errors) {
            String pointer = error.getInstanceLocation().toString();
            if (error.getProperty() != null && "required".equals(error.getKeyword())) {
                pointer = pointer + "/" + error.getProperty();
            }
            out.add(new Violation(name, pointer, "schema:" + error.getKeyword(), error.getMessage()));
        }
    }

    private static void checkTimestamps(JsonNode node, String pointer, String name, List<Violation> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (entry.getKey().startsWith("x_") || entry.getKey().equals("extensions")) {
                    continue; // custom content: its producer defines its fields
                }
                JsonNode value = entry.getValue();
                if (TIMESTAMP_PROPERTIES.contains(entry.getKey())
                        && value.isString()
                        && !StixTimestamps.isValid(value.stringValue())) {
                    out.add(new Violation(
                            name,
                            child(pointer, entry.getKey()),
                            "timestamp-format",
                            "'" + value.stringValue()
                                    + "' is not a valid RFC 3339 UTC timestamp"
                                    + " (YYYY-MM-DDTHH:mm:ss[.s+]Z, a real date)"));
                } else if (value.isContainer()) {
                    checkTimestamps(value, child(pointer, entry.getKey()), name, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainer()) {
                    checkTimestamps(node.get(i), pointer + "/" + i, name, out);
                }
            }
        }
    }

    private static void checkRefs(JsonNode node, String pointer, String name, List<Violation> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (key.startsWith("x_") || (!value.isContainer() && !key.endsWith("_ref") && !key.endsWith("_refs"))) {
                    continue; // custom, or a plain value that is no reference: nothing to check
                }
                String child = child(pointer, key);
                if (pointer.isEmpty() && key.endsWith("_ref") && !value.isString()) {
                    out.add(new Violation(name, child, "ref-format", "a *_ref property must be an identifier string"));
                } else if (pointer.isEmpty() && key.endsWith("_refs") && !value.isArray()) {
                    out.add(new Violation(
                            name, child, "ref-format", "a *_refs property must be a list of identifiers"));
                } else if (key.endsWith("_ref") && value.isString()) {
                    checkIdentifier(value.stringValue(), child, name, out);
                } else if (key.endsWith("_refs") && value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        JsonNode ref = value.get(i);
                        if (ref.isString()) {
                            checkIdentifier(ref.stringValue(), child + "/" + i, name, out);
                        } else {
                            out.add(new Violation(name, child + "/" + i, "ref-format", "reference is not a string"));
                        }
                    }
                } else if (value.isContainer()) {
                    checkRefs(value, child, name, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainer()) {
                    checkRefs(node.get(i), pointer + "/" + i, name, out);
                }
            }
        }
    }

    private static void checkIdentifier(String ref, String pointer, String name, List<Violation> out) {
        if (!IDENTIFIER.matcher(ref).matches()) {
            out.add(new Violation(
                    name, pointer, "ref-format", "'" + ref + "' is not a STIX identifier <type>--<UUID>"));
        }
    }

    /** The JSON Pointer (RFC 6901) of property {@code key} under {@code pointer}. */
    private static String child(String pointer, String key) {
        return pointer + "/" + escape(key);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String text(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
