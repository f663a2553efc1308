package org.jcu.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class against the full application on a fresh PostgreSQL database (one shared context); skipped with
 * a message when no server is reachable outside CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgresql")
@EnabledIf("org.jcu.test.TestDatabases#postgresAvailable")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "jcu.bootstrap-admin=false")
@ContextConfiguration(initializers = TestDatabases.Postgres.class)
public @interface PostgresStore {}
