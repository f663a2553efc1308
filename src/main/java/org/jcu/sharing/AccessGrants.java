package org.jcu.sharing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explicit grants by a holder to one organisation (decision 0016): the answer "yes" to an access request raised
 * from a blind match notice. A grant is a {@code holding_target} of kind {@link #GRANT} on the holder's own holding;
 * {@link AccessPolicy} lets the grantee see that holding whatever its distribution and compartment, except TLP:RED
 * holdings, which are never granted (their audience is only the named recipients). Granted versions are announced
 * again so TAXII pollers of the grantee receive them ({@link AudienceChange}).
 *
 * <p>Thread-safety: stateless; writes join the caller's transaction.
 */
@Service
public class AccessGrants {

    /** The {@code holding_target.kind} of a grant. */
    public static final String GRANT = "GRANT";

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    AccessGrants(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Grants {@code granteeOrg} the holdings of {@code holderOrg} on {@code versionSeqs} that are not TLP:RED, of
     * objects {@code holderOrg} owns (first submitted): a recipient never passes on what it received (decision 0010).
     * Other holdings are ignored.
     *
     * @return the version positions newly granted
     */
    @Transactional
    public List<Long> grant(String holderOrg, String granteeOrg, List<Long> versionSeqs) {
        List<Long> granted = new ArrayList<>();
        for (int from = 0; from < versionSeqs.size(); from += CHUNK) {
            List<Long> chunk = versionSeqs.subList(from, Math.min(versionSeqs.size(), from + CHUNK));
            List<Object> args = new ArrayList<>();
            args.add(holderOrg);
            args.addAll(chunk);
            args.add(granteeOrg);
            granted.addAll(jdbc.queryForList(
                    "SELECT h.version_seq FROM holding h JOIN object_version v ON v.seq = h.version_seq"
                            + " WHERE h.org_id = ? AND v.owner_org = h.org_id AND h.tlp <> 'TLP:RED' AND h.version_seq IN ("
                            + "?,".repeat(chunk.size() - 1) + "?) AND NOT EXISTS (SELECT 1 FROM holding_target t"
                            + " WHERE t.version_seq = h.version_seq AND t.org_id = h.org_id AND t.kind = '" + GRANT
                            + "' AND t.target_id = ?) ORDER BY h.version_seq",
                    Long.class,
                    args.toArray()));
        }
        if (granted.isEmpty()) {
            return granted;
        }
        jdbc.batchUpdate(
                "INSERT INTO holding_target (version_seq, org_id, kind, target_id) VALUES (?, ?, '" + GRANT + "', ?)",
                granted,
                granted.size(),
                (ps, seq) -> {
                    ps.setLong(1, seq);
                    ps.setString(2, holderOrg);
                    ps.setString(3, granteeOrg);
                });
        for (int from = 0; from < granted.size(); from += CHUNK) {
            List<Long> chunk = granted.subList(from, Math.min(granted.size(), from + CHUNK));
            events.publishEvent(new AudienceChange(
                    "SELECT version_seq FROM holding WHERE version_seq IN (" + "?,".repeat(chunk.size() - 1) + "?)",
                    List.copyOf(chunk),
                    "access granted by " + holderOrg + " to " + granteeOrg));
        }
        return granted;
    }
}
