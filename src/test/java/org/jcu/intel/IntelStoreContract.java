package org.jcu.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jcu.sharing.AccessScope;
import org.jcu.sharing.Directory;
import org.jcu.stix.StixTimestamps;
import org.jcu.stix.Violation;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storage contract of the intelligence store; runs on SQLite ({@link IntelStoreSqliteTest}) and PostgreSQL
 * ({@link IntelStorePostgresTest}).
 */
abstract class IntelStoreContract extends StoreFixture {

    @Autowired
    IntelQueries queries;

    Directory.Organization org;
    AccessScope scope;

    @BeforeEach
    void cleanStore() {
        resetStore();
        org = newOrganization("owner");
        scope = scopeOf(org.id());
    }

    // ---- real data -------------------------------------------------------------------------------------------

    @Test
    void importsAttackIcs21WithPerTypeCountsAndLosslessRoundTrip() {
        Path file = Corpus.path("mitre-attack-stix21/ics-attack-18.1.json");
        List<ObjectNode> expected = Stix.objects(file);
        ImportReport report = importFile(file, org.id(), false);

        assertThat(report.clean()).as(report.violations().toString()).isTrue();
        assertThat(report.read()).isEqualTo(1826);
        assertThat(report.imported()).isEqualTo(1826);
        assertThat(report.importedByType()).isEqualTo(countByType(expected));
        assertThat(queries.countsByType(scope)).isEqualTo(countByType(expected));
        assertLosslessRoundTrip(expected);
    }

    @Test
    void importsAttackMobile21AndCountsMatch() {
        Path file = Corpus.path("mitre-attack-stix21/mobile-attack-17.1.json");
        List<ObjectNode> expected = Stix.objects(file);
        ImportReport report = importFile(file, org.id(), false);
        assertThat(report.clean()).as(report.violations().toString()).isTrue();
        assertThat(report.read()).isEqualTo(2148);
        // Mobile 17.1 lists three objects twice (identical content): the repeats are no-ops
        assertThat(report.imported() + report.unchanged()).isEqualTo(2148);
        Map<String, Long> distinct = countByType(expected.stream()
                .collect(Collectors.toMap(
                        o -> o.get("id").asString() + "|" + o.path("modified").asString(""),
                        Function.identity(),
                        (a, b) -> a))
                .values()
                .stream()
                .toList());
        assertThat(queries.countsByType(scope)).isEqualTo(distinct);
        assertLosslessRoundTrip(expected);
    }

    @Test
    void importsEnterpriseAttack20NdjsonUpgradedTo21() {
        List<Path> files = List.of(
                Corpus.path("mitre-cti-stix20/enterprise-attack-v18.1-stix20-sdo.ndjson.gz"),
                Corpus.path("mitre-cti-stix20/enterprise-attack-v18.1-stix20-relationships-part1.ndjson.gz"),
                Corpus.path("mitre-cti-stix20/enterprise-attack-v18.1-stix20-relationships-part2.ndjson.gz"));
        long read = 0;
        List<ObjectNode> all = new java.util.ArrayList<>();
        for (Path file : files) {
            ImportReport report = importFile(file, org.id(), false);
            assertThat(report.clean()).as(file + ": " + report.violations()).isTrue();
            assertThat(report.upgraded()).isEqualTo(report.read());
            read += report.read();
            all.addAll(Stix.objects(file));
        }
        assertThat(read).isEqualTo(24_771);
        Map<String, Long> distinct = countByType(all.stream()
                .collect(Collectors.toMap(o -> o.get("id").asString(), Function.identity(), (a, b) -> a))
                .values()
                .stream()
                .toList());
        assertThat(queries.countsByType(scope)).isEqualTo(distinct);
        assertThat(distinct.get("relationship")).isEqualTo(20_048);
        // re-export of a 2.0 input is its 2.1 upgrade: the input plus spec_version (and is_family on malware)
        for (ObjectNode original : all.subList(0, 400)) {
            ObjectNode upgraded = original.deepCopy();
            upgraded.put("spec_version", "2.1");
            if ("malware".equals(upgraded.get("type").asString()) && !upgraded.has("is_family")) {
                upgraded.put("is_family", true);
            }
            StoredVersion stored =
                    queries.latest(scope, original.get("id").asString()).orElseThrow();
            assertThat(Stix.canonical(stored.content())).isEqualTo(Stix.canonical(upgraded));
        }
    }

