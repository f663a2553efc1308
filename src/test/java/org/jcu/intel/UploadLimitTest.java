package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jcu.sharing.UserRole;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.jcu.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** {@code jcu.max-upload-bytes}: larger uploads are refused with 413 and nothing is imported. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jcu.bootstrap-admin=false", "jcu.max-upload-bytes=2000"})
@ContextConfiguration(initializers = TestDatabases.Sqlite.class)
class UploadLimitTest extends StoreFixture {

    @LocalServerPort
    int port;

    @Test
    void uploadsOverTheLimitAre413AndSmallerOnesAreImported() {
        resetStore();
        TestUser user = newUser(newOrganization("upload"), UserRole.ANALYST);
        Http http = new Http(port);
        String one =
                Stix.indicator(Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        StringBuilder many = new StringBuilder(one);
        for (int i = 0; i < 10; i++) {
            many.append(',')
                    .append(Stix.indicator(
                            Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""));
        }
        HttpResponse<String> tooBig = http.post(
                "/api/v1/bundles",
                Http.bearer(user.token()),
                "application/json",
                Stix.bundle(many.toString()).getBytes(StandardCharsets.UTF_8));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("jcu.max-upload-bytes=2000");
        assertThat(versionRows()).isZero();

        HttpResponse<String> small = http.post(
                "/api/v1/bundles",
                Http.bearer(user.token()),
                "application/json",
                Stix.bundle(one).getBytes(StandardCharsets.UTF_8));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(versionRows()).isEqualTo(1);
    }
}
