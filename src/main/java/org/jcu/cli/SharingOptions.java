package org.jcu.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.Pap;
import org.jcu.sharing.SharingRequest;
import org.jcu.sharing.Tlp;
import picocli.CommandLine.Option;

/** Sharing options of {@code jcu import} (decision 0007); unset ones take the organisation's defaults. */
final class SharingOptions {

    @Option(
            names = "--distribution",
            paramLabel = "D",
            description = "organisation_only, communities, connected_communities, all_communities or sharing_groups.")
    String distribution;

    @Option(
            names = "--community",
            paramLabel = "NAME|ID",
            description = "Community to share with (repeatable; for communities / connected_communities).")
    List<String> communities = new ArrayList<>();

    @Option(
            names = "--sharing-group",
            paramLabel = "ID",
            description = "Sharing group to share with (repeatable; for sharing_groups).")
    List<String> sharingGroups = new ArrayList<>();

    @Option(
            names = "--recipient",
            paramLabel = "ORG",
            description = "Named recipient organisation of TLP:RED objects (repeatable).")
    List<String> recipients = new ArrayList<>();

    @Option(
            names = "--tlp",
            paramLabel = "TLP",
            description = "TLP for objects without a TLP marking (e.g. TLP:GREEN).")
    String tlp;

    @Option(names = "--pap", paramLabel = "PAP", description = "PAP for objects without a PAP marking.")
    String pap;

    /** The request, parsing names; bad values raise {@link UsageException}. */
    SharingRequest request() {
        try {
            return new SharingRequest(
                    distribution == null ? null : Distribution.of(distribution),
                    List.copyOf(communities),
                    List.copyOf(sharingGroups),
                    List.copyOf(recipients),
                    tlp == null ? null : Tlp.of(tlp),
                    pap == null ? null : Pap.of(pap));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The same options as query parameters of {@code POST /api/v1/bundles} (each prefixed with {@code &}). */
    String queryParameters() {
        request();
        StringBuilder out = new StringBuilder();
        append(out, "distribution", distribution);
        communities.forEach(c -> append(out, "community", c));
        sharingGroups.forEach(g -> append(out, "sharing_group", g));
        recipients.forEach(r -> append(out, "recipient", r));
        append(out, "tlp", tlp);
        append(out, "pap", pap);
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
