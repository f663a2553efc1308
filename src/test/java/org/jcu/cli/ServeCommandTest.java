package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcu.test.Http;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jcu serve} end to end: first start on an empty data directory creates the admin, prints its token once and
 * where the API is, loads the demo data; the printed token works on the REST API and TAXII.
 */
class ServeCommandTest {

    @Test
    void firstStartPrintsTheAdminTokenAndTheEndpointsAndLoadsDemoData(@TempDir Path data) {
        ServeCommand serve = new ServeCommand();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(serve).execute("--data", data.toString(), "--port", "0");
        } finally {
            System.setOut(original);
        }
        try {
            assertThat(code).isZero();
            String console = captured.toString(StandardCharsets.UTF_8);
            Matcher token = Pattern.compile("API token \\(shown only now[^)]*\\):\\s+(\\S+)")
                    .matcher(console);
            assertThat(token.find()).as(console).isTrue();
            Matcher api = Pattern.compile("REST API\\s+http://localhost:(\\d+)/api/v1/objects")
                    .matcher(console);
            assertThat(api.find()).as(console).isTrue();
            assertThat(console)
                    .contains("/taxii2/")
                    .contains("/swagger-ui.html")
                    .contains("Authorization: Bearer");

            Http http = new Http(Integer.parseInt(api.group(1)));
            HttpResponse<String> stats = http.get("/api/v1/stats", Http.bearer(token.group(1)), null);
            assertThat(stats.statusCode()).isEqualTo(200);
            assertThat(Stix.parse(stats.body()).get("total").asLong()).isEqualTo(1826);
            assertThat(http.get("/taxii2/", Http.basic("admin", token.group(1)), "application/taxii+json;version=2.1")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(data.resolve("jcu.db")).exists();
        } finally {
            if (serve.context != null) {
                serve.context.close();
            }
        }
    }
}
