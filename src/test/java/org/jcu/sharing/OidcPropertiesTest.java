package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jcu.sharing.Directory.Organization;
import org.junit.jupiter.api.Test;

/** Which organisations a provider may name (jcu.oidc.organizations). */
class OidcPropertiesTest {

    @Test
    void aBoundProviderNamesOnlyItsOrganisationsAndAnUnboundOneAnyButThePlatform() {
        OidcProperties properties = new OidcProperties(
                "organization",
                "roles",
                "preferred_username",
                null,
                true,
                Map.of("keycloak-fr", List.of("CERT-FR", " 7d1c0a52-2b8f-4f0e-9f5e-0c5d2f1e6a10 ")));
        Organization certFr = organization("0b7b0a9e-6b7c-4a8e-9d52-3a0f8f2f4a11", "CERT-FR");
        Organization byId = organization("7d1c0a52-2b8f-4f0e-9f5e-0c5d2f1e6a10", "ANSSI");
        Organization certDe = organization("5f0d6a3c-1e2b-4c7d-8e9f-0a1b2c3d4e5f", "CERT-Bund");
        assertThat(properties.mayName("keycloak-fr", certFr, false)).isTrue();
        assertThat(properties.mayName("keycloak-fr", byId, false)).isTrue();
        assertThat(properties.mayName("keycloak-fr", certDe, false)).isFalse();
        assertThat(properties.mayName("eulogin", certDe, false)).isTrue();
        assertThat(properties.mayName("eulogin", certDe, true))
                .as("the platform organisation")
                .isFalse();
        OidcProperties platformBound = new OidcProperties(
                "organization", "roles", "preferred_username", null, true, Map.of("ops", List.of("JCU Platform")));
        Organization platform = organization("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "JCU Platform");
        assertThat(platformBound.mayName("ops", platform, true)).isTrue();
    }

    private static Organization organization(String id, String name) {
        return new Organization(
                id,
                name,
                null,
                Compartment.GOVERNMENT,
                java.util.Set.of(),
                null,
                null,
                Directory.SharingDefaults.INITIAL);
    }
}
