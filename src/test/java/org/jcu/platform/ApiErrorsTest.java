package org.jcu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;

/** A database failure reaches the client as an incident id, never as SQL or the driver's message. */
class ApiErrorsTest {

    @Test
    void aDatabaseFailureAnswers500WithAnIncidentAndNoSql() {
        BadSqlGrammarException failure = new BadSqlGrammarException(
                "listing",
                "SELECT v.seq FROM object_version v WHERE h.org_id = 'secret-org' AND ()",
                new SQLException("[SQLITE_ERROR] near \")\": syntax error"));
        ResponseEntity<Map<String, Object>> answer = new ApiErrors().storeFailure(failure);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        String message = (String) answer.getBody().get("message");
        assertThat(message).matches("internal error; logged as incident [0-9a-f]{12}");
        assertThat(answer.getBody().toString()).doesNotContain("SELECT", "secret-org", "SQLITE");
        assertThat(Incidents.logged(failure)).isNotEqualTo(message);
    }
}
