package org.jcu;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Spring application: component scan root for every feature package. Started by {@code jcu serve} (web) and by
 * offline data commands such as {@code jcu import --data DIR} (no web server).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JcuApplication {

    /** The platform clock (UTC); tests replace it to control time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