    @Test
    void icsAttack20UpgradeEqualsMitresOwn21ExceptMalwareLabels() {
        ImportReport report = importFile(Corpus.path("mitre-cti-stix20/ics-attack-18.1-stix20.json"), org.id(), false);
        assertThat(report.clean()).as(report.violations().toString()).isTrue();
        assertThat(report.upgraded()).isEqualTo(1825);
        for (ObjectNode mitre21 : Stix.objects(Corpus.path("mitre-attack-stix21/ics-attack-18.1.json"))) {
            if (mitre21.get("type").asString().equals("x-mitre-collection")) {
                continue; // only in the 2.1 bundle
            }
            ObjectNode stored = (ObjectNode)
                    Stix.parse(queries.latest(scope, mitre21.get("id").asString())
                            .orElseThrow()
                            .content());
            if (mitre21.get("type").asString().equals("malware")) {
                assertThat(stored.get("labels").get(0).asString()).isEqualTo("malware");
                stored.remove("labels"); // 2.0's required label, which MITRE dropped in its 2.1 release
            }
            assertThat(Stix.canonical(stored)).isEqualTo(Stix.canonical(mitre21));
        }
    }

    @Test
    void importsEveryOasisExampleLosslessly() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        // (interop/ holds the interoperability profile schemas, not objects)
        for (String dir : List.of(
                "oasis-cti-stix2-json-schemas/examples",
                "oasis-cti-documentation-examples/examples",
                "oasis-cti-stix-common-objects/objects",
                "opencti-datasets/data")) {
            try (var stream = java.nio.file.Files.walk(Corpus.path(dir))) {
                stream.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSize(28);
        for (Path file : files) {
            resetStore();
            List<ObjectNode> expected = Stix.objects(file);
            ImportReport report = importFile(file, org.id(), false);
            assertThat(report.clean())
                    .as(file + ": " + report.violations() + " " + report.error())
                    .isTrue();
            assertThat(report.read()).as(file.toString()).isEqualTo(expected.size());
            assertLosslessRoundTrip(expected);
        }
    }

    // ---- versions and holdings -------------------------------------------------------------------------------

    @Test
    void reimportingTheSameVersionIsANoOp() {
        String id = Stix.newId("indicator");
        String bundle = Stix.bundle(Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", ""));
        assertThat(importJson(bundle, org.id(), false).imported()).isEqualTo(1);
        ImportReport again = importJson(bundle, org.id(), false);
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(versionRows()).isEqualTo(1);
    }

    @Test
    void anOlderVersionIsKeptButNeverReplacesTheNewer() {
        String id = Stix.newId("indicator");
        String newer =
                Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z", "\"description\":\"v2\"");
        String older =
                Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "\"description\":\"v1\"");
        importJson(Stix.bundle(newer), org.id(), false);
        ImportReport report = importJson(Stix.bundle(older), org.id(), false);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(queries.latest(scope, id).orElseThrow().content()).contains("\"v2\"");
        assertThat(queries.versions(scope, id))
                .extracting(StoredVersion::modified)
                .containsExactlyInAnyOrder("2024-03-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z");
    }

