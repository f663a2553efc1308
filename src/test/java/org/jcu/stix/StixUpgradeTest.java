package org.jcu.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** {@link StixUpgrade}: STIX 2.0 objects gain what 2.1 requires, everything else is left as received. */
class StixUpgradeTest {

    private static final String TS = "2017-05-01T00:00:00.000Z";

    private final StixValidator validator = new StixValidator();

    @Test
    void addsSpecVersionToA20Sdo() {
        ObjectNode identity = object("""
                {"type":"identity","id":"identity--8c6af861-7b20-41ef-9b59-6344fd872a8f","created":"%s",
                 "modified":"%s","name":"ACME","identity_class":"organization","labels":["x"]}""".formatted(TS, TS));
        String before = Stix.canonical(identity);

        assertThat(StixUpgrade.isStix20(identity)).isTrue();
        assertThat(StixUpgrade.upgradeIfNeeded(identity)).isTrue();

        assertThat(identity.get("spec_version").stringValue()).isEqualTo("2.1");
        identity.remove("spec_version");
        assertThat(Stix.canonical(identity)).as("nothing else changed").isEqualTo(before);
    }

    @Test
    void malwareBecomesAFamily() {
        ObjectNode malware = object("""
                {"type":"malware","id":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b","created":"%s","modified":"%s",
                 "name":"Poison Ivy","labels":["remote-access-trojan"]}""".formatted(TS, TS));

        StixUpgrade.upgradeIfNeeded(malware);

        assertThat(malware.get("is_family").booleanValue()).isTrue();
        assertThat(validator.validate(malware, 0)).isEmpty();
    }

    @Test
    void keepsAnExplicitIsFamily() {
        ObjectNode malware = object("""
                {"type":"malware","spec_version":"2.0","id":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
                 "created":"%s","modified":"%s","name":"sample","is_family":false}""".formatted(TS, TS));

        assertThat(StixUpgrade.upgradeIfNeeded(malware)).isTrue();

        assertThat(malware.get("is_family").booleanValue()).isFalse();
        assertThat(malware.get("spec_version").stringValue()).isEqualTo("2.1");
    }

    @Test
    void indicatorGetsStixPatternType() {
        ObjectNode indicator = object("""
                {"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"%s",
                 "modified":"%s","labels":["malicious-activity"],"pattern":"[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
                 "valid_from":"%s"}""".formatted(TS, TS, TS));

        StixUpgrade.upgradeIfNeeded(indicator);

        assertThat(indicator.get("pattern_type").stringValue()).isEqualTo("stix");
        assertThat(validator.validate(indicator, 0)).isEmpty();
    }

    @Test
    void leavesStix21ObjectsUntouched() {
        String text = Stix.indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", TS, TS, "");
        ObjectNode indicator = object(text);
        ObjectNode malware = object("""
                {"type":"malware","spec_version":"2.1","id":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
                 "created":"%s","modified":"%s","name":"x","is_family":false}""".formatted(TS, TS));
        String malwareBefore = Stix.canonical(malware);

        assertThat(StixUpgrade.isStix20(indicator)).isFalse();
        assertThat(StixUpgrade.upgradeIfNeeded(indicator)).isFalse();
        assertThat(StixUpgrade.upgradeIfNeeded(malware)).isFalse();

        assertThat(Stix.canonical(indicator)).isEqualTo(Stix.canonical(text));
        assertThat(Stix.canonical(malware)).isEqualTo(malwareBefore);
    }

    @Test
    void leavesCyberObservablesUntouched() {
        String text = """
                {"type":"ipv4-addr","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"}""";
        ObjectNode address = object(text);

        assertThat(StixUpgrade.isStix20(address)).isFalse();
        assertThat(StixUpgrade.upgradeIfNeeded(address)).isFalse();
        assertThat(Stix.canonical(address)).isEqualTo(Stix.canonical(text));
    }

    @Test
    void leavesCustomObjectWithoutCreatedUntouched() {
        String text = """
                {"type":"x-acme-observable","id":"x-acme-observable--ff26c055-6336-5bc5-b98d-13d6226742dd","v":1}""";
        ObjectNode custom = object(text);

        assertThat(StixUpgrade.upgradeIfNeeded(custom)).isFalse();
        assertThat(Stix.canonical(custom)).isEqualTo(Stix.canonical(text));
    }

    @Test
    void leavesObjectsWithoutATypeUntouched() {
        ObjectNode untyped = object("{\"id\":\"x\",\"created\":\"" + TS + "\"}");

        assertThat(StixUpgrade.upgradeIfNeeded(untyped)).isFalse();
        assertThat(untyped.has("spec_version")).isFalse();
    }

    @Test
    void everyObjectOfTheAttackForIcs20BundleIsValidAfterUpgrade() throws IOException {
        Path file = Corpus.path("mitre-cti-stix20/ics-attack-18.1-stix20.json");
        List<Violation> violations = new ArrayList<>();
        int read = 0;
        int upgraded = 0;
        try (StixObjectReader reader = StixObjectReader.open(file)) {
            for (ObjectNode object = reader.next(); object != null; object = reader.next()) {
                if (StixUpgrade.upgradeIfNeeded(object)) {
                    upgraded++;
                }
                violations.addAll(validator.validate(object, read++));
            }
        }

        assertThat(read).isPositive();
        assertThat(upgraded).isEqualTo(read);
        assertThat(violations).isEmpty();
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) StixJson.parse(json);
    }
}
