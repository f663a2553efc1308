package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline administration commands, end to end on an embedded store: what they write is what imports use. */
class DirectoryCommandsTest {

    @TempDir
    Path tmp;

    Cli.Result jcu(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = tmp.resolve("data").toString();
        return Cli.run(all);
    }

    String ok(String... args) {
        Cli.Result result = jcu(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        // a real `jcu` process logs to standard error (logback-spring.xml); inside this shared test JVM the logging
        // system may already be set up by another context and write to standard output, so drop log lines here
        return result.out()
                .lines()
                .filter(line -> !line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) .*"))
                .collect(java.util.stream.Collectors.joining("\n"))
                .strip();
    }

    @Test
    void administersTheDirectoryAndImportsShareAsConfigured() throws IOException {
        String csirt = ok("org", "create", "CERT-XY", "--country", "FR", "--role", "CSIRT", "--role", "SPOC");
        String bank = ok(
                "org",
                "create",
                "Bank",
                "--country",
                "DE",
                "--compartment",
                "private",
                "--sector",
                "BANKING",
                "--served-by",
                "CERT-XY");
        assertThat(ok("org", "list")).contains("CERT-XY\tFR\tGOVERNMENT").contains(bank + "\tBank\tDE\tPRIVATE");
        String community = ok("community", "create", "Energy ISAC", "--kind", "private_partners");
        ok("community", "link", "Energy ISAC", "CSIRTs Network");
        String mou = ok(
                "mou",
                "record",
                "Energy ISAC",
                "--reference",
                "MoU-7",
                "--signed",
                "2026-01-05",
                "--from",
                "2026-01-05",
                "--party",
                "CERT-XY",
                "--party",
                "Bank");
        assertThat(ok("community", "list")).contains(community + "\tEnergy ISAC\tPRIVATE_PARTNERS");
        assertThat(ok("mou", "list", "--community", "Energy ISAC")).contains(mou + "\t" + community + "\tMoU-7");
        String group = ok(
                "sharing-group",
                "create",
                "Energy trusted",
                "--owner",
                "CERT-XY",
                "--member",
                "Bank",
                "--confidential");
        assertThat(ok("sharing-group", "list")).contains(group + "\tEnergy trusted\t" + csirt + "\ttrue");

        ok("user", "create", "alice", "--org", "CERT-XY", "--role", "org_admin");
        assertThat(ok("user", "reset-second-factor", "alice")).contains("'alice' had no second factor");
        Cli.Result noSuchUser = jcu("user", "reset-second-factor", "nobody-here");
        assertThat(noSuchUser.exitCode()).isEqualTo(2);
        assertThat(noSuchUser.err()).contains("jcu user reset-second-factor: no user named 'nobody-here'");
        String issued = ok("token", "issue", "alice", "--label", "ops", "--expires", "2099-01-01");
        String tokenId = issued.lines().findFirst().orElseThrow().substring("token_id ".length());
        assertThat(ok("token", "list", "--org", "CERT-XY"))
                .contains(tokenId + "\talice\tops")
                .doesNotContain(issued.lines().skip(1).findFirst().orElseThrow().substring("token ".length()));
        ok("token", "revoke", tokenId);
        assertThat(jcu("token", "revoke", tokenId).exitCode()).isEqualTo(2);

        ok(
                "org",
                "defaults",
                "CERT-XY",
                "--tlp",
                "green",
                "--distribution",
                "communities",
                "--community",
                "Energy ISAC");
        assertThat(ok("org", "list")).contains("CERT-XY\tFR\tGOVERNMENT\t[CSIRT, SPOC]\t-\t-\tTLP:GREEN\tCOMMUNITIES");

        // an import by CERT-XY now shares with the community by default; one naming a group it is in is accepted
        Path file = tmp.resolve("one.json");
        Files.writeString(
                file,
                Stix.bundle(Stix.indicator(
                        Stix.newId("indicator"), "2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z", "")));
        ok("import", "-q", file.toString(), "--org", "CERT-XY");
        ok(
                "import",
                "-q",
                file.toString(),
                "--org",
                "Bank",
                "--distribution",
                "sharing_groups",
                "--sharing-group",
                group);
        Cli.Result notMember = jcu(
                "import",
                "-q",
                file.toString(),
                "--org",
                "Bank",
                "--distribution",
                "communities",
                "--community",
                "IPCR");
        assertThat(notMember.exitCode()).isEqualTo(2);
        assertThat(notMember.err()).contains("IPCR").contains("no valid MoU membership");

        // bad values name the option
        Cli.Result bad = jcu("org", "create", "X", "--role", "WIZARD");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--role").contains("WIZARD");
        assertThat(jcu("org", "create", "Y", "--country", "ZZ").err())
                .startsWith("jcu org create: ")
                .contains("ISO 3166");
        ok("mou", "terminate", mou);
        assertThat(jcu("mou", "terminate", mou).exitCode()).isEqualTo(2);
    }
}
