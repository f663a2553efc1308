package org.jcu.stix;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams STIX objects out of a bundle ({@code .json}), a single object, or NDJSON ({@code .ndjson}/{@code .jsonl},
 * one object per line), each optionally gzip-compressed (detected by its magic bytes, not its name).
 *
 * <p>Only one object is held in memory at a time, so inputs of any size import with a small heap. Malformed or
 * truncated input raises {@link MalformedInputException} naming the line and column.
 *
 * <p>Thread-safety: not thread-safe; one reader per input.
 */
public final class StixObjectReader implements Closeable {

    /** Input layouts. */
    public enum Format {
        /** A STIX bundle, or a single STIX object, as one JSON document. */
        JSON,
        /** Newline-delimited JSON, one STIX object per line. */
        NDJSON;

        /** Guesses the layout from a file name ({@code .ndjson}, {@code .jsonl}, optionally {@code .gz}). */
        public static Format fromFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".gz")) {
                lower = lower.substring(0, lower.length() - 3);
            }
            return lower.endsWith(".ndjson") || lower.endsWith(".jsonl") ? NDJSON : JSON;
        }
    }

    /** Longest NDJSON line accepted (characters); a longer one is reported as malformed, not read into memory. */
    public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

    private final java.util.concurrent.atomic.AtomicLong rawBytes = new java.util.concurrent.atomic.AtomicLong();
    private final InputStream input;
    private final Format format;
    private final String sourceName;
    private JsonParser parser;
    private BufferedReader lines;
    private long lineNumber;
    private boolean inBundleObjects;
    private boolean finished;
    private ObjectNode singleObject;
    private String bundleId;
    private java.util.Iterator<JsonNode> buffered;

    private StixObjectReader(InputStream raw, Format format, String sourceName) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(new CountingStream(raw, rawBytes), 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        this.input = b1 == 0x1f && b2 == 0x8b
                ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered;
        this.format = format;
        this.sourceName = sourceName;
    }

    /** Opens a file; the layout is taken from its name. */
    public static StixObjectReader open(Path file) throws IOException {
        return new StixObjectReader(
                Files.newInputStream(file),
                Format.fromFileName(file.getFileName().toString()),
                file.getFileName().toString());
    }

    /** Reads a stream in the given layout; the stream is closed with the reader. */
    public static StixObjectReader of(InputStream stream, Format format, String sourceName) throws IOException {
        return new StixObjectReader(stream, format, sourceName);
    }

    /**
     * Bytes consumed from the underlying input so far (compressed bytes for gzip input); safe to read from any thread,
     * e.g. to show progress against the file size.
     */
    public long bytesRead() {
        return rawBytes.get();
    }

    /** The {@code id} of the enclosing bundle, once it has been read (null for NDJSON or single objects). */
    public String bundleId() {
        return bundleId;
    }

    /**
     * The next STIX object, or null at the end of the input.
     *
     * @throws MalformedInputException if the input is not well-formed or not a bundle/object/NDJSON of objects
     */
    public ObjectNode next() {
        if (finished) {
            return null;
        }
        try {
            return format == Format.NDJSON ? nextLine() : nextInJson();
        } catch (MalformedInputException e) {
            finished = true;
            throw e;
        } catch (JacksonException e) {
            finished = true;
            throw new MalformedInputException(
                    sourceName + ": " + describe(e) + location(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (UncheckedIOException e) {
            finished = true;
            throw new MalformedInputException(
                    sourceName + ": cannot read input: " + e.getCause().getMessage(), e);
        }
    }

    private ObjectNode nextLine() {
        if (lines == null) {
            lines = new BufferedReader(
                    new LineLengthLimit(new InputStreamReader(input, StandardCharsets.UTF_8), MAX_LINE_CHARS), 1 << 16);
        }
        try {
            String line;
            do {
                line = lines.readLine();
                lineNumber++;
                if (line == null) {
                    finished = true;
                    return null;
                }
            } while (line.isBlank());
            JsonNode node;
            try (JsonParser lineParser = StixJson.mapper().createParser(line)) {
                node = StixJson.mapper().readTree(lineParser);
                if (lineParser.nextToken() != null) {
                    throw new MalformedInputException(
                            sourceName + ": line " + lineNumber + ": more than one JSON value on the line");
                }
            } catch (JacksonException e) {
                throw new MalformedInputException(
                        sourceName + ": line " + lineNumber + ": " + describe(e) + location(e.getLocation()) + ": "
                                + e.getOriginalMessage(),
                        e);
            }
            if (!(node instanceof ObjectNode object)) {
                throw new MalformedInputException(sourceName + ": line " + lineNumber + ": expected a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode nextInJson() {
        if (parser == null) {
            parser = StixJson.mapper().createParser(input);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedInputException(sourceName + ": expected a STIX bundle or object (a JSON object)"
                        + location(parser.currentLocation()));
            }
            if (!enterBundle()) {
                return singleObject;
            }
        }
        if (singleObject != null) {
            finished = true;
            return null;
        }
        if (buffered != null) {
            while (buffered.hasNext()) {
                JsonNode next = buffered.next();
                if (next instanceof ObjectNode object) {
                    return object;
                }
                throw new MalformedInputException(sourceName + ": bundle 'objects' must hold JSON objects");
            }
            finished = true;
            return null;
        }
        while (true) {
            if (inBundleObjects) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT) {
                    return (ObjectNode) StixJson.mapper().readTree(parser);
                }
                if (token == JsonToken.END_ARRAY) {
                    inBundleObjects = false;
                    continue;
                }
                if (token == null) {
                    throw truncated();
                }
                throw new MalformedInputException(
                        sourceName + ": bundle 'objects' must hold JSON objects" + location(parser.currentLocation()));
            }
            if (!advanceToObjects()) {
                finished = true;
                return null;
            }
        }
    }

    /**
     * Reads top-level properties up to {@code objects} and starts streaming them when what was seen so far can be a
     * bundle; returns false for a single (non-bundle) object. A bundle whose {@code objects} came before a
     * non-bundle-looking property is buffered instead (small inputs only in practice).
     */
    private boolean enterBundle() {
        ObjectNode head = StixJson.mapper().createObjectNode();
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw truncated();
            }
            if (token == JsonToken.END_OBJECT) {
                expectEnd();
                if ("bundle".equals(head.path("type").asString(""))
                        && head.path("objects").isArray()) {
                    bundleId = head.path("id").asString(null);
                    buffered = head.get("objects").values().iterator();
                    return true;
                }
                singleObject = head;
                return false;
            }
            String name = parser.currentName();
            parser.nextToken();
            String type = head.path("type").asString(null);
            String id = head.path("id").asString(null);
            if ("objects".equals(name)
                    && parser.currentToken() == JsonToken.START_ARRAY
                    && (type == null || "bundle".equals(type))
                    && (id == null || id.startsWith("bundle--"))) {
                inBundleObjects = true;
                bundleId = id;
                return true;
            }
            head.set(name, StixJson.mapper().readTree(parser));
        }
    }

    private boolean advanceToObjects() {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw truncated();
            }
            if (token == JsonToken.END_OBJECT) {
                expectEnd();
                return false;
            }
            String name = parser.currentName();
            parser.nextToken();
            if ("objects".equals(name) && parser.currentToken() == JsonToken.START_ARRAY) {
                inBundleObjects = true;
                return true;
            }
            if ("id".equals(name) && parser.currentToken() == JsonToken.VALUE_STRING) {
                bundleId = parser.getString();
            }
            parser.skipChildren();
        }
    }

    private void expectEnd() {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new MalformedInputException(
                    sourceName + ": unexpected content after the JSON document" + location(parser.currentLocation()));
        }
    }

    private MalformedInputException truncated() {
        return new MalformedInputException(
                sourceName + ": unexpected end of input (truncated JSON)" + location(parser.currentLocation()));
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        return message != null && message.contains("end-of-input")
                ? "truncated JSON (unexpected end of input)"
                : "malformed JSON";
    }

    private static String location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Counts the bytes read from the underlying input. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private final java.util.concurrent.atomic.AtomicLong count;

        CountingStream(InputStream in, java.util.concurrent.atomic.AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** Fails a read as soon as a line grows past the limit, before it is held in memory. */
    private static final class LineLengthLimit extends java.io.FilterReader {
        private final int limit;
        private long current;
        private long line = 1;

        LineLengthLimit(java.io.Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            for (int i = offset; i < offset + Math.max(0, count); i++) {
                if (buffer[i] == '\n') {
                    current = 0;
                    line++;
                } else if (++current > limit) {
                    throw new IOException("line " + line + " is longer than " + limit + " characters");
                }
            }
            return count;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        input.close();
    }
}
