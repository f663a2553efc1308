package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jcu} offline on a temporary data directory (embedded SQLite). Each offline data command boots the
 * application context (about 3 s), so the commands that need one are grouped: seven boots in all. Usage errors are
 * decided before any context starts.
 */
class JcuCliTest {

    private static final String TS = "2024-03-01T12:00:00.000Z";
    private static final String EARLIER = "2023-03-01T12:00:00.000Z";

    @TempDir
    Path tmp;

    @Test
    void importsAttackForIcsOnceThenReportsItUnchangedAndCountsItPerType() throws IOException {
        Path file = Corpus.path("mitre-attack-stix21/ics-attack-18.1.json");
        Path data = tmp.resolve("data");
        Map<String, Long> expected = Stix.objects(file).stream()
                .collect(Collectors.groupingBy(o -> o.get("type").stringValue(), TreeMap::new, Collectors.counting()));

        Cli.Result first = Cli.run("import", "--data", data.toString(), "-q", file.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("ics-attack-18.1.json").contains("imported 1826, unchanged 0, rejected 0");

        Cli.Result again = Cli.run("import", "--data", data.toString(), "-q", file.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("imported 0, unchanged 1826, rejected 0");

        Cli.Result stats = Cli.run("stats", "--data", data.toString());
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        Map<String, Long> counts = stats.statsCounts();
        assertThat(counts.remove("total")).isEqualTo(1826L);
        assertThat(new TreeMap<>(counts)).isEqualTo(expected);
    }

    @Test
    void invalidObjectRejectsTheWholeFileUnlessPartialAndMalformedInputWritesNothing() throws IOException {
        Path data = tmp.resolve("data");
        Path vulnerabilities =
                write("vulnerabilities.json", Stix.bundle(vulnerability(TS, TS), vulnerability(TS, EARLIER)));
        Path indicators = write(
                "indicators.json", Stix.bundle(indicator(TS, TS), indicator(TS, EARLIER), indicator(EARLIER, TS)));
        String truncatedText = Stix.bundle(intrusionSet(), intrusionSet(), intrusionSet());
        Path truncated = write("truncated.json", truncatedText.substring(0, truncatedText.length() - 30));

        Cli.Result whole = Cli.run("import", "--data", data.toString(), "-q", vulnerabilities.toString());
        assertThat(whole.exitCode()).as(whole.toString()).isEqualTo(JcuCli.EXIT_REJECTED);
        assertThat(whole.out())
                .contains("REJECTED whole")
                .contains("would have imported 1, unchanged 0, rejected 1 (read 2")
                .contains("[modified-before-created]");

        Cli.Result partial = Cli.run("import", "--data", data.toString(), "--partial", "-q", indicators.toString());
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(JcuCli.EXIT_REJECTED);
        assertThat(partial.out())
                .doesNotContain("REJECTED")
                .contains("imported 2, unchanged 0, rejected 1")
                .contains("/modified [modified-before-created]");

        Cli.Result malformed = Cli.run("import", "--data", data.toString(), "--partial", "-q", truncated.toString());
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(JcuCli.EXIT_MALFORMED);
        assertThat(malformed.out())
                .contains("truncated.json")
                .contains("REJECTED, nothing written")
                .contains("truncated JSON");

        Cli.Result stats = Cli.run("stats", "--data", data.toString());
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(stats.statsCounts()).containsExactly(Map.entry("indicator", 2L), Map.entry("total", 2L));
    }

    @Test
    void aStoreThatCannotStartEndsWithItsCauseInOneLineAndLeavesTheOtherStoreIntact() throws IOException {
        // two stores sharing audit files: the second one's database is not the one the anchor names
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        Path bundle = write("one.json", Stix.bundle(indicator(TS, TS)));
        assertThat(Cli.run("import", "--data", first.toString(), bundle.toString())
                        .exitCode())
                .isZero();
        Files.createDirectories(second);
        Files.copy(first.resolve("audit.key"), second.resolve("audit.key"));
        Files.copy(first.resolve("audit.anchor"), second.resolve("audit.anchor"));

        Cli.Result refused = Cli.run("stats", "--data", second.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err())
                .contains("jcu stats: cannot start: the audit anchor ")
                .contains("belongs to another database")
                .doesNotContain("\tat org.springframework");
        Cli.Result verified = Cli.run("audit", "verify", "--data", first.toString());
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        // verifying the second store reports the finding (exit 6) instead of failing to start
        Cli.Result foreign = Cli.run("audit", "verify", "--data", second.toString());
        assertThat(foreign.exitCode()).as(foreign.toString()).isEqualTo(JcuCli.EXIT_AUDIT_BROKEN);
        assertThat(foreign.out()).contains("belongs to another database");
    }

    @Test
    void unreadableFileIsAUsageError() {
        Path missing = tmp.resolve("no-such-file.json");

        Cli.Result result = Cli.run("import", "--data", tmp.resolve("data").toString(), missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("cannot read")
                .contains("no-such-file.json")
                .contains(": no such file");
        assertThat(tmp.resolve("data")).as("no store created").doesNotExist();
    }

    @Test
    void importWithoutFilesOrWithAnUnknownOptionIsAUsageError() {
        Cli.Result noFiles = Cli.run("import", "--data", tmp.toString());
        Cli.Result unknown = Cli.run("stats", "--colour", "--data", tmp.toString());

        assertThat(noFiles.exitCode()).isEqualTo(2);
        assertThat(noFiles.err()).contains("FILE");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--colour");
    }

    @Test
    void helpOfJcuListsCommandsAndExitCodes() {
        Cli.Result help = Cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: jcu")
                .contains("serve")
                .contains("import")
                .contains("stats")
                .contains("Exit codes:")
                .contains("malformed or truncated input");
    }

    @ParameterizedTest(name = "jcu {0} --help")
    @ValueSource(strings = {"serve", "import", "stats"})
    void helpOfEachCommandShowsItsUsage(String command) {
        Cli.Result help = Cli.run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("Usage: jcu " + command)
                .contains("--data")
                .contains("--db");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void helpSubcommandShowsTheCommandsUsage() {
        Cli.Result help = Cli.run("help", "import");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: jcu import").contains("--partial");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"import", "stats"})
    void refusesADatabaseThatIsNotPostgresql(String command) throws IOException {
        Path file = write("empty.json", Stix.bundle());
        String[] args = command.equals("import")
                ? new String[] {"import", "--data", tmp.toString(), "--db", "mysql://x", file.toString()}
                : new String[] {"stats", "--data", tmp.toString(), "--db", "mysql://x"};

        Cli.Result result = Cli.run(args);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("--db must look like postgresql://host:port/database, got: mysql://x");
    }

    @Test
    void refusesDatabaseCredentialsOnTheCommandLineWithoutEchoingThem() throws IOException {
        Path file = write("empty.json", Stix.bundle());

        Cli.Result result = Cli.run(
                "import", "--data", tmp.toString(), "--db", "postgresql://user:s3cret@host/db", file.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err())
                .contains("--db must not contain credentials")
                .contains("JCU_DB_PASSWORD")
                .doesNotContain("s3cret");
        assertThat(result.out()).doesNotContain("s3cret");
    }

    @Test
    void usageErrorsExitWith2AndPasswordsInTheQueryAreRefusedToo() throws IOException {
        Path file = write("empty.json", Stix.bundle());
        Cli.Result badDb = Cli.run("stats", "--data", tmp.toString(), "--db", "mysql://x");
        assertThat(badDb.exitCode()).isEqualTo(2);
        Cli.Result query = Cli.run(
                "import", "--data", tmp.toString(), "--db", "postgresql://host/db?user=u&password=p", file.toString());
        assertThat(query.exitCode()).isEqualTo(2);
        assertThat(query.err()).contains("must not contain credentials");
    }

    @Test
    void anUnknownOrganisationIsRefusedUnlessCreateOrgIsGiven() throws IOException {
        Path file = write(
                "one.json",
                Stix.bundle(Stix.indicator(
                        Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "")));
        Cli.Result typo = Cli.run("import", "-q", "--data", tmp.toString(), "--org", "CERT-XX typo", file.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("no organisation named 'CERT-XX typo'").contains("--create-org");
        Cli.Result created =
                Cli.run("import", "-q", "--data", tmp.toString(), "--org", "CERT-XX", "--create-org", file.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("imported 1");
    }

    @Test
    void versionIsPrinted() {
        Cli.Result version = Cli.run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("jcu ");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static String indicator(String created, String modified) {
        return Stix.indicator(Stix.newId("indicator"), created, modified, "");
    }

    private static String vulnerability(String created, String modified) {
        return """
                {"type":"vulnerability","spec_version":"2.1","id":"%s","created":"%s","modified":"%s","name":"CVE-2024-0001"}""".formatted(Stix.newId("vulnerability"), created, modified);
    }

    private static String intrusionSet() {
        return """
                {"type":"intrusion-set","spec_version":"2.1","id":"%s","created":"%s","modified":"%s","name":"APT-T"}""".formatted(Stix.newId("intrusion-set"), TS, TS);
    }
}
