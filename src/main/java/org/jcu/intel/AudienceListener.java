package org.jcu.intel;

import java.time.Clock;
import org.jcu.sharing.AudienceChange;
import org.jcu.stix.StixTimestamps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the versions an {@link AudienceChange} concerns to new delivery positions, inside the transaction that made
 * the change and under the writer lock, so that readers who can see them now receive them after this moment.
 */
@Component
class AudienceListener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AudienceListener.class);

    private final IntelStore store;
    private final Clock clock;

    AudienceListener(IntelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void onAudienceChange(AudienceChange change) {
        store.lockWriters();
        int moved = store.announce(change.selection(), change.args(), StixTimestamps.micros(clock.instant()));
        if (moved > 0) {
            LOG.info("{}: {} object versions announced again to their new audience", change.reason(), moved);
        } else {
            LOG.debug("{}: no object version concerned", change.reason());
        }
    }
}
