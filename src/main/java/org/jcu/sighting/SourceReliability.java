package org.jcu.sighting;

import java.time.Clock;
import java.util.List;
import org.jcu.stix.StixTimestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Each organisation's reliability as a source (admiralty grade; table {@code source_reliability}), set by a
 * platform admin; organisations nobody graded are {@link Reliability#F}.
 *
 * <p>Thread-safety: stateless.
 */
@Service
public class SourceReliability {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SourceReliability(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The grade of {@code orgId} (F when none was set). */
    public Reliability of(String orgId) {
        List<String> grades =
                jdbc.queryForList("SELECT grade FROM source_reliability WHERE org_id = ?", String.class, orgId);
        return grades.isEmpty() ? Reliability.F : Reliability.valueOf(grades.get(0));
    }

    /** Sets the grade of {@code orgId}; the caller checked it is a platform admin and the organisation exists. */
    public void set(String orgId, Reliability grade, String userId) {
        String now = StixTimestamps.micros(clock.instant());
        jdbc.update(
                "INSERT INTO source_reliability (org_id, grade, set_by, set_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (org_id) DO UPDATE SET grade = excluded.grade, set_by = excluded.set_by,"
                        + " set_at = excluded.set_at",
                orgId,
                grade.name(),
                userId,
                now);
    }
}
