package org.jcu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** {@code jcu.audit.*} binding: defaults, the documented environment variables, and refused values. */
class AuditPropertiesTest {

    private static AuditProperties bindEnvironment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("jcu.audit", AuditProperties.class);
    }

    @Test
    void defaultsAreNoFilesFiveHundredEntriesAndTwoHundredMilliseconds() {
        AuditProperties properties = bindEnvironment(Map.of());

        assertThat(properties.keyFile()).isNull();
        assertThat(properties.anchorFile()).isNull();
        assertThat(properties.batchSize()).isEqualTo(500);
        assertThat(properties.batchInterval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void jcuAuditKeyFileAndAnchorFileComeFromTheEnvironment() {
        AuditProperties properties = bindEnvironment(
                Map.of("JCU_AUDIT_KEY_FILE", "/secrets/audit.key", "JCU_AUDIT_ANCHOR_FILE", "/anchors/audit.anchor"));

        assertThat(properties.keyFile()).isEqualTo(Path.of("/secrets/audit.key"));
        assertThat(properties.anchorFile()).isEqualTo(Path.of("/anchors/audit.anchor"));
    }

    @Test
    void aBatchSizeOutOfRangeIsRefusedNamingTheProperty() {
        MockEnvironment environment = new MockEnvironment().withProperty("jcu.audit.batch-size", "0");

        assertThatThrownBy(() -> Binder.get(environment).bindOrCreate("jcu.audit", AuditProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("jcu.audit.batch-size must be between 1 and 10000, got 0");
    }
}
