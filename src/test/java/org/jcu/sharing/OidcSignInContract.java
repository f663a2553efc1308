package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oidcprovider.TestOidcProvider;
import org.jcu.test.Browser;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect sign-in end to end (OIDC Core 1.0 authorization-code flow): a real provider (Spring Authorization
 * Server, {@link TestOidcProvider}) in the test JVM, a cookie-keeping HTTP client following every redirect, the
 * provider's own login form, and jcu mapping the ID token's claims onto an organisation and a role. Runs on SQLite
 * and PostgreSQL.
 */
abstract class OidcSignInContract extends WebFixture {

    private static final Pattern ERROR = Pattern.compile("<p id=\"error\" role=\"alert\">([^<]*)</p>");

    @Test
    void theSignInPageOffersTheConfiguredProvider() {
        HttpResponse<String> page = browser().get("/login");
        assertThat(page.body())
                .contains("<a class=\"provider\" href=\"/oauth2/authorization/" + TestOidcProvider.REGISTRATION_ID
                        + "\">Test IdP</a>");
    }

    @Test
    void signsInThroughTheProviderAndCreatesTheAccountJustInTime() {
        Directory.Organization org = newOrganization("cert-oidc");
        String name = unique("alice");
        TestOidcProvider.addUser(
                name,
                PASSWORD,
                Map.of(
                        "preferred_username",
                        name,
                        "organization",
                        org.name(),
                        "roles",
                        List.of("visitor", "cert-analyst")));

        HttpResponse<String> account = signInAtProvider(browser(), name);
        assertThat(account.uri().toString()).isEqualTo(base() + "/web/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body())
                .contains("<dd id=\"username\">" + name + "</dd>")
                .contains("<dd id=\"organization\">" + org.name() + "</dd>")
                .contains("<dd id=\"role\">ANALYST</dd>")
                .contains("<dd id=\"signed-in-with\">identity provider " + TestOidcProvider.issuer() + "</dd>");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM app_user WHERE username = ? AND org_id = ? AND user_role = 'ANALYST'",
                        Long.class,
                        name,
                        org.id()))
                .isEqualTo(1);

