package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jcu.test.Browser;
import org.jcu.test.SqliteStore;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The default configuration has no OIDC client registration: the application starts, the sign-in page offers only the
 * password form, and OAuth2 paths do nothing.
 */
@SqliteStore
class WebSignInWithoutProviderSqliteTest extends StoreFixture {

    @LocalServerPort
    int port;

    @Autowired
    WebAccounts accounts;

    @Test
    void startsWithoutAnyProviderAndSignsInWithPasswords() {
        Browser browser = new Browser("http://127.0.0.1:" + port);
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"password\"").doesNotContain("/oauth2/authorization/");
        assertThat(browser.get("/oauth2/authorization/idp")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .doesNotContain("authorize");

        TestUser user = newUser(newOrganization("no-oidc"), UserRole.READ_ONLY);
        String password = "a long enough password";
        accounts.setPassword(user.principal().username(), password);
        HttpResponse<String> answer = browser.post(
                "/login",
                Map.of("username", user.principal().username(), "password", password, "_csrf", Browser.csrf(page)));
        assertThat(Browser.location(answer).getPath()).isEqualTo("/web/account");
        assertThat(browser.get("/web/account").body()).contains("<dd id=\"role\">READ_ONLY</dd>");
    }
}
