package org.jcu.observable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jcu.sharing.AccessGrants;
import org.jcu.sharing.AccessPolicy;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.UserRole;
import org.jcu.stix.StixTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blind match notices and the access requests they allow (decision 0016).
 *
 * <p>A notice tells an organisation that a value <em>it holds in its own objects</em> is also held in objects it may
 * not see, owned by other organisations: only the value, and the number of those owners as a bucket ({@code 1},
 * {@code 2-4}, {@code 5+}), shown only when the number is at least {@code jcu.correlation.blind-notice-minimum}.
 * Owners count only through their own non-TLP:RED holdings; values on a warninglist give no notice. Nothing names
 * an owner, an object, a marking or an exact count. Because notices exist only for values the organisation holds,
 * nobody can probe arbitrary values; submitting a value to probe leaves the submission in the store, attributed.
 *
 * <p>An access request goes to every such owner; each grants or refuses for its own objects. A grant lets the
 * requesting organisation see the owner's versions holding the value ({@link AccessGrants}); the requester learns
 * only that it now sees them.
 *
 * <p>Thread-safety: thread-safe.
 */
@Service
public class BlindNotices {

    /** States of one owner's answer. */
    public enum State {
        PENDING,
        GRANTED,
        REFUSED
    }

    private final JdbcTemplate jdbc;
    private final CorrelationStore store;
    private final CorrelationProperties properties;
    private final AccessGrants grants;
    private final ValueFlags flags;
    private final Clock clock;

    BlindNotices(
            JdbcTemplate jdbc,
            CorrelationStore store,
            CorrelationProperties properties,
            AccessGrants grants,
            ValueFlags flags,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.grants = grants;
        this.flags = flags;
        this.clock = clock;
    }

    /**
     * A notice.
     *
     * @param valueId the value's id (used to request access)
     * @param kind    the value's kind code
     * @param value   the normalised value (one the reader's organisation holds)
     * @param owners  bucket of the number of other owners: {@code 1}, {@code 2-4} or {@code 5+}
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Notice(String valueId, String kind, String value, String owners) {}

    /** Buckets a count of owners: 1, 2-4, 5+. */
    static String bucket(long owners) {
        return owners <= 1 ? "1" : owners <= 4 ? "2-4" : "5+";
    }

