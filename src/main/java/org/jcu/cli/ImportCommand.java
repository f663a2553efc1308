package org.jcu.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jcu.audit.AuditAction;
import org.jcu.audit.AuditActor;
import org.jcu.audit.AuditLog;
import org.jcu.intel.ImportOptions;
import org.jcu.intel.ImportReport;
import org.jcu.intel.ImportService;
import org.jcu.sharing.Directory;
import org.jcu.stix.StixJson;
import org.jcu.stix.StixObjectReader;
import org.jcu.stix.Violation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code jcu import FILE…}: offline on a data directory / database, or against a running server. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import STIX bundles (.json, .json.gz) or NDJSON (.ndjson, .jsonl, optionally .gz).",
            "STIX 2.0 input is upgraded to 2.1. Each file is one transaction: by default a file with any invalid",
            "object is rejected whole; --partial keeps the valid objects and reports the rest."
        })
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
    List<Path> files;

    @Mixin
    DataOptions data = new DataOptions();

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Sharing (default: the organisation's defaults)%n")
    SharingOptions sharing = new SharingOptions();

    @Option(
            names = "--org",
            paramLabel = "NAME",
            description = "Owning organisation for offline import (must exist unless --create-org). "
                    + "Default: the platform's own.")
    String organization;

    @Option(names = "--create-org", description = "Create the --org organisation if it does not exist.")
    boolean createOrganization;

    @Option(names = "--partial", description = "Keep valid objects of a file that has invalid ones.")
    boolean partial;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Import through a running server (e.g. http://localhost:8080) instead of offline. "
                    + "Token from JCU_TOKEN or --token-file; the owner is the token's organisation.")
    URI url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the API token for --url.")
    Path tokenFile;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                System.err.println("jcu import: cannot read " + file + ": " + whyUnreadable(file));
                return 2;
            }
        }
        return url != null ? remote() : offline();
    }

    /** Why {@code file} cannot be read, in the words of a shell: no such file, a directory, permission. */
    static String whyUnreadable(Path file) {
        if (!Files.exists(file)) {
            return "no such file (relative paths are taken from " + Path.of("").toAbsolutePath() + ")";
        }
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        return "permission denied";
    }

    private int offline() throws IOException {
        try (ConfigurableApplicationContext context = SpringRunner.offline(data.springProperties())) {
            ImportService imports = context.getBean(ImportService.class);
            AuditLog audit = context.getBean(AuditLog.class);
            Directory directory = context.getBean(Directory.class);
            String orgId;
            if (organization == null) {
                orgId = directory.platformOrganization().id();
            } else if (createOrganization) {
                orgId = directory.ensureOrganization(organization).id();
            } else {
                orgId = directory
                        .findOrganization(organization)
                        .orElseThrow(() -> new UsageException(
                                "no organisation named '" + organization + "' (add --create-org to create it)"))
                        .id();
            }
            org.jcu.sharing.HoldingSharing decided;
            try {
                decided =
                        context.getBean(org.jcu.sharing.SharingDecisions.class).resolve(orgId, sharing.request());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            int worst = 0;
            for (Path file : files) {
                ImportReport report;
                long started = System.nanoTime();
                try (StixObjectReader reader = StixObjectReader.open(file);
                        ProgressBar bar = quiet ? null : progressBar(file)) {
                    report = imports.importObjects(
                            reader, new ImportOptions(orgId, file.getFileName().toString(), partial, decided), n -> {
                                if (bar != null) {
                                    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                                    bar.stepTo(reader.bytesRead());
                                    bar.setExtraMessage(String.format(
                                            java.util.Locale.ROOT, "%,d obj, %,.0f obj/s", n, n / seconds));
                                }
                            });
                }
                long written = report.committed() ? report.imported() : 0;
                String outcome = file.toAbsolutePath() + " read=" + report.read() + " rejected=" + report.rejected();
                audit.record(AuditAction.IMPORT, AuditActor.cli(orgId), null, written, List.of(), outcome);
                print(report, System.out);
                worst = Math.max(worst, exitCode(report));
            }
            return worst;
        }
    }

    /** Progress against the file's size in bytes, with objects and objects/s as the extra message. */
    private ProgressBar progressBar(Path file) throws IOException {
        return new ProgressBarBuilder()
                .setTaskName(file.getFileName().toString())
                .setInitialMax(Math.max(1, Files.size(file)))
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(500)
                .build();
    }

    private int remote() throws IOException, InterruptedException {
        String token = System.getenv("JCU_TOKEN");
        if (tokenFile != null) {
            token = Files.readString(tokenFile).strip();
        }
        if (token == null || token.isBlank()) {
            System.err.println("jcu import --url: set JCU_TOKEN or pass --token-file");
            return 2;
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int worst = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String format =
                    StixObjectReader.Format.fromFileName(name) == StixObjectReader.Format.NDJSON ? "ndjson" : "json";
            URI target = URI.create(url.toString().replaceAll("/+$", "") + "/api/v1/bundles?format=" + format
                    + "&partial=" + partial + "&source=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + sharing.queryParameters());
            HttpRequest request = HttpRequest.newBuilder(target)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            if (!quiet) {
                System.err.println("uploading " + name + " (" + Files.size(file) + " bytes) to " + url);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                System.err.println("jcu import: cannot reach " + url + ": " + e);
                return 1;
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                System.err.println("jcu import: the server refused the token (HTTP " + response.statusCode() + ")");
                return JcuCli.EXIT_AUTH;
            }
            JsonNode body;
            try {
                body = StixJson.mapper().readTree(response.body());
            } catch (RuntimeException e) {
                System.err.println(
                        "jcu import: unexpected answer HTTP " + response.statusCode() + ": " + response.body());
                return 1;
            }
            if (!body.has("source")) {
                System.err.println("jcu import: HTTP " + response.statusCode() + ": "
                        + (body.has("message") ? body.get("message").asString() : response.body()));
                return response.statusCode() == 400 ? 2 : 1;
            }
            ImportReport report = StixJson.mapper().treeToValue(body, ImportReport.class);
            print(report, System.out);
            worst = Math.max(worst, exitCode(report));
        }
        return worst;
    }

    static int exitCode(ImportReport report) {
        if (report.error() != null) {
            return JcuCli.EXIT_MALFORMED;
        }
        return report.rejected() > 0 ? JcuCli.EXIT_REJECTED : 0;
    }

    static void print(ImportReport report, PrintStream out) {
        if (report.error() != null) {
            out.println(report.source() + ": REJECTED, nothing written: " + report.error());
            return;
        }
        boolean rejectedWhole = !report.committed() && report.rejected() > 0 && report.imported() > 0;
        String outcome = !rejectedWhole
                ? ""
                : "REJECTED whole (nothing written; use --partial to keep the valid " + "objects): would have ";
        out.printf(
                "%s: %simported %d, unchanged %d, rejected %d (read %d, upgraded from STIX 2.0 %d)"
                        + " in %.1f s, %.0f objects/s%n",
                report.source(),
                outcome,
                report.imported(),
                report.unchanged(),
                report.rejected(),
                report.read(),
                report.upgraded(),
                report.seconds(),
                report.objectsPerSecond());
        for (Violation v : report.violations()) {
            out.println("  " + v);
        }
        if (report.rejected() > report.violations().size()) {
            out.println("  (only the first " + report.violations().size() + " problems are listed)");
        }
        if (report.notIndexed() > 0) {
            out.println(
                    "  kept but not correlated: " + report.notIndexed() + " observable values that do not normalise");
            for (Violation w : report.warnings()) {
                out.println("  " + w);
            }
        }
    }
}
