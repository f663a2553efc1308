package org.jcu.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jcu.intel.IntelQueries;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.Directory;
import org.jcu.sharing.UserRole;
import org.jcu.stix.StixJson;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code jcu stats}: object counts per STIX type (latest versions). */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Count stored objects (latest versions) per STIX type, offline or with --url.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Ask a running server (token from JCU_TOKEN or --token-file).")
    URI url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the API token for --url.")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (url == null) {
            try (ConfigurableApplicationContext context = SpringRunner.offline(data.springProperties())) {
                Directory directory = context.getBean(Directory.class);
                AccessScope scope = context.getBean(org.jcu.sharing.AccessScopes.class)
                        .forOrganization(directory.platformOrganization().id(), "cli", UserRole.PLATFORM_ADMIN);
                counts.putAll(context.getBean(IntelQueries.class).countsByType(scope));
            }
        } else {
            String token = tokenFile != null ? Files.readString(tokenFile).strip() : System.getenv("JCU_TOKEN");
            if (token == null || token.isBlank()) {
                System.err.println("jcu stats --url: set JCU_TOKEN or pass --token-file");
                return 2;
            }
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/+$", "") + "/api/v1/stats"))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("jcu stats: HTTP " + response.statusCode() + ": " + response.body());
                return response.statusCode() == 401 || response.statusCode() == 403 ? JcuCli.EXIT_AUTH : 1;
            }
            JsonNode body = StixJson.mapper().readTree(response.body()).path("types");
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                counts.put(e.getKey(), e.getValue().asLong());
            }
        }
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            System.out.printf("%-32s %10d%n", e.getKey(), e.getValue());
            total += e.getValue();
        }
        System.out.printf("%-32s %10d%n", "total", total);
        return 0;
    }
}
