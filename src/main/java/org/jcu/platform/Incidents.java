package org.jcu.platform;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side failures answered without their text: a database error's message holds SQL with the reader's access
 * predicate and values, which a client must not see; the log keeps it under an incident id the answer names.
 *
 * <p>Thread-safety: stateless.
 */
public final class Incidents {

    private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);

    private Incidents() {}

    /**
     * Logs {@code failure} at ERROR with a new incident id.
     *
     * @return the text for the client: "internal error; logged as incident ID" (ID: 12 hex digits)
     */
    public static String logged(Exception failure) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        LOG.error("incident {}", id, failure);
        return "internal error; logged as incident " + id;
    }
}
