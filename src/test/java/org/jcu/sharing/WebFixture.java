package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import oidcprovider.TestOidcProvider;
import org.jcu.test.Browser;
import org.jcu.test.MutableClock;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * What web sign-in tests share: a movable platform clock, jcu configured for the OIDC provider of {@link
 * TestOidcProvider} (started on first use), browsers, and users with passwords. All subclasses on one database share
 * one application context.
 */
abstract class WebFixture extends StoreFixture {

    static final MutableClock CLOCK = new MutableClock();
    static final String PASSWORD = "correct horse battery staple";

    @TestBean(name = "clock")
    Clock clock;

    @LocalServerPort
    int port;

    @Autowired
    WebAccounts accounts;

    static Clock clock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration." + TestOidcProvider.REGISTRATION_ID + ".";
        registry.add(registration + "client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Test IdP");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(
                "spring.security.oauth2.client.provider." + TestOidcProvider.REGISTRATION_ID + ".issuer-uri",
                TestOidcProvider::issuer);
        registry.add("jcu.oidc.role-mapping[cert-analyst]", () -> "ANALYST");
        registry.add("jcu.oidc.role-mapping[cert-admin]", () -> "ORG_ADMIN");
    }

    @BeforeEach
    void resetClock() {
        CLOCK.reset();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Browser browser() {
        return new Browser(base());
    }

    /** A new user of {@code org} with an API token and the web password {@link #PASSWORD}. */
    TestUser newWebUser(Directory.Organization org, UserRole role) {
        TestUser user = newUser(org, role);
        accounts.setPassword(user.principal().username(), PASSWORD);
        return user;
    }

    /** Submits the sign-in form (with its CSRF token) and returns the answer, not followed. */
    static HttpResponse<String> submitPassword(Browser browser, String username, String password) {
        HttpResponse<String> form = browser.get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        return browser.post("/login", Map.of("username", username, "password", password, "_csrf", Browser.csrf(form)));
    }

    /** A unique name with a prefix. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
