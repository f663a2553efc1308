package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcu.test.Browser;
import org.jcu.test.Http;
import org.junit.jupiter.api.Test;

/**
 * Web sign-in end to end over real HTTP (decision 0012): form sign-in with session and CSRF, Argon2id, lock-out with
 * the platform clock, the organisation's second-factor requirement with TOTP, and the token-authenticated API left
 * stateless. Runs on SQLite and PostgreSQL.
 */
abstract class WebSignInContract extends WebFixture {

    private static final Pattern ERROR = Pattern.compile("<p id=\"error\" role=\"alert\">([^<]*)</p>");
    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>");

    @Test
    void passwordSignInOpensASessionThatShowsTheAccountPage() {
        Directory.Organization org = newOrganization("cert-eu");
        TestUser user = newWebUser(org, UserRole.ANALYST);
        Browser browser = browser();

        HttpResponse<String> signedIn = submitPassword(browser, user.principal().username(), PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn).getPath()).isEqualTo("/web/account");
        assertThat(browser.cookies("/web/account")).anyMatch(c -> c.getName().equals("JSESSIONID"));

        HttpResponse<String> account = browser.get("/web/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body())
                .contains("<dd id=\"username\">" + user.principal().username() + "</dd>")
                .contains("<dd id=\"organization\">" + org.name() + "</dd>")
                .contains("<dd id=\"role\">ANALYST</dd>")
                .contains("<dd id=\"signed-in-with\">password</dd>")
                .contains("<dd id=\"second-factor-required\">no</dd>");
        assertThat(account.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(account.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(account.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(account.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(account.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", Browser.csrf(account)));
        assertThat(Browser.location(signedOut).toString()).endsWith("/login?logout");
        assertThat(Browser.location(browser.get("/web/account")).getPath()).isEqualTo("/login");
    }

    @Test
    void pagesNeedASession() {
        HttpResponse<String> response = browser().get("/web/account");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Browser.location(response).getPath()).isEqualTo("/login");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        TestUser user = newWebUser(newOrganization("csrf"), UserRole.ANALYST);
        Browser browser = browser();
        browser.get("/login");
        HttpResponse<String> noToken =
                browser.post("/login", Map.of("username", user.principal().username(), "password", PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = browser.post(
                "/login", Map.of("username", user.principal().username(), "password", PASSWORD, "_csrf", "forged"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/web/account").statusCode()).isEqualTo(302);

        assertThat(submitPassword(browser, user.principal().username(), PASSWORD)
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/web/account").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordUnknownUserAndNoPasswordGetTheSameGenericMessage() {
        TestUser user = newWebUser(newOrganization("generic"), UserRole.ANALYST);
        TestUser withoutPassword = newUser(newOrganization("generic"), UserRole.ANALYST);
        for (String[] attempt : new String[][] {
            {user.principal().username(), "wrong password, long enough"},
            {unique("nobody"), PASSWORD},
            {withoutPassword.principal().username(), PASSWORD},
            {user.principal().username(), ""}
        }) {
            assertThat(failedSignInMessage(attempt[0], attempt[1]))
                    .as(attempt[0])
                    .isEqualTo(WebPages.SIGN_IN_FAILED);
        }
    }

    @Test
    void locksTheAccountAfterFiveFailuresUntilTheLockPeriodHasPassed() {
        TestUser user = newWebUser(newOrganization("lock"), UserRole.ANALYST);
        String name = user.principal().username();
        for (int i = 0; i < 5; i++) {
            assertThat(failedSignInMessage(name, "not the password " + i)).isEqualTo(WebPages.SIGN_IN_FAILED);
        }
        // locked: even the right password fails, with the message of a wrong one
        assertThat(failedSignInMessage(name, PASSWORD)).isEqualTo(WebPages.SIGN_IN_FAILED);
        CLOCK.advance(Duration.ofMinutes(14).plusSeconds(50));
        assertThat(failedSignInMessage(name, PASSWORD)).isEqualTo(WebPages.SIGN_IN_FAILED);
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(signsIn(name, PASSWORD)).isTrue();
    }

    @Test
    void attemptsCheckedTogetherCannotGoPastTheLock() throws Exception {
        // four failures: one attempt left; a wrong guess takes it while its hash runs, and the right password sent in
        // the meantime is not checked at all (it was: every request read "not locked" before any failure was written)
        TestUser user = newWebUser(newOrganization("race"), UserRole.ANALYST);
        String name = user.principal().username();
        for (int i = 0; i < 4; i++) {
            assertThat(accounts.checkPassword(name, "wrong " + i)).isEmpty();
        }
        java.util.concurrent.CompletableFuture<Optional<JcuPrincipal>> guess =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> accounts.checkPassword(name, "wrong 4"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (failures(user) < 5 && !guess.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(failures(user))
                .as("the last attempt is taken before its password is checked")
                .isEqualTo(5);
        assertThat(accounts.checkPassword(name, PASSWORD)).isEmpty();
        assertThat(guess.get()).isEmpty();
        assertThat(accounts.checkPassword(name, PASSWORD)).as("locked").isEmpty();
        CLOCK.advance(Duration.ofMinutes(15).plusSeconds(5));
        assertThat(accounts.checkPassword(name, PASSWORD)).isPresent();
    }

    private int failures(TestUser user) {
        Integer n = jdbc.queryForObject(
                "SELECT failed_sign_ins FROM user_credential WHERE user_id = ?",
                Integer.class,
                user.principal().userId());
        return n == null ? 0 : n;
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.jcu.audit.AuditLog auditLog;

    @Test
    void signInsAndRefusalsAreAuditedWithoutWhatWasTypedAsAName() {
        TestUser user = newWebUser(newOrganization("audited"), UserRole.ANALYST);
        String name = user.principal().username();
        assertThat(signsIn(name, "not the password")).isFalse();
        assertThat(signsIn(name, PASSWORD)).isTrue();
        String typed = "hunter2-typed-as-a-name-" + java.util.UUID.randomUUID();
        assertThat(signsIn(typed, PASSWORD)).isFalse();
        auditLog.flush();
        List<Map<String, Object>> own = jdbc.queryForList(
                "SELECT audit_action, detail, source_ip FROM audit_log WHERE user_id = ? ORDER BY seq",
                user.principal().userId());
        assertThat(own)
                .extracting(r -> r.get("audit_action") + " " + r.get("detail"))
                .containsExactly("SIGN_IN_REFUSED password: wrong", "SIGN_IN password");
        assertThat(own).allSatisfy(r -> assertThat(r.get("source_ip")).isNotNull());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE audit_action = 'SIGN_IN_REFUSED'"
                                + " AND username = '(no such account)' AND detail = 'password: no such account'",
                        Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE detail LIKE ? OR username LIKE ?",
                        Long.class,
                        "%" + typed + "%",
                        "%" + typed + "%"))
                .isZero();
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        TestUser user = newWebUser(newOrganization("reset"), UserRole.ANALYST);
        String name = user.principal().username();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(signsIn(name, "wrong " + i)).isFalse();
            }
            assertThat(signsIn(name, PASSWORD)).as("round " + round).isTrue();
        }
        accounts.setPassword(name, "a brand new password");
        assertThat(signsIn(name, PASSWORD)).isFalse();
        assertThat(signsIn(name, "a brand new password")).isTrue();
    }

    @Test
    void aNewPasswordLiftsALock() {
        TestUser user = newWebUser(newOrganization("unlock"), UserRole.ANALYST);
        String name = user.principal().username();
        for (int i = 0; i < 5; i++) {
            signsIn(name, "wrong " + i);
        }
        assertThat(signsIn(name, PASSWORD)).isFalse();
        accounts.setPassword(name, PASSWORD);
        assertThat(signsIn(name, PASSWORD)).isTrue();
    }

    @Test
    void passwordsAreStoredAsArgon2idAndMustBeLongEnough() {
        TestUser user = newWebUser(newOrganization("argon"), UserRole.ANALYST);
        String hash = jdbc.queryForObject(
                "SELECT password_hash FROM user_credential WHERE user_id = ?",
                String.class,
                user.principal().userId());
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> accounts.setPassword(user.principal().username(), "too short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.setPassword(unique("nobody"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user");
    }

    @Test
    void apiTokensStillWorkAndTheApiNeitherCreatesNorReadsSessions() {
        TestUser user = newWebUser(newOrganization("api"), UserRole.ANALYST);
        Http http = new Http(port);
        HttpResponse<String> stats = http.get("/api/v1/stats", Http.bearer(user.token()), null);
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> basic =
                http.get("/taxii2/", Http.basic(user.principal().username(), user.token()), "application/taxii+json");
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
        // the web password is not an API credential
        assertThat(http.get("/api/v1/stats", Http.basic(user.principal().username(), PASSWORD), null)
                        .statusCode())
                .isEqualTo(401);

        Browser browser = browser();
        submitPassword(browser, user.principal().username(), PASSWORD);
        assertThat(browser.get("/web/account").statusCode()).isEqualTo(200);
        HttpResponse<String> withSessionOnly = browser.get("/api/v1/stats");
        assertThat(withSessionOnly.statusCode()).isEqualTo(401);
        assertThat(withSessionOnly.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void onlyAnAdministratorOfTheOrganisationSetsItsSecondFactorPolicy() {
        Directory.Organization org = newOrganization("policy");
        Directory.Organization other = newOrganization("policy-other");
        TestUser admin = newUser(org, UserRole.ORG_ADMIN);
        TestUser analyst = newUser(org, UserRole.ANALYST);
        TestUser otherAdmin = newUser(other, UserRole.ORG_ADMIN);
        String path = "/api/v1/organizations/" + org.id() + "/sign-in-policy";

        assertThat(putPolicy(path, analyst, true).statusCode()).isEqualTo(403);
        assertThat(putPolicy(path, otherAdmin, true).statusCode()).isEqualTo(403);
        assertThat(accounts.signInPolicy(org.id()).orElseThrow().requireSecondFactor())
                .isFalse();

        HttpResponse<String> set = putPolicy(path, admin, true);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("\"require_second_factor\":true");
        HttpResponse<String> read = new Http(port).get(path, Http.bearer(analyst.token()), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"organization_id\":\"" + org.id() + "\"");
        assertThat(new Http(port)
                        .get(path, Http.bearer(otherAdmin.token()), null)
                        .statusCode())
                .isEqualTo(403);

        TestUser platformAdmin = newUser(directory.platformOrganization(), UserRole.PLATFORM_ADMIN);
        assertThat(putPolicy(path, platformAdmin, false).statusCode()).isEqualTo(200);
        assertThat(accounts.signInPolicy(org.id()).orElseThrow().requireSecondFactor())
                .isFalse();
        assertThat(putPolicy("/api/v1/organizations/no-such-org/sign-in-policy", platformAdmin, true)
                        .statusCode())
                .isEqualTo(404);
        // the platform organisation's policy covers its platform administrators: not for its organisation admins
        String platformPath =
                "/api/v1/organizations/" + directory.platformOrganization().id() + "/sign-in-policy";
        TestUser platformOrgAdmin = newUser(directory.platformOrganization(), UserRole.ORG_ADMIN);
        assertThat(putPolicy(platformPath, platformAdmin, true).statusCode()).isEqualTo(200);
        assertThat(putPolicy(platformPath, platformOrgAdmin, false).statusCode())
                .isEqualTo(403);
        assertThat(accounts.signInPolicy(directory.platformOrganization().id())
                        .orElseThrow()
                        .requireSecondFactor())
                .isTrue();
        assertThat(putPolicy(platformPath, platformAdmin, false).statusCode()).isEqualTo(200);
    }

    @Test
    void anOrganisationRequiringASecondFactorMakesItsUsersEnrolThenAsksForACode() {
        Directory.Organization org = newOrganization("totp");
        TestUser admin = newUser(org, UserRole.ORG_ADMIN);
        TestUser user = newWebUser(org, UserRole.ANALYST);
        String name = user.principal().username();
        assertThat(putPolicy("/api/v1/organizations/" + org.id() + "/sign-in-policy", admin, true)
                        .statusCode())
                .isEqualTo(200);

        // first sign-in: the password alone does not open the pages; enrolment shows the key
        Browser browser = browser();
        HttpResponse<String> afterPassword = browser.follow(submitPassword(browser, name, PASSWORD));
        assertThat(afterPassword.uri().getPath()).isEqualTo(SecondFactor.PAGE);
        Matcher secret = SECRET.matcher(afterPassword.body());
        assertThat(secret.find()).as(afterPassword.body()).isTrue();
        byte[] key = Base32.decode(secret.group(1));
        assertThat(afterPassword.body())
                .contains("otpauth://totp/jcu:" + name + "?secret=" + secret.group(1) + "&amp;issuer=jcu");
        assertThat(browser.get("/web/account").statusCode()).isEqualTo(302);
        String stored = jdbc.queryForObject(
                "SELECT totp_secret FROM user_credential WHERE user_id = ?",
                String.class,
                user.principal().userId());
        assertThat(stored).startsWith("v1:").doesNotContain(secret.group(1));

        HttpResponse<String> wrong =
                browser.post(SecondFactor.PAGE, Map.of("code", otherCode(key), "_csrf", Browser.csrf(afterPassword)));
        assertThat(Browser.location(wrong).toString()).endsWith(SecondFactor.PAGE + "?error");
        HttpResponse<String> retry = browser.get(SecondFactor.PAGE + "?error");
        assertThat(retry.body()).contains("The code is wrong").contains(secret.group(1));

        String code = currentCode(key);
        HttpResponse<String> confirmed =
                browser.post(SecondFactor.PAGE, Map.of("code", code, "_csrf", Browser.csrf(retry)));
        assertThat(Browser.location(confirmed).getPath()).isEqualTo("/web/account");
        HttpResponse<String> account = browser.get("/web/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body())
                .contains("<dd id=\"second-factor-required\">yes</dd>")
                .contains("<dd id=\"second-factor-enrolled\">yes</dd>")
                .contains("<dd id=\"second-factor-used\">yes</dd>");

        // later sign-ins ask for a code, never show the key again, and refuse a code used before
        Browser later = browser();
        HttpResponse<String> codePage = later.follow(submitPassword(later, name, PASSWORD));
        assertThat(codePage.uri().getPath()).isEqualTo(SecondFactor.PAGE);
        assertThat(codePage.body()).doesNotContain(secret.group(1)).doesNotContain("otpauth:");
        HttpResponse<String> replay =
                later.post(SecondFactor.PAGE, Map.of("code", code, "_csrf", Browser.csrf(codePage)));
        assertThat(Browser.location(replay).toString()).endsWith("?error");
        CLOCK.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        HttpResponse<String> next = later.get(SecondFactor.PAGE);
        HttpResponse<String> accepted =
                later.post(SecondFactor.PAGE, Map.of("code", currentCode(key), "_csrf", Browser.csrf(next)));
        assertThat(Browser.location(accepted).getPath()).isEqualTo("/web/account");
        assertThat(later.get("/web/account").statusCode()).isEqualTo(200);

        // a lost authenticator: the operator resets the factor, the next sign-in enrols a new key
        assertThat(accounts.resetSecondFactor(name, "test")).isTrue();
        assertThat(accounts.resetSecondFactor(name, "test")).isFalse();
        Browser afterReset = browser();
        HttpResponse<String> enrolAgain = afterReset.follow(submitPassword(afterReset, name, PASSWORD));
        assertThat(enrolAgain.uri().getPath()).isEqualTo(SecondFactor.PAGE);
        Matcher newSecret = SECRET.matcher(enrolAgain.body());
        assertThat(newSecret.find()).as(enrolAgain.body()).isTrue();
        assertThat(newSecret.group(1)).isNotEqualTo(secret.group(1));
        assertThatThrownBy(() -> accounts.resetSecondFactor(unique("nobody"), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user named");
    }

    @Test
    void wrongSecondFactorCodesCountTowardsTheLockOut() {
        Directory.Organization org = newOrganization("totp-lock");
        TestUser user = newWebUser(org, UserRole.ANALYST);
        String name = user.principal().username();
        accounts.setSignInPolicy(newUser(org, UserRole.ORG_ADMIN).principal(), org.id(), true);
        Browser browser = browser();
        HttpResponse<String> page = browser.follow(submitPassword(browser, name, PASSWORD));
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).isTrue();
        byte[] key = Base32.decode(secret.group(1));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong =
                    browser.post(SecondFactor.PAGE, Map.of("code", otherCode(key), "_csrf", Browser.csrf(page)));
            assertThat(Browser.location(wrong).toString()).endsWith("?error");
            page = browser.get(SecondFactor.PAGE + "?error");
        }
        // locked: the right code and the right password both fail now
        HttpResponse<String> locked =
                browser.post(SecondFactor.PAGE, Map.of("code", currentCode(key), "_csrf", Browser.csrf(page)));
        assertThat(Browser.location(locked).toString()).endsWith("?error");
        assertThat(failedSignInMessage(name, PASSWORD)).isEqualTo(WebPages.SIGN_IN_FAILED);
        // signing in with the password again does not reset the count of wrong codes
        CLOCK.advance(Duration.ofMinutes(16));
        Browser again = browser();
        HttpResponse<String> codePage = again.follow(submitPassword(again, name, PASSWORD));
        for (int i = 0; i < 4; i++) {
            again.post(SecondFactor.PAGE, Map.of("code", otherCode(key), "_csrf", Browser.csrf(codePage)));
        }
        Browser third = browser();
        HttpResponse<String> thirdPage = third.follow(submitPassword(third, name, PASSWORD));
        third.post(SecondFactor.PAGE, Map.of("code", otherCode(key), "_csrf", Browser.csrf(thirdPage)));
        HttpResponse<String> lockedAgain =
                third.post(SecondFactor.PAGE, Map.of("code", currentCode(key), "_csrf", Browser.csrf(thirdPage)));
        assertThat(Browser.location(lockedAgain).toString()).endsWith("?error");
    }

    @Test
    void usersMayEnrolWithoutARequirementAndAreThenAlwaysAsked() {
        TestUser user = newWebUser(newOrganization("voluntary"), UserRole.READ_ONLY);
        String name = user.principal().username();
        Browser browser = browser();
        submitPassword(browser, name, PASSWORD);
        HttpResponse<String> account = browser.get("/web/account");
        assertThat(account.body()).contains("href=\"/login/second-factor\"");
        HttpResponse<String> enrol = browser.get(SecondFactor.PAGE);
        Matcher secret = SECRET.matcher(enrol.body());
        assertThat(secret.find()).isTrue();
        byte[] key = Base32.decode(secret.group(1));
        browser.post(SecondFactor.PAGE, Map.of("code", currentCode(key), "_csrf", Browser.csrf(enrol)));
        assertThat(browser.get("/web/account").body())
                .contains("<dd id=\"second-factor-required\">no</dd>")
                .contains("<dd id=\"second-factor-enrolled\">yes</dd>")
                .contains("<dd id=\"second-factor-used\">yes</dd>");

        Browser later = browser();
        assertThat(later.follow(submitPassword(later, name, PASSWORD)).uri().getPath())
                .isEqualTo(SecondFactor.PAGE);
    }

    private HttpResponse<String> putPolicy(String path, TestUser actor, boolean required) {
        return new Http(port)
                .put(
                        path,
                        Http.bearer(actor.token()),
                        "application/json",
                        ("{\"require_second_factor\":" + required + "}").getBytes(StandardCharsets.UTF_8));
    }

    private boolean signsIn(String username, String password) {
        Browser browser = browser();
        HttpResponse<String> answer = submitPassword(browser, username, password);
        URI target = Browser.location(answer);
        return target.getPath().equals("/web/account")
                && browser.get("/web/account").statusCode() == 200;
    }

    private String failedSignInMessage(String username, String password) {
        Browser browser = browser();
        HttpResponse<String> answer = submitPassword(browser, username, password);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(Browser.location(answer).toString()).endsWith("/login?error");
        HttpResponse<String> page = browser.get("/login?error");
        Matcher message = ERROR.matcher(page.body());
        assertThat(message.find()).as(page.body()).isTrue();
        assertThat(browser.get("/web/account").statusCode()).isEqualTo(302);
        return message.group(1);
    }

    private static String currentCode(byte[] key) {
        return Totp.code(key, Totp.step(CLOCK.instant()), Totp.DIGITS, Totp.Algorithm.SHA1);
    }

    /** A code valid in none of the accepted time steps. */
    private static String otherCode(byte[] key) {
        long step = Totp.step(CLOCK.instant());
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (long s = step - 1; s <= step + 1; s++) {
            valid.add(Totp.code(key, s, Totp.DIGITS, Totp.Algorithm.SHA1));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
