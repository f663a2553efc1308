package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.jcu.test.SqliteStore;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.Test;

/** Users, tokens and the bootstrap administrator. */
@SqliteStore
class DirectorySqliteTest extends StoreFixture {

    @Test
    void tokensAreStoredHashedAndAuthenticateTheirUser() {
        Directory.Organization org = newOrganization("dir");
        TestUser user = newUser(org, UserRole.ANALYST);
        assertThat(directory.authenticate(user.token()))
                .get()
                .extracting(JcuPrincipal::orgId)
                .isEqualTo(org.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Long.class, user.token()))
                .isZero();
        assertThat(directory.authenticate(user.token() + "x")).isEmpty();
        assertThatThrownBy(() -> directory.issueToken(user.principal().userId(), "short", "too-short"))
                .hasMessageContaining("at least 16");
    }

    @Test
    void bootstrapAdminCreatesTheAdminOnceAndIssuesANewTokenEachTime() {
        String name = "admin-" + UUID.randomUUID();
        String orgId = directory.platformOrganization().id();
        String first = directory.bootstrapAdmin(name, orgId, null);
        String second = directory.bootstrapAdmin(name, orgId, "a-fixed-token-for-scripts-" + UUID.randomUUID());
        assertThat(directory.authenticate(first))
                .get()
                .extracting(JcuPrincipal::username)
                .isEqualTo(name);
        assertThat(directory.authenticate(second))
                .get()
                .extracting(JcuPrincipal::role)
                .isEqualTo(UserRole.PLATFORM_ADMIN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Long.class, name))
                .isEqualTo(1);
        assertThat(directory.hasActiveAdminToken()).isTrue();
    }
}
