package org.jcu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcu.JcuApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the application context for offline data commands (no web server, quiet logs). A context that cannot start
 * throws {@link StartupException}: the CLI prints Spring's failure analysis (logged) and one line naming the cause;
 * {@code JCU_CLI_TRACE=1} adds the stack trace.
 */
final class SpringRunner {

    private SpringRunner() {}

    static ConfigurableApplicationContext offline(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("logging.level.root", "WARN");
        all.put("logging.level.org.jcu", "INFO");
        // commands print their results on standard output; logs go to standard error
        all.put("jcu.console-log-target", "System.err");
        all.put("spring.main.log-startup-info", "false");
        // a failed start: Spring's failure analysis (logged) and the CLI's one-line cause, not a stack trace
        all.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        all.put("jcu.demo-data", "false");
        try {
            return new SpringApplicationBuilder(JcuApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(arguments(all));
        } catch (RuntimeException e) {
            throw new StartupException(e);
        }
    }

    /** The application context of an offline command could not start (settings, database, audit key or anchor). */
    static final class StartupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Properties as command-line arguments, which take precedence over {@code application.properties} (default
     * properties would not).
     */
    static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