    /** The notice for one value, if the reader's organisation holds it and the owners reach the minimum. */
    public Optional<Notice> notice(AccessScope scope, long valueId) {
        // the candidate is the value only if the reader's organisation holds it: nothing else is evaluated for values
        // it does not hold, so the cost of asking says nothing about other organisations' holdings
        return noticed(
                        scope,
                        "SELECT o.value_id FROM observable o JOIN holding h ON h.version_seq = o.version_seq"
                                + " WHERE o.value_id = ? AND h.org_id = ? LIMIT 1",
                        List.of(valueId, scope.orgId()),
                        1)
                .stream()
                .map(Noticed::notice)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * Every notice of the reader's organisation, by value id; at most {@code limit} after {@code afterValueId}.
     */
    public List<Notice> notices(AccessScope scope, @Nullable Long afterValueId, int limit) {
        List<Notice> out = new ArrayList<>();
        long after = afterValueId == null ? Long.MIN_VALUE : afterValueId;
        while (out.size() < limit) {
            // the whole condition of a notice is in the SQL: the values it passes over cost a few row reads more or
            // less, never a round of queries, whether their other holders are hidden, visible, TLP:RED or below the
            // minimum (decision 0016); values nobody else owns are left out first (an index probe each)
            List<Noticed> page = noticed(
                    scope,
                    "SELECT DISTINCT o.value_id FROM holding h JOIN observable o ON o.version_seq = h.version_seq"
                            + " WHERE h.org_id = ? AND o.value_id > ? AND EXISTS (SELECT 1 FROM observable o2"
                            + " JOIN object_version ov ON ov.seq = o2.version_seq WHERE o2.value_id = o.value_id"
                            + " AND ov.owner_org <> ?)",
                    List.of(scope.orgId(), after, scope.orgId()),
                    limit - out.size());
            if (page.isEmpty()) {
                break;
            }
            for (Noticed n : page) {
                after = n.valueId();
                n.notice().ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The notices among {@code candidates} (SQL selecting {@code value_id}s the reader's organisation holds, with
     * {@code candidateArgs}), by value id, at most {@code limit} rows: values with at least one hidden non-RED owner
     * and, with the owners that granted this organisation's requests (they still count: otherwise a grant would make
     * the bucket drop and reveal how many owners remain hidden), at least the minimum of owners. A warninglisted
     * value comes back without a notice (it raises none; kept for paging).
     */
    private List<Noticed> noticed(AccessScope scope, String candidates, List<Object> candidateArgs, int limit) {
        String hidden = hiddenOwnersSql(scope, "c.value_id");
        List<Object> args = new ArrayList<>();
        args.add(scope.orgId()); // hidden owners in the count
        args.add(scope.orgId()); // granted requests
        args.addAll(candidateArgs);
        args.add(scope.orgId()); // hidden owners in EXISTS
        args.add(properties.blindNoticeMinimum());
        args.add(limit);
        List<long[]> rows = jdbc.query(
                "SELECT value_id, owners FROM (SELECT c.value_id, (SELECT COUNT(*) FROM (" + hidden
                        + " UNION SELECT a.owner_org FROM access_request_owner a JOIN access_request r"
                        + " ON r.id = a.request_id WHERE r.value_id = c.value_id AND r.requester_org = ?"
                        + " AND a.state = 'GRANTED') x) AS owners FROM (" + candidates + ") c WHERE EXISTS ("
                        + hidden + ")) n WHERE owners >= ? ORDER BY value_id LIMIT ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                args.toArray());
        List<Noticed> out = new ArrayList<>(rows.size());
        for (long[] row : rows) {
            CorrelationStore.ValueRow value = store.value(row[0]);
            out.add(new Noticed(
                    row[0],
                    value == null || flags.warninglisted(value)
                            ? Optional.empty()
                            : Optional.of(new Notice(
                                    Long.toString(row[0]), value.kind().code(), value.value(), bucket(row[1])))));
        }
        return out;
    }

    /** A value that met a notice's condition, and its notice unless warninglisted. */
    private record Noticed(long valueId, Optional<Notice> notice) {}

    /**
     * SQL of the owners (other than the reader, bound as the one parameter) of non-RED versions holding the value
     * {@code valueColumn} that the reader may not see.
     */
    private static String hiddenOwnersSql(AccessScope scope, String valueColumn) {
        return "SELECT ov.owner_org FROM observable o JOIN object_version ov ON ov.seq = o.version_seq"
                + " JOIN holding h ON h.version_seq = ov.seq AND h.org_id = ov.owner_org"
                + " WHERE o.value_id = " + valueColumn + " AND ov.owner_org <> ? AND h.tlp <> 'TLP:RED' AND NOT ("
                + AccessPolicy.versionPredicate("ov", scope) + ")";
    }

    /** Owners (other than the reader) of versions holding the value, non-RED, that the reader may not see. */
    private List<String> hiddenOwners(AccessScope scope, long valueId) {
        return jdbc.queryForList(
                "SELECT DISTINCT owner_org FROM (" + hiddenOwnersSql(scope, "?") + ") x ORDER BY 1",
                String.class,
                valueId,
                scope.orgId());
    }

    /** An access request as its requester sees it (no owners named or counted). */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RequestView(
            String id, String valueId, String kind, String value, String message, String createdAt, String state) {}

    /**
     * Sends an access request for the value of a current notice to its hidden owners.
     *
     * @throws NoNoticeException if there is no notice for this value for the reader (nothing else is revealed)
     * @throws IllegalStateException if the organisation already has a pending request for the value
     * @throws SecurityException if the reader may not write (org admin or analyst only)
     */
    @Transactional
    public RequestView request(AccessScope scope, long valueId, String message) {
        if (scope.role() != UserRole.ORG_ADMIN && scope.role() != UserRole.ANALYST) {
            throw new SecurityException("only an organisation admin or analyst sends access requests");
        }
        Notice notice = notice(scope, valueId).orElseThrow(NoNoticeException::new);
        if (message.length() > 2000) {
            throw new IllegalArgumentException("message: at most 2000 characters");
        }
        if (!jdbc.queryForList(
                        "SELECT 1 FROM access_request r WHERE r.value_id = ? AND r.requester_org = ? AND EXISTS"
                                + " (SELECT 1 FROM access_request_owner a WHERE a.request_id = r.id"
                                + " AND a.state = 'PENDING')",
                        Integer.class,
                        valueId,
                        scope.orgId())
                .isEmpty()) {
            throw new IllegalStateException("your organisation already has a pending access request for this value");
        }
        String id = UUID.randomUUID().toString();
        String now = StixTimestamps.micros(clock.instant());
        jdbc.update(
                "INSERT INTO access_request (id, value_id, requester_org, requester, message, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                id,
                valueId,
                scope.orgId(),
                scope.userId(),
                message,
                now);
        List<String> owners = hiddenOwners(scope, valueId);
        jdbc.batchUpdate(
                "INSERT INTO access_request_owner (request_id, owner_org, state) VALUES (?, ?, 'PENDING')",
                owners,
                owners.size(),
                (ps, owner) -> {
                    ps.setString(1, id);
                    ps.setString(2, owner);
                });
        return new RequestView(id, notice.valueId(), notice.kind(), notice.value(), message, now, "PENDING");
    }

    /** The reader organisation's own requests, newest first: ANSWERED once every owner answered, else PENDING. */
    public List<RequestView> sent(AccessScope scope) {
        return jdbc.query(
                "SELECT r.id, r.value_id, v.kind, v.value, r.message, r.created_at,"
                        + " (SELECT COUNT(*) FROM access_request_owner a WHERE a.request_id = r.id"
                        + " AND a.state = 'PENDING') FROM access_request r JOIN observable_value v ON v.id = r.value_id"
                        + " WHERE r.requester_org = ? ORDER BY r.created_at DESC, r.id",
                (rs, n) -> new RequestView(
                        rs.getString(1),
                        Long.toString(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7) > 0 ? "PENDING" : "ANSWERED"),
                scope.orgId());
    }

    /**
     * A request as an owner sees it: who asks, for which value, and the owner's own objects holding it.
     *
     * @param requester the requesting organisation's name
     * @param objects   STIX ids of the owner's objects holding the value
     */
    @tools.jackson.databind.annotation.JsonNaming(
            tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncomingRequest(
            String id,
            String requester,
            String kind,
            String value,
            String message,
            String createdAt,
            State state,
            List<String> objects) {}

    /** Requests addressed to the reader's organisation, newest first. */
    public List<IncomingRequest> received(AccessScope scope) {
        List<IncomingRequest> rows = jdbc.query(
                "SELECT r.id, o.name, v.kind, v.value, r.message, r.created_at, a.state, r.value_id"
                        + " FROM access_request_owner a JOIN access_request r ON r.id = a.request_id"
                        + " JOIN organization o ON o.id = r.requester_org JOIN observable_value v ON v.id = r.value_id"
                        + " WHERE a.owner_org = ? ORDER BY r.created_at DESC, r.id",
                (rs, n) -> new IncomingRequest(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        State.valueOf(rs.getString(7)),
                        ownedHolding(scope.orgId(), rs.getLong(8)).stream()
                                .map(OwnedVersion::stixId)
                                .distinct()
                                .toList()),
                scope.orgId());
        return rows;
    }

    private record OwnedVersion(long seq, String stixId) {}

    private List<OwnedVersion> ownedHolding(String ownerOrg, long valueId) {
        return jdbc.query(
                "SELECT ov.seq, ov.stix_id FROM observable o JOIN object_version ov ON ov.seq = o.version_seq"
                        + " JOIN holding h ON h.version_seq = ov.seq AND h.org_id = ov.owner_org"
                        + " WHERE o.value_id = ? AND ov.owner_org = ? AND h.tlp <> 'TLP:RED' ORDER BY ov.seq",
                (rs, n) -> new OwnedVersion(rs.getLong(1), rs.getString(2)),
                valueId,
                ownerOrg);
    }

    /**
     * Answers a pending request addressed to the reader's organisation.
     *
     * @throws NoNoticeException if no such request is addressed to the reader's organisation
     * @throws IllegalStateException if it was answered already
     * @throws SecurityException if the reader may not answer (org admin or analyst only)
     */
    @Transactional
    public IncomingRequest answer(AccessScope scope, String requestId, boolean grant) {
        if (scope.role() != UserRole.ORG_ADMIN && scope.role() != UserRole.ANALYST) {
            throw new SecurityException("only an organisation admin or analyst answers access requests");
        }
        List<String[]> rows = jdbc.query(
                "SELECT a.state, r.requester_org, r.value_id FROM access_request_owner a"
                        + " JOIN access_request r ON r.id = a.request_id WHERE a.request_id = ? AND a.owner_org = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))},
                requestId,
                scope.orgId());
        if (rows.isEmpty()) {
            throw new NoNoticeException();
        }
        String[] row = rows.get(0);
        if (!"PENDING".equals(row[0])) {
            throw new IllegalStateException("access request " + requestId + " was already answered: " + row[0]);
        }
        jdbc.update(
                "UPDATE access_request_owner SET state = ?, answered_by = ?, answered_at = ?"
                        + " WHERE request_id = ? AND owner_org = ?",
                grant ? "GRANTED" : "REFUSED",
                scope.userId(),
                StixTimestamps.micros(clock.instant()),
                requestId,
                scope.orgId());
        if (grant) {
            grants.grant(
                    scope.orgId(),
                    row[1],
                    ownedHolding(scope.orgId(), Long.parseLong(row[2])).stream()
                            .map(OwnedVersion::seq)
                            .toList());
        }
        return received(scope).stream()
                .filter(r -> r.id().equals(requestId))
                .findFirst()
                .orElseThrow();
    }

    /** No notice (or request) exists for the reader here; the API answers 404 and reveals nothing more. */
    public static final class NoNoticeException extends RuntimeException {
        NoNoticeException() {
            super("no such notice or access request");
        }
    }
}
