package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.jcu.test.Corpus;
import org.jcu.test.Stix;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Reading TLP, PAP and EUCI out of marking definitions (decision 0007), including OASIS's own TLP 2.0 definitions. */
class MarkingsTest {

    @Test
    void theOasisTlp20DefinitionsMapToTheirLabelsByIdAndByContent() {
        Map<String, Tlp> expected = Map.of(
                "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
                "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED);
        expected.forEach((id, tlp) -> {
            ObjectNode definition = Stix.objects(
                            Corpus.path("oasis-cti-stix-common-objects/objects/marking-definition/" + id + ".json"))
                    .get(0);
            assertThat(Markings.classify(definition).tlp()).contains(tlp);
            assertThat(Tlp.ofMarkingId(id)).contains(tlp);
            // the same content under another id is still recognised, through its name and tlp_2_0 extension
            definition.put("id", "marking-definition--00000000-0000-4000-8000-000000000001");
            assertThat(Markings.classify(definition).tlp()).contains(tlp);
            definition.remove("name");
            assertThat(Markings.classify(definition).tlp()).contains(tlp);
        });
        // a copyright statement is not a TLP
        ObjectNode statement = Stix.objects(Corpus.path("oasis-cti-stix-common-objects/objects/marking-definition/"
                        + "marking-definition--62fd3f9b-15f3-4ebc-802c-91fce9536bcf.json"))
                .get(0);
        assertThat(Markings.classify(statement).isEmpty()).isTrue();
    }

    @Test
    void tlp10IdsAndLabelsMapToTlp20() {
        assertThat(Tlp.ofMarkingId("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"))
                .contains(Tlp.CLEAR);
        assertThat(Tlp.ofMarkingId("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"))
                .contains(Tlp.GREEN);
        assertThat(Tlp.ofMarkingId("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"))
                .contains(Tlp.AMBER);
        assertThat(Tlp.ofMarkingId("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"))
                .contains(Tlp.RED);
        assertThat(Tlp.parse("tlp:white")).contains(Tlp.CLEAR);
        assertThat(Tlp.parse("TLP:AMBER+STRICT")).contains(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("tlp:unclear")).isEmpty();
        assertThat(Tlp.mostRestrictive(Tlp.GREEN, Tlp.AMBER_STRICT)).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.TLP1_MARKING_IDS).doesNotContainKey(Tlp.AMBER_STRICT);
    }

    @Test
    void papAndEuciAreRecognised() {
        ObjectNode pap = (ObjectNode) Stix.parse("{\"type\":\"marking-definition\",\"id\":\"marking-definition--"
                + "00000000-0000-4000-8000-000000000002\",\"name\":\"PAP:AMBER\",\"definition_type\":\"statement\","
                + "\"definition\":{\"statement\":\"PAP:AMBER\"}}");
        assertThat(Markings.classify(pap).pap()).contains(Pap.AMBER);
        assertThat(Markings.classify(pap).tlp()).isEqualTo(Optional.empty());
        assertThat(Markings.isEuci("C-UE/EU-C")).isTrue();
        assertThat(Markings.isEuci("RESTREINT UE/EU RESTRICTED")).isTrue();
        assertThat(Markings.isEuci("euci:TS-UE/EU-TS")).isTrue();
        assertThat(Markings.isEuci("EU-CyCLONe situation report")).isFalse();
        assertThat(Markings.isEuci("TLP:AMBER")).isFalse();
        assertThat(Markings.euciLabel(Stix.parse("{\"labels\":[\"malware\",\"euci:S-UE/EU-S\"]}")))
                .contains("euci:S-UE/EU-S");
    }
}
