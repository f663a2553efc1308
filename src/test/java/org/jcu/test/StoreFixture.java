package org.jcu.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.jcu.intel.ImportOptions;
import org.jcu.intel.ImportReport;
import org.jcu.intel.ImportService;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.AccessScopes;
import org.jcu.sharing.Directory;
import org.jcu.sharing.HoldingSharing;
import org.jcu.sharing.JcuPrincipal;
import org.jcu.sharing.SharingDecisions;
import org.jcu.sharing.SharingRequest;
import org.jcu.sharing.UserRole;
import org.jcu.stix.StixObjectReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared helpers for tests that run against a real store: reset, organisations, users with tokens, imports.
 * Subclasses carry {@link SqliteStore} or {@link PostgresStore}.
 */
public abstract class StoreFixture {

    @Autowired
    protected ImportService imports;

    @Autowired
    protected Directory directory;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AccessScopes scopes;

    @Autowired
    protected SharingDecisions sharingDecisions;

    /** The read scope of an organisation's analyst, now. */
    protected AccessScope scopeOf(String orgId) {
        return scopes.forOrganization(orgId, "test", UserRole.ANALYST);
    }

    /** The organisation's default sharing, validated. */
    protected HoldingSharing defaults(String orgId) {
        return sharingDecisions.resolve(orgId, SharingRequest.DEFAULTS);
    }

    /** Empties the intelligence tables (the directory is kept; names are unique per test). */
    protected void resetStore() {
        jdbc.update("DELETE FROM access_request_owner");
        jdbc.update("DELETE FROM access_request");
        jdbc.update("DELETE FROM observable");
        jdbc.update("DELETE FROM observable_value");
        jdbc.update("DELETE FROM holding_target");
        jdbc.update("DELETE FROM announcement");
        jdbc.update("DELETE FROM object_ref");
        jdbc.update("DELETE FROM holding");
        jdbc.update("DELETE FROM object_version");
    }

    /** A new organisation with a unique name. */
    protected Directory.Organization newOrganization(String prefix) {
        return directory.ensureOrganization(prefix + "-" + UUID.randomUUID());
    }

    /** A user with an API token. */
    protected record TestUser(JcuPrincipal principal, String token) {}

    /** A new analyst of {@code org} with a fresh token. */
    protected TestUser newUser(Directory.Organization org, UserRole role) {
        JcuPrincipal principal = directory.createUser("user-" + UUID.randomUUID(), org.id(), role);
        return new TestUser(principal, directory.issueToken(principal.userId(), "test", null));
    }

    protected ImportReport importFile(Path file, String orgId, boolean partial) {
        try (StixObjectReader reader = StixObjectReader.open(file)) {
            return imports.importObjects(
                    reader, new ImportOptions(orgId, file.getFileName().toString(), partial, defaults(orgId)), n -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected ImportReport importJson(String json, String orgId, boolean partial) {
        return importJson(json, orgId, partial, defaults(orgId));
    }

    /** Imports a JSON bundle with an explicit sharing decision. */
    protected ImportReport importJson(String json, String orgId, boolean partial, HoldingSharing sharing) {
        try (StixObjectReader reader = StixObjectReader.of(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                StixObjectReader.Format.JSON,
                "test")) {
            return imports.importObjects(reader, new ImportOptions(orgId, "test", partial, sharing), n -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected long versionRows() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM object_version", Long.class);
        return count == null ? 0 : count;
    }
}