        // the second sign-in finds the same account; the role follows the provider's claims
        TestOidcProvider.addUser(
                name, PASSWORD, Map.of("preferred_username", name, "organization", org.id(), "roles", "cert-admin"));
        HttpResponse<String> again = signInAtProvider(browser(), name);
        assertThat(again.body()).contains("<dd id=\"role\">ORG_ADMIN</dd>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, name))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM external_identity e JOIN app_user u ON u.id = e.user_id"
                                + " WHERE u.username = ? AND e.issuer = ?",
                        Long.class,
                        name,
                        TestOidcProvider.issuer()))
                .isEqualTo(1);
        // the account's creation and role change by the provider's claims, and both sign-ins, are audited
        auditLog.flush();
        String userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", String.class, name);
        assertThat(jdbc.queryForList(
                        "SELECT audit_action || ' ' || detail FROM audit_log WHERE user_id = ? ORDER BY seq",
                        String.class,
                        userId))
                .containsExactly(
                        "ACCOUNT_MAPPED created as ANALYST by the claims of " + TestOidcProvider.issuer(),
                        "SIGN_IN identity provider " + TestOidcProvider.issuer(),
                        "ACCOUNT_MAPPED role ANALYST -> ORG_ADMIN by the claims of " + TestOidcProvider.issuer(),
                        "SIGN_IN identity provider " + TestOidcProvider.issuer());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jcu.audit.AuditLog auditLog;

    @Test
    void refusesAnOrganisationJcuDoesNotKnow() {
        String name = unique("mallory");
        TestOidcProvider.addUser(
                name,
                PASSWORD,
                Map.of("preferred_username", name, "organization", "No Such CSIRT", "roles", List.of("cert-analyst")));
        assertThat(refusal(name)).contains("'No Such CSIRT', which is not registered in jcu");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, name))
                .isZero();
    }

    @Test
    void refusesThePlatformOrganisationUnlessItsProviderIsBoundToIt() {
        // a provider (or a user who can edit its own claims there) naming the platform organisation would make
        // platform staff of anyone; only a provider listed for it in jcu.oidc.organizations may name it
        String name = unique("trudy");
        TestOidcProvider.addUser(
                name,
                PASSWORD,
                Map.of(
                        "preferred_username",
                        name,
                        "organization",
                        directory.platformOrganization().name(),
                        "roles",
                        List.of("cert-admin")));
        assertThat(refusal(name)).contains("may not name the organisation").contains("jcu.oidc.organizations.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, name))
                .isZero();
    }

    @Test
    void refusesWhenNoRoleMapsToAJcuRole() {
        Directory.Organization org = newOrganization("cert-norole");
        String name = unique("bob");
        TestOidcProvider.addUser(
                name,
                PASSWORD,
                Map.of("preferred_username", name, "organization", org.name(), "roles", List.of("visitor", "SYNC")));
        assertThat(refusal(name)).contains("None of the roles").contains("visitor");
        String missing = unique("carol");
        TestOidcProvider.addUser(missing, PASSWORD, Map.of("preferred_username", missing, "organization", org.name()));
        assertThat(refusal(missing)).contains("claim 'roles' is empty or missing");
    }

    @Test
    void refusesANameTakenByAnotherAccount() {
        Directory.Organization org = newOrganization("cert-clash");
        TestUser local = newWebUser(org, UserRole.ANALYST);
        String name = unique("dave");
        TestOidcProvider.addUser(
                name,
                PASSWORD,
                Map.of(
                        "preferred_username",
                        local.principal().username(),
                        "organization",
                        org.name(),
                        "roles",
                        "cert-analyst"));
        assertThat(refusal(name)).contains("already taken");
    }

    @Test
    void anOrganisationRequiringASecondFactorAsksForItUnlessTheProviderDidMultiFactor() {
        Directory.Organization org = newOrganization("cert-mfa");
        accounts.setSignInPolicy(newUser(org, UserRole.ORG_ADMIN).principal(), org.id(), true);
        String single = unique("erin");
        TestOidcProvider.addUser(
                single,
                PASSWORD,
                Map.of("preferred_username", single, "organization", org.name(), "roles", "cert-analyst"));
        HttpResponse<String> asked = signInAtProvider(browser(), single);
        assertThat(asked.uri().getPath()).isEqualTo(SecondFactor.PAGE);
        assertThat(asked.body()).contains("<code id=\"secret\">");

        String multi = unique("frank");
        TestOidcProvider.addUser(
                multi,
                PASSWORD,
                Map.of(
                        "preferred_username",
                        multi,
                        "organization",
                        org.name(),
                        "roles",
                        "cert-analyst",
                        "amr",
                        List.of("pwd", "mfa")));
        HttpResponse<String> account = signInAtProvider(browser(), multi);
        assertThat(account.uri().getPath()).isEqualTo("/web/account");
        assertThat(account.body()).contains("<dd id=\"second-factor-used\">yes</dd>");
    }

    /** Drives the authorization-code flow from jcu's sign-in link through the provider's form and back. */
    private HttpResponse<String> signInAtProvider(Browser browser, String username) {
        HttpResponse<String> providerLogin = browser.open("/oauth2/authorization/" + TestOidcProvider.REGISTRATION_ID);
        assertThat(providerLogin.uri().toString()).startsWith(TestOidcProvider.issuer() + "/login");
        assertThat(providerLogin.statusCode()).isEqualTo(200);
        HttpResponse<String> submitted = browser.post(
                TestOidcProvider.issuer() + "/login",
                Map.of("username", username, "password", PASSWORD, "_csrf", Browser.csrf(providerLogin)));
        return browser.follow(submitted);
    }

    private String refusal(String username) {
        HttpResponse<String> page = signInAtProvider(browser(), username);
        assertThat(page.uri().toString()).isEqualTo(base() + "/login?error");
        Matcher message = ERROR.matcher(page.body());
        assertThat(message.find()).as(page.body()).isTrue();
        return message.group(1).replace("&#39;", "'");
    }
}
