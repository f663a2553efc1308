package org.jcu.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.jcu.JcuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jcu serve}: the web application (REST API, TAXII 2.1, OpenAPI). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the jcu server on embedded SQLite (or PostgreSQL with --db).",
            "On first start it creates the admin user and loads the demo data set (MITRE ATT&CK for ICS)."
        })
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--port", description = "HTTP port. Default: ${DEFAULT-VALUE}", defaultValue = "8080")
    int port;

    @Option(names = "--no-demo", description = "Do not load the demo data set on first start.")
    boolean noDemo;

    /** The running application (tests close it). */
    ConfigurableApplicationContext context;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = data.springProperties();
        properties.put("server.port", Integer.toString(port));
        properties.put("jcu.bootstrap-admin", "true");
        properties.put("jcu.demo-data", Boolean.toString(!noDemo));
        context = new SpringApplicationBuilder(JcuApplication.class).run(SpringRunner.arguments(properties));
        String actualPort = context.getEnvironment().getProperty("local.server.port", Integer.toString(port));
        String base = "http://localhost:" + actualPort;
        System.out.println();
        System.out.println("  jcu is running ("
                + (data.database == null ? "SQLite in " + properties.get("jcu.data-dir") : "PostgreSQL") + ")");
        System.out.println("    REST API     " + base + "/api/v1/objects");
        System.out.println("    API docs     " + base + "/swagger-ui.html  (OpenAPI: " + base + "/v3/api-docs)");
        System.out.println("    TAXII 2.1    " + base + "/taxii2/");
        System.out.println(
                "  Authenticate with 'Authorization: Bearer <token>' (TAXII clients: HTTP Basic, user 'admin',");
        System.out.println(
                "  password = the token). The admin token was printed at first start or set by JCU_ADMIN_TOKEN.");
        System.out.println();
        return 0;
    }
}