    @Test
    void sameVersionWithDifferentContentIsAReportedConflict() {
        String id = Stix.newId("indicator");
        importJson(
                Stix.bundle(Stix.indicator(
                        id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "\"description\":\"original\"")),
                org.id(),
                false);
        ImportReport report = importJson(
                Stix.bundle(Stix.indicator(
                        id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "\"description\":\"changed\"")),
                org.id(),
                false);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.committed()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("version-conflict");
            assertThat(v.objectId()).isEqualTo(id);
            assertThat(v.pointer()).isEqualTo("/modified");
        });
        assertThat(queries.latest(scope, id).orElseThrow().content()).contains("original");
    }

    @Test
    void differentPrecisionOfTheSameInstantIsTheSameVersion() {
        String id = Stix.newId("indicator");
        importJson(
                Stix.bundle(Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.100Z", "")),
                org.id(),
                false);
        ImportReport samePoint = importJson(
                Stix.bundle(Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.100000Z", "")),
                org.id(),
                false);
        assertThat(samePoint.rejected())
                .as("same instant, different text = same version, different content")
                .isEqualTo(1);
        importJson(
                Stix.bundle(Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.123456Z", "")),
                org.id(),
                false);
        List<StoredVersion> versions = queries.versions(scope, id);
        assertThat(versions).hasSize(2);
        // original precision is kept in the stored object, and versions order by instant, not by text
        assertThat(queries.latest(scope, id).orElseThrow().modified()).isEqualTo("2024-01-01T00:00:00.123456Z");
        assertThat(versions)
                .extracting(StoredVersion::modified)
                .containsExactlyInAnyOrder("2024-01-01T00:00:00.100Z", "2024-01-01T00:00:00.123456Z");
        assertThat(versions)
                .extracting(StoredVersion::versionKey)
                .contains(StixTimestamps.versionKey("2024-01-01T00:00:00.1Z"));
    }

    @Test
    void onlyTheOwnerMayAddVersionsButOthersMayHoldAnIdenticalVersion() {
        Directory.Organization other = newOrganization("other");
        String id = Stix.newId("indicator");
        String v1 = Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        importJson(Stix.bundle(v1), org.id(), false);

        ImportReport same = importJson(Stix.bundle(v1), other.id(), false);
        assertThat(same.imported()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM holding h JOIN object_version v ON v.seq = h.version_seq WHERE v.stix_id = ?",
                        Long.class,
                        id))
                .isEqualTo(2);
        assertThat(versionRows()).isEqualTo(1);

        ImportReport newer = importJson(
                Stix.bundle(Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", "")),
                other.id(),
                false);
        assertThat(newer.rejected()).isEqualTo(1);
        assertThat(newer.violations().get(0).rule()).isEqualTo("not-owner");
        assertThat(queries.versions(scope, id)).hasSize(1);
    }

    @Test
    void revokedObjectsAreKeptAndFlagged() {
        String id = Stix.newId("indicator");
        importJson(
                Stix.bundle(
                        Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""),
                        Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z", "\"revoked\":true")),
                org.id(),
                false);
        StoredVersion latest = queries.latest(scope, id).orElseThrow();
        assertThat(latest.revoked()).isTrue();
        assertThat(queries.versions(scope, id)).hasSize(2);
    }

    @Test
    void objectsWithoutModifiedAreStored() {
        String sco =
                "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\",\"value\":\"198.51.100.3\"}";
        String marking =
                "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da\",\"created\":\"2017-01-20T00:00:00.000Z\",\"definition_type\":\"tlp\",\"name\":\"TLP:GREEN\",\"definition\":{\"tlp\":\"green\"}}";
        ImportReport report = importJson(Stix.bundle(sco, marking), org.id(), false);
        assertThat(report.clean()).as(report.violations().toString()).isTrue();
        assertThat(report.imported()).isEqualTo(2);
        StoredVersion ip = queries.latest(scope, "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd")
                .orElseThrow();
        assertThat(ip.versionKey()).isEmpty();
        assertThat(ip.taxiiVersion()).isEqualTo(ip.dateAdded());
        assertThat(queries.latest(scope, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da")
                        .orElseThrow()
                        .taxiiVersion())
                .isEqualTo("2017-01-20T00:00:00.000Z");
        assertThat(importJson(Stix.bundle(sco, marking), org.id(), false).unchanged())
                .isEqualTo(2);
    }

    @Test
    void customPropertiesAndExtensionsAreKept() {
        String id = Stix.newId("indicator");
        String object = Stix.indicator(
                id,
                "2024-01-01T00:00:00.000Z",
                "2024-01-01T00:00:00.000Z",
                "\"x_acme_score\":1.50,\"x_acme_nested\":{\"b\":[1,2,{\"c\":null}],\"a\":\"\\u00e9\\u2028\"},"
                        + "\"extensions\":{\"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e\":"
                        + "{\"extension_type\":\"property-extension\",\"rank\":5}}");
        assertThat(importJson(Stix.bundle(object), org.id(), false).clean()).isTrue();
        assertThat(Stix.canonical(queries.latest(scope, id).orElseThrow().content()))
                .isEqualTo(Stix.canonical(object));
        assertThat(queries.latest(scope, id).orElseThrow().content()).contains("1.50");
    }

    @Test
    void jcuDataNeverEntersTheStoredObject() {
        String id = Stix.newId("indicator");
        String object = Stix.indicator(id, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        importJson(Stix.bundle(object), org.id(), false);
        String stored = queries.latest(scope, id).orElseThrow().content();
        assertThat(Stix.canonical(stored)).isEqualTo(Stix.canonical(object));
        assertThat(stored).doesNotContain(org.id());
    }

    @Test
    void relationshipsAndSightingsAreIndexedByTheirRefs() {
        String indicator = Stix.newId("indicator");
        String malware = Stix.newId("malware");
        String relationship =
                "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("relationship")
                        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"relationship_type\":\"indicates\","
                        + "\"source_ref\":\"" + indicator + "\",\"target_ref\":\"" + malware + "\"}";
        String identity = Stix.newId("identity");
        String sighting = "{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("sighting")
                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"sighting_of_ref\":\""
                + indicator + "\",\"where_sighted_refs\":[\"" + identity + "\"],\"count\":3}";
        String identityObject = "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"" + identity
                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"x\"}";
        assertThat(importJson(Stix.bundle(relationship, sighting, identityObject), org.id(), false)
                        .clean())
                .isTrue();
        assertThat(queries.referencing(scope, indicator, 10))
                .extracting(StoredVersion::type)
                .containsExactlyInAnyOrder("relationship", "sighting");
        assertThat(queries.referencing(scope, malware, 10))
                .extracting(StoredVersion::type)
                .containsExactly("relationship");
        assertThat(queries.referencing(scope, identity, 10))
                .extracting(StoredVersion::type)
                .containsExactly("sighting");
        // a list ref to an object the reader cannot see (here: one not stored at all) is left out of what it
        // receives, and the object is then not listed as referencing that id (which would confirm the id exists)
        String unknown = Stix.newId("identity");
        String blind = "{\"type\":\"sighting\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("sighting")
                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
                + "\"sighting_of_ref\":\"" + indicator + "\",\"where_sighted_refs\":[\"" + unknown + "\",\"" + identity
                + "\"]}";
        assertThat(importJson(Stix.bundle(blind), org.id(), false).clean()).isTrue();
        assertThat(queries.referencing(scope, unknown, 10)).isEmpty();
        assertThat(queries.referencing(scope, identity, 10)).hasSize(2);
        assertThat(queries.referencing(scope, identity, 10))
                .allSatisfy(v -> assertThat(v.content()).doesNotContain(unknown));
    }

    // ---- writers ---------------------------------------------------------------------------------------------

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * Positions must commit in order for TAXII pollers, so an import waits for any other writer of the database
     * (another process or node) instead of interleaving with it.
     */
    @Test
    void anImportWaitsForAnotherWriterOfTheDatabase() throws Exception {
        boolean postgres = jdbc.execute(
                        (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        String bundle = Stix.bundle(
                Stix.indicator(Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""));
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var statement = other.createStatement()) {
                if (postgres) {
                    statement.execute("SELECT pg_advisory_xact_lock(" + IntelStore.WRITER_LOCK + ")");
                } else {
                    statement.executeUpdate("UPDATE organization SET name = name WHERE id = 'none'");
                }
            }
            var importing =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> importJson(bundle, org.id(), false));
            Thread.sleep(700);
            assertThat(importing).as("import must wait for the other writer").isNotDone();
            other.commit();
            other.setAutoCommit(true); // sqlite-jdbc begins the next transaction at commit while autocommit is off
            assertThat(importing.get(30, java.util.concurrent.TimeUnit.SECONDS).imported())
                    .isEqualTo(1);
        }
    }

    // ---- atomicity -------------------------------------------------------------------------------------------

    @Test
    void aBundleWithAnInvalidObjectIsRejectedWholeByDefault() {
        String good =
                Stix.indicator(Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        String badId = Stix.newId("indicator");
        String bad = Stix.indicator(badId, "2024-02-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        ImportReport report = importJson(Stix.bundle(good, bad), org.id(), false);
        assertThat(report.committed()).isFalse();
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.violations()).anySatisfy(v -> {
            assertThat(v.objectId()).isEqualTo(badId);
            assertThat(v.pointer()).isEqualTo("/modified");
            assertThat(v.rule()).isEqualTo("modified-before-created");
        });
        assertThat(versionRows()).isZero();
    }

    @Test
    void partialModeKeepsTheValidObjectsAndReportsTheRest() {
        String goodId = Stix.newId("indicator");
        String good = Stix.indicator(goodId, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        String bad = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"malware--" + java.util.UUID.randomUUID()
                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\"}";
        ImportReport report = importJson(Stix.bundle(good, bad), org.id(), true);
        assertThat(report.committed()).isTrue();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.violations()).extracting(Violation::rule).contains("id-prefix");
        assertThat(queries.latest(scope, goodId)).isPresent();
        assertThat(versionRows()).isEqualTo(1);
    }

    @Test
    void malformedRefsOnACustomTypeAreRejectedNotACrashInPartialMode() {
        String good =
                Stix.indicator(Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "");
        String custom = "{\"type\":\"x-foo\",\"spec_version\":\"2.1\",\"id\":\"" + Stix.newId("x-foo")
                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
                + "\"source_ref\":[1],\"target_ref\":[null]}";
        ImportReport report = importJson(Stix.bundle(good, custom), org.id(), true);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.violations()).extracting(Violation::rule).contains("ref-format");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM object_ref", Long.class))
                .isZero();
    }

    @Test
    void truncatedJsonLeavesTheStoreUnchanged() {
        importJson(
                Stix.bundle(Stix.indicator(
                        Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", "")),
                org.id(),
                false);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            many.append(i == 0 ? "" : ",")
                    .append(Stix.indicator(
                            Stix.newId("indicator"), "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", ""));
        }
        String bundle = Stix.bundle(many.toString());
        for (boolean partial : new boolean[] {false, true}) {
            ImportReport report = importJson(bundle.substring(0, bundle.length() - 500), org.id(), partial);
            assertThat(report.error()).containsIgnoringCase("end-of-input");
            assertThat(report.committed()).isFalse();
            assertThat(versionRows()).isEqualTo(1);
        }
    }

    private void assertLosslessRoundTrip(List<ObjectNode> expected) {
        for (ObjectNode object : expected) {
            String id = object.get("id").asString();
            String timestamp = object.has("modified")
                    ? object.get("modified").asString()
                    : object.has("created") ? object.get("created").asString() : null;
            VersionSelector selector = timestamp == null ? VersionSelector.LAST : VersionSelector.parse(timestamp);
            List<StoredVersion> found = queries.list(
                            scope, new IntelQueries.Query(null, List.of(id), null, null, selector, 0, 10))
                    .items();
            assertThat(found).as(id).hasSize(1);
            assertThat(Stix.canonical(found.get(0).content())).as(id).isEqualTo(Stix.canonical(object));
        }
    }

    private static Map<String, Long> countByType(List<ObjectNode> objects) {
        return objects.stream()
                .collect(Collectors.groupingBy(o -> o.get("type").asString(), TreeMap::new, Collectors.counting()));
    }
}
