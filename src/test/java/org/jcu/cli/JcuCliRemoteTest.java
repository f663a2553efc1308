package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jcu.sharing.UserRole;
import org.jcu.test.SqliteStore;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code jcu import --url} and {@code jcu stats --url} against the real server on a random port (SQLite). */
@SqliteStore
class JcuCliRemoteTest extends StoreFixture {

    private static final String TS = "2024-03-01T12:00:00.000Z";

    @LocalServerPort
    int port;

    @TempDir
    Path tmp;

    String url;
    Path tokenFile;

    @BeforeEach
    void setUp() throws IOException {
        resetStore();
        url = "http://127.0.0.1:" + port;
        TestUser analyst = newUser(newOrganization("cli"), UserRole.ANALYST);
        tokenFile = Files.writeString(tmp.resolve("token"), analyst.token() + "\n");
    }

    @Test
    void importsThroughTheServerAndCountsWhatItStored() throws IOException {
        Path bundle = write("two.json", Stix.bundle(indicator(TS), indicator(TS)));

        Cli.Result imported =
                Cli.run("import", "--url", url, "--token-file", tokenFile.toString(), "-q", bundle.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("two.json").contains("imported 2, unchanged 0, rejected 0");

        Cli.Result stats = Cli.run("stats", "--url", url, "--token-file", tokenFile.toString());
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(stats.statsCounts()).containsExactly(Map.entry("indicator", 2L), Map.entry("total", 2L));
    }

    @Test
    void importsNdjsonThroughTheServer() throws IOException {
        Path ndjson = write("objects.ndjson", indicator(TS) + "\n\n" + indicator(TS) + "\n" + indicator(TS) + "\n");

        Cli.Result imported =
                Cli.run("import", "--url", url, "--token-file", tokenFile.toString(), "-q", ndjson.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("imported 3");
    }

    @Test
    void reportsRejectedAndMalformedInputWithTheirExitCodes() throws IOException {
        Path invalid = write("invalid.json", Stix.bundle(indicator(TS), indicator("2020-01-01T00:00:00.000Z")));
        String text = Stix.bundle(indicator(TS));
        Path truncated = write("truncated.json", text.substring(0, text.length() - 20));

        Cli.Result rejected =
                Cli.run("import", "--url", url, "--token-file", tokenFile.toString(), "-q", invalid.toString());
        Cli.Result malformed =
                Cli.run("import", "--url", url, "--token-file", tokenFile.toString(), "-q", truncated.toString());

        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(JcuCli.EXIT_REJECTED);
        assertThat(rejected.out()).contains("REJECTED whole").contains("[modified-before-created]");
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(JcuCli.EXIT_MALFORMED);
        assertThat(malformed.out()).contains("REJECTED, nothing written").contains("truncated");
        assertThat(versionRows()).isZero();
    }

    @Test
    void wrongTokenIsRefusedWithExitCode5() throws IOException {
        Path wrong = Files.writeString(tmp.resolve("wrong-token"), "not-a-valid-token");
        Path bundle = write("one.json", Stix.bundle(indicator(TS)));

        Cli.Result imported =
                Cli.run("import", "--url", url, "--token-file", wrong.toString(), "-q", bundle.toString());
        Cli.Result stats = Cli.run("stats", "--url", url, "--token-file", wrong.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(JcuCli.EXIT_AUTH);
        assertThat(imported.err()).contains("refused the token");
        assertThat(stats.exitCode()).as(stats.toString()).isEqualTo(JcuCli.EXIT_AUTH);
        assertThat(versionRows()).isZero();
    }

    @Test
    void unreachableServerIsARuntimeFailure() throws IOException {
        Path bundle = write("one.json", Stix.bundle(indicator(TS)));

        Cli.Result imported = Cli.run(
                "import", "--url", "http://127.0.0.1:1", "--token-file", tokenFile.toString(), "-q", bundle.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(1);
        assertThat(imported.err()).contains("cannot reach");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static String indicator(String modified) {
        return Stix.indicator(Stix.newId("indicator"), TS, modified, "");
    }
}
