package org.jcu.observable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jcu.observable.warninglist.WarninglistHit;
import org.jcu.observable.warninglist.WarninglistLoader;
import org.jcu.observable.warninglist.Warninglists;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Warninglist flags on values: the shipped MISP warninglists, jcu's own {@code public-dns-v4} (the MISP list of
 * that id is not in the corpus), plus the lists in {@code jcu.warninglists.directory} (a list with a shipped list's id
 * replaces it). Matching values are flagged, never dropped, and raise no
 * correlation alerts (blind match notices).
 *
 * <p>Thread-safety: immutable after construction.
 */
@Component
public class ValueFlags {

    private final Warninglists lists;

    ValueFlags(@Value("${jcu.warninglists.directory:}") @Nullable String directory) {
        Warninglists defaults = Warninglists.defaults().with(List.of(jcuList("public-dns-v4")));
        if (directory != null && !directory.isBlank()) {
            Path dir = Path.of(directory);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("jcu.warninglists.directory: " + dir + " is not a directory");
            }
            try {
                defaults = defaults.with(WarninglistLoader.loadDirectory(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("jcu.warninglists.directory: cannot read " + dir, e);
            }
        }
        this.lists = defaults;
    }

    /** A list written for jcu (resources {@code warninglists-jcu/<id>.json}, MISP format). */
    private static org.jcu.observable.warninglist.WarninglistContent jcuList(String id) {
        String resource = "/warninglists-jcu/" + id + ".json";
        try (java.io.InputStream in = ValueFlags.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return WarninglistLoader.parse(id, resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A warninglist entry a value matches. */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Flag(String list, String name, String type, String entry) {}

    /** The warninglist entries {@code value} matches. */
    public List<Flag> flags(NormalizedValue value) {
        return toFlags(lists.match(value.kind(), value.value(), value.range()));
    }

    /** True if a stored value is on a warninglist. */
    boolean warninglisted(CorrelationStore.ValueRow row) {
        NormalizedValue value = Normalizer.normalize(row.kind(), row.value());
        return !lists.match(value.kind(), value.value(), value.range()).isEmpty();
    }

    /** The loaded lists. */
    public Warninglists lists() {
        return lists;
    }

    private static List<Flag> toFlags(List<WarninglistHit> hits) {
        return hits.stream()
                .map(h -> new Flag(h.listId(), h.listName(), h.type(), h.matchedEntry()))
                .toList();
    }
}
