package oidcprovider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for end-to-end tests: Spring Authorization Server (Boot's auto-configuration, its
 * own form login) in the test JVM on a random port at {@code http://localhost:<port>}, with one client {@value
 * #CLIENT_ID} whose redirect URI {@code http://127.0.0.1/login/oauth2/code/idp} accepts any port (loopback rule,
 * RFC 8252 §7.3). Tests add users and the extra ID-token claims each one gets ({@link #addUser}, which also replaces them).
 *
 * <p>The provider runs on {@code localhost} and jcu on {@code 127.0.0.1} so a browser keeps their session cookies
 * apart. This class lives outside {@code org.jcu} so that jcu's component scan never picks it up.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TestOidcProvider {

    /** Registration id of the provider in jcu's configuration. */
    public static final String REGISTRATION_ID = "idp";

    public static final String CLIENT_ID = "jcu";
    public static final String CLIENT_SECRET = "jcu-client-secret-for-tests";

    private static final Map<String, Map<String, Object>> CLAIMS = new ConcurrentHashMap<>();
    private static ConfigurableApplicationContext context;

    /** The issuer URL, starting the provider on first use. */
    public static synchronized String issuer() {
        if (context == null) {
            String client = "--spring.security.oauth2.authorizationserver.client.jcu.";
            context = new SpringApplicationBuilder(TestOidcProvider.class)
                    .run(
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--spring.config.name=oidc-test-provider",
                            "--spring.main.banner-mode=off",
                            "--gg.jte.use-precompiled-templates=true",
                            "--spring.autoconfigure.exclude="
                                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                    + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                            client + "registration.client-id=" + CLIENT_ID,
                            client + "registration.client-secret={noop}" + CLIENT_SECRET,
                            client + "registration.client-authentication-methods=client_secret_basic",
                            client + "registration.authorization-grant-types=authorization_code",
                            client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/" + REGISTRATION_ID,
                            client + "registration.scopes=openid,profile",
                            client + "require-authorization-consent=false");
        }
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Adds a user who signs in at the provider with {@code password}; its ID token carries {@code claims} besides the
     * standard ones ({@code sub} is the user name).
     */
    public static void addUser(String username, String password, Map<String, Object> claims) {
        issuer();
        InMemoryUserDetailsManager users = context.getBean(InMemoryUserDetailsManager.class);
        var user = User.withUsername(username)
                .password("{noop}" + password)
                .roles("USER")
                .build();
        if (users.userExists(username)) {
            users.updateUser(user);
        } else {
            users.createUser(user);
        }
        CLAIMS.put(username, Map.copyOf(claims));
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return token -> {
            if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
                CLAIMS.getOrDefault(token.getPrincipal().getName(), Map.of())
                        .forEach((name, value) -> token.getClaims().claim(name, value));
            }
        };
    }
}
