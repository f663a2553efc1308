package org.jcu.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jcu.intel.ImportReport;
import org.jcu.intel.IntelQueries;
import org.jcu.intel.StoredVersion;
import org.jcu.stix.StixJson;
import org.jcu.test.Http;
import org.jcu.test.StoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The randomized leak test of issue 3: a seeded generator builds organisations in both compartments (some served by
 * others), communities with links, MoUs (current, bounded, expired, not yet started, later terminated), sharing groups
 * (some confidential) and object versions held by several organisations under random TLP, distribution, targets and
 * named recipients, including containers submitted with their members. An oracle written here as plain set logic
 * from the truth table in {@code docs/decisions/0007-access-policy-truth-table.md} — no production code — decides
 * what each organisation may see; every (user, object or version, read path) is compared: REST list / get / versions
 * / references / stats, TAXII objects (last and all versions) / object / versions / manifest, and the redaction of
 * references to invisible objects. The world then changes (MoUs terminated and added, sharing-group members added and
 * removed, releases by other holders) and everything is checked again.
 *
 * <p>Reproducible: the seed is printed and part of every failure message; rerun with {@code -Djcu.leak.seed=N}.
 * Scale: {@code -Djcu.leak.ids} (objects per world, default 700), {@code -Djcu.leak.worlds} (default 1).
 */
public abstract class AccessLeakContract extends StoreFixture {

    static final String TAXII = "application/taxii+json;version=2.1";

    /** Ids per reader and phase checked one by one through the data layer (the list paths check every id). */
    static final int DATA_LAYER_SAMPLE = 120;

    static final String COLLECTION = "/taxii2/jcu/collections/365fed99-08fa-4fdc-a1b3-fb247eb41d01/";

    /**
     * Indicator values: the normalised value, then patterns writing it (several notations, so correlation must
     * normalise); two blocks contain some of the addresses.
     */
    static final String[][] IP_POOL = ipPool();

    private static String[][] ipPool() {
        List<String[]> pool = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String v4 = "185.220.101." + i;
            pool.add(new String[] {
                v4,
                "[ipv4-addr:value = '" + v4 + "']",
                "[ipv6-addr:value = '::ffff:" + v4 + "']",
                "[ipv4-addr:value = '" + v4 + "/32']"
            });
            String hex = Integer.toHexString(i * 17);
            pool.add(new String[] {
                "2a0b:f4c0::" + hex,
                "[ipv6-addr:value = '2a0b:f4c0::" + hex + "']",
                "[ipv6-addr:value = '2A0B:F4C0:0:0:0:0:0:" + hex.toUpperCase(java.util.Locale.ROOT) + "']"
            });
        }
        pool.add(new String[] {"185.220.101.0/29", "[ipv4-addr:value ISSUBSET '185.220.101.0/29']"});
        pool.add(new String[] {"2a0b:f4c0::/121", "[ipv6-addr:value ISSUBSET '2a0b:f4c0::0/121']"});
        return pool.toArray(String[][]::new);
    }

    @LocalServerPort
    int port;

    @Autowired
    Communities communities;

    @Autowired
    SharingGroups sharingGroups;

    @Autowired
    IntelQueries queries;

    @Autowired
    AccessGrants grants;

    @Test
    void noLeakAndNothingWronglyHidden() {
        long first = Long.getLong("jcu.leak.seed", new SecureRandom().nextLong());
        int worlds = Integer.getInteger("jcu.leak.worlds", 1);
        int ids = Integer.getInteger("jcu.leak.ids", 700);
        long total = 0;
        for (int w = 0; w < worlds; w++) {
            long seed = first + w;
            System.out.println("AccessLeak: world " + (w + 1) + "/" + worlds + " seed " + seed + " ("
                    + getClass().getSimpleName() + ")");
            World world = new World(seed, ids);
            total += world.run();
        }
        System.out.println("AccessLeak: " + total + " checks, 0 leaks, 0 wrongly hidden ("
                + getClass().getSimpleName() + ")");
        assertThat(total).isGreaterThanOrEqualTo(100_000L * worlds * ids / 700);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the model and its oracle (plain set logic; decision 0007)

    record OrgM(String id, boolean government, String servedBy, JcuPrincipalToken user) {}

    record JcuPrincipalToken(JcuPrincipal principal, String token) {
        @Override
        public String toString() {
            return principal.toString();
        }
    }

    static final class MouM {
        final String id;
        final String community;
        final Set<String> parties;
        final Instant from;
        Instant until;

        MouM(String id, String community, Set<String> parties, Instant from, Instant until) {
            this.id = id;
            this.community = community;
            this.parties = parties;
            this.from = from;
            this.until = until;
        }

        boolean validAt(Instant at) {
            return !from.isAfter(at) && (until == null || until.isAfter(at));
        }
    }

    record Profile(
            Distribution distribution,
            List<String> communities,
            List<String> groups,
            List<String> recipients,
            Tlp defaultTlp) {}

    static final class HoldingM {
        final String org;
        final Profile profile;
        final int bundle;
        Tlp tlp;
        /** Re-shared by a recipient that got it under AMBER or stricter: it stays with the holder (decision 0010). */
        boolean holderOnly;
        /** Organisations this holder granted access to (decision 0016). */
        final Set<String> grants = new HashSet<>();

        HoldingM(String org, Profile profile, int bundle) {
            this.org = org;
            this.profile = profile;
            this.bundle = bundle;
        }
    }

    static final class VersionM {
        final String id;
        final String type;
        final String modified;
        final Tlp marked;
        final List<String> objectRefs;
        final String sourceRef;
        final String targetRef;
        final Map<String, HoldingM> holdings = new LinkedHashMap<>();
        String json;
        /** Indicators: the IP value (normalised) its pattern holds, and how the pattern writes it. */
        String ip;

        String ipText;

        VersionM(
                String id,
                String type,
                String modified,
                Tlp marked,
                List<String> objectRefs,
                String sourceRef,
                String targetRef) {
            this.id = id;
            this.type = type;
            this.modified = modified;
            this.marked = marked;
            this.objectRefs = objectRefs;
            this.sourceRef = sourceRef;
            this.targetRef = targetRef;
        }
    }

    final class World {
        final long seed;
        final Random random;
        final int idCount;
        final String tag;
        final Map<String, OrgM> orgs = new LinkedHashMap<>();
        final List<String> communityIds = new ArrayList<>();
        final Map<String, Set<String>> links = new HashMap<>();
        final List<MouM> mous = new ArrayList<>();
        final Map<String, Set<String>> groups = new LinkedHashMap<>();
        final Map<String, List<Profile>> profiles = new HashMap<>();
        final Map<String, List<VersionM>> versionsById = new LinkedHashMap<>();
        final List<VersionM> versions = new ArrayList<>();
        final Http http = new Http(port);
        final List<String> failures = new ArrayList<>();
        /** Per reader: what it could see at the end of the previous phase, and the last date_added it polled. */
        final Map<String, Set<String>> seenBefore = new HashMap<>();

        final Map<String, String> lastPolled = new HashMap<>();
        long checks;
        long noticesExpected;
        int bundles;

        World(long seed, int idCount) {
            this.seed = seed;
            this.random = new Random(seed);
            this.idCount = idCount;
            this.tag =
                    Long.toHexString(seed) + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        long run() {
            long started = System.nanoTime();
            resetStore();
            buildDirectory();
            buildObjects();
            importAll(false);
            System.out.printf(
                    "AccessLeak: %d versions, %d bundles imported in %.1f s%n",
                    versions.size(), bundles, (System.nanoTime() - started) / 1e9);
            verify("initial");
            changeMemberships();
            verify("after MoU and sharing-group changes");
            release();
            verify("after releases by other holders");
            grant();
            verify("after access grants");
            System.out.printf(
                    "AccessLeak: %d blind match notices expected and served over all phases%n", noticesExpected);
            assertThat(noticesExpected)
                    .as("the world must produce blind match notices")
                    .isPositive();
            return checks;
        }

        // -- generation ----------------------------------------------------------------------------------------

        void buildDirectory() {
            int orgCount = 12 + random.nextInt(4);
            List<String> created = new ArrayList<>();
            for (int i = 0; i < orgCount; i++) {
                boolean government = random.nextInt(10) < 6;
                String servedBy = !created.isEmpty() && random.nextInt(10) < 4
                        ? created.get(random.nextInt(created.size()))
                        : null;
                Directory.Organization org = directory.createOrganization(new Directory.NewOrganization(
                        "leak-" + tag + "-" + i,
                        government ? "BE" : "DE",
                        government ? Compartment.GOVERNMENT : Compartment.PRIVATE,
                        Set.of(),
                        null,
                        servedBy));
                UserRole role = UserRole.values()[random.nextInt(UserRole.values().length)];
                JcuPrincipal user = directory.createUser("leak-" + tag + "-u" + i, org.id(), role);
                String token = directory.issueToken(user.userId(), "leak", null);
                orgs.put(org.id(), new OrgM(org.id(), government, servedBy, new JcuPrincipalToken(user, token)));
                created.add(org.id());
            }
            for (int i = 0; i < 5; i++) {
                communityIds.add(communities
                        .create("leak-" + tag + "-c" + i, Communities.Kind.OTHER, "leak test")
                        .id());
            }
            for (int i = 0; i < 4; i++) {
                String a = pick(communityIds);
                String b = pick(communityIds);
                if (!a.equals(b)) {
                    communities.link(a, b);
                    links.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                    links.computeIfAbsent(b, k -> new HashSet<>()).add(a);
                }
            }
            Instant now = Instant.now();
            for (String community : communityIds) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    addMou(community, now);
                }
            }
            for (int i = 0; i < 5; i++) {
                String owner = pick(new ArrayList<>(orgs.keySet()));
                Set<String> members = new LinkedHashSet<>();
                int n = random.nextInt(5);
                for (int m = 0; m < n; m++) {
                    members.add(pick(new ArrayList<>(orgs.keySet())));
                }
                SharingGroups.SharingGroup group = sharingGroups.create(
                        "leak-" + tag + "-g" + i, owner, random.nextBoolean(), null, List.copyOf(members));
                Set<String> all = new HashSet<>(members);
                all.add(owner);
                groups.put(group.id(), all);
            }
            for (String org : orgs.keySet()) {
                List<Profile> list = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    list.add(randomProfile());
                }
                profiles.put(org, list);
            }
        }

        void addMou(String community, Instant now) {
            Set<String> parties = new LinkedHashSet<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                parties.add(pick(new ArrayList<>(orgs.keySet())));
            }
            Instant from;
            Instant until;
            int kind = random.nextInt(10);
            if (kind < 5) {
                from = now.minus(Duration.ofDays(30));
                until = null;
            } else if (kind < 7) {
                from = now.minus(Duration.ofDays(2));
                until = now.plus(Duration.ofDays(1));
            } else if (kind < 9) {
                from = now.minus(Duration.ofDays(10));
                until = now.minus(Duration.ofDays(1));
            } else {
                from = now.plus(Duration.ofDays(1));
                until = null;
            }
            Communities.Mou mou = communities.recordMou(
                    community,
                    "MoU " + mous.size(),
                    "leak test",
                    LocalDate.of(2026, 1, 1),
                    from,
                    until,
                    List.copyOf(parties));
            mous.add(new MouM(mou.id(), community, parties, from, until));
        }

        Profile randomProfile() {
            Distribution distribution = Distribution.values()[random.nextInt(Distribution.values().length)];
            List<String> targetCommunities = new ArrayList<>();
            List<String> targetGroups = new ArrayList<>();
            if (distribution.namesCommunities()) {
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    targetCommunities.add(pick(communityIds));
                }
            }
            if (distribution == Distribution.SHARING_GROUPS) {
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    targetGroups.add(pick(new ArrayList<>(groups.keySet())));
                }
            }
            List<String> recipients = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                recipients.add(pick(new ArrayList<>(orgs.keySet())));
            }
            return new Profile(
                    distribution,
                    List.copyOf(new LinkedHashSet<>(targetCommunities)),
                    List.copyOf(new LinkedHashSet<>(targetGroups)),
                    List.copyOf(new LinkedHashSet<>(recipients)),
                    Tlp.values()[random.nextInt(Tlp.values().length)]);
        }

        void buildObjects() {
            List<String> targets = new ArrayList<>();
            List<String[]> plan = new ArrayList<>();
            for (int i = 0; i < idCount; i++) {
                int roll = random.nextInt(100);
                String type = roll < 55
                        ? "indicator"
                        : roll < 65 ? "malware" : roll < 75 ? "report" : roll < 80 ? "grouping" : "relationship";
                String id = type + "--" + UUID.nameUUIDFromBytes((tag + "/" + i).getBytes(StandardCharsets.UTF_8));
                plan.add(new String[] {id, type});
                if (type.equals("indicator") || type.equals("malware")) {
                    targets.add(id);
                }
            }
            List<String> allIds = plan.stream().map(p -> p[0]).toList();
            for (String[] entry : plan) {
                String id = entry[0];
                String type = entry[1];
                String owner = pick(new ArrayList<>(orgs.keySet()));
                int versionCount = 1 + random.nextInt(3);
                List<VersionM> list = new ArrayList<>();
                for (int v = 0; v < versionCount; v++) {
                    String modified = String.format(
                            "2025-%02d-%02dT%02d:00:00.%03dZ",
                            1 + v, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(1000));
                    Tlp marked = random.nextInt(4) == 0 ? Tlp.values()[random.nextInt(Tlp.values().length)] : null;
                    List<String> refs = new ArrayList<>();
                    String source = null;
                    String target = null;
                    if (type.equals("report") || type.equals("grouping")) {
                        int n = 1 + random.nextInt(5);
                        for (int r = 0; r < n; r++) {
                            refs.add(pick(allIds));
                        }
                        refs = List.copyOf(new LinkedHashSet<>(refs));
                    } else if (type.equals("relationship") && targets.size() >= 2) {
                        source = pick(targets);
                        do {
                            target = pick(targets);
                        } while (target.equals(source));
                    } else if (type.equals("relationship")) {
                        continue;
                    }
                    VersionM version = new VersionM(id, type, modified, marked, refs, source, target);
                    if (type.equals("indicator")) {
                        String[] ip = IP_POOL[random.nextInt(IP_POOL.length)];
                        version.ip = ip[0];
                        version.ipText = ip[1 + random.nextInt(ip.length - 1)];
                    }
                    version.json = json(version, random.nextBoolean());
                    version.holdings.put(owner, new HoldingM(owner, null, -1));
                    int extra = random.nextInt(3);
                    for (int h = 0; h < extra; h++) {
                        String holder = pick(new ArrayList<>(orgs.keySet()));
                        version.holdings.putIfAbsent(holder, new HoldingM(holder, null, -1));
                    }
                    list.add(version);
                }
                if (!list.isEmpty()) {
                    versionsById.put(id, list);
                    versions.addAll(list);
                }
            }
        }

        String json(VersionM v, boolean tlp1) {
            ObjectNode node = StixJson.mapper().createObjectNode();
            node.put("type", v.type);
            node.put("spec_version", "2.1");
            node.put("id", v.id);
            node.put("created", "2025-01-01T00:00:00.000Z");
            node.put("modified", v.modified);
            switch (v.type) {
                case "indicator" -> {
                    node.put("name", "leak " + v.id);
                    node.put("pattern", v.ipText);
                    node.put("pattern_type", "stix");
                    node.put("valid_from", "2025-01-01T00:00:00Z");
                }
                case "malware" -> {
                    node.put("name", "leak " + v.id);
                    node.put("is_family", false);
                }
                case "report" -> {
                    node.put("name", "leak " + v.id);
                    node.put("published", "2025-01-01T00:00:00Z");
                    ArrayNode refs = node.putArray("object_refs");
                    v.objectRefs.forEach(refs::add);
                }
                case "grouping" -> {
                    node.put("context", "suspicious-activity");
                    ArrayNode refs = node.putArray("object_refs");
                    v.objectRefs.forEach(refs::add);
                }
                default -> {
                    node.put("relationship_type", "indicates");
                    node.put("source_ref", v.sourceRef);
                    node.put("target_ref", v.targetRef);
                }
            }
            if (v.marked != null) {
                String id = tlp1 && Tlp.TLP1_MARKING_IDS.containsKey(v.marked)
                        ? Tlp.TLP1_MARKING_IDS.get(v.marked)
                        : v.marked.markingId();
                node.putArray("object_marking_refs").add(id);
            }
            return StixJson.storageForm(node);
        }

        // -- imports ---------------------------------------------------------------------------------------------

        /** Owners first (they create the versions), then the other holders; one bundle per (holder, profile). */
        void importAll(boolean onlyUnassigned) {
            for (boolean owners : new boolean[] {true, false}) {
                Map<String, List<VersionM>> byBundle = new TreeMap<>();
                Map<String, Profile> bundleProfile = new HashMap<>();
                for (VersionM version : versions) {
                    String owner = version.holdings.keySet().iterator().next();
                    for (HoldingM holding : version.holdings.values()) {
                        if (holding.bundle >= 0 || owners != holding.org.equals(owner)) {
                            continue;
                        }
                        int index = random.nextInt(profiles.get(holding.org).size());
                        String key = holding.org + "#" + index;
                        byBundle.computeIfAbsent(key, k -> new ArrayList<>()).add(version);
                        bundleProfile.put(key, profiles.get(holding.org).get(index));
                    }
                }
                for (Map.Entry<String, List<VersionM>> bundle : byBundle.entrySet()) {
                    String org = bundle.getKey().substring(0, bundle.getKey().indexOf('#'));
                    Profile profile = bundleProfile.get(bundle.getKey());
                    int number = bundles++;
                    StringBuilder json = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--")
                            .append(UUID.randomUUID())
                            .append("\",\"objects\":[");
                    List<VersionM> members = bundle.getValue();
                    for (int i = 0; i < members.size(); i++) {
                        json.append(i == 0 ? "" : ",").append(members.get(i).json);
                        HoldingM old = members.get(i).holdings.get(org);
                        HoldingM holding = new HoldingM(org, profile, number);
                        holding.tlp = members.get(i).marked != null ? members.get(i).marked : profile.defaultTlp();
                        // never loosened: how did this organisation receive the version from the others?
                        Tlp got = null;
                        Instant now = Instant.now();
                        for (HoldingM other : members.get(i).holdings.values()) {
                            if (other.bundle >= 0 && !other.org.equals(org) && sees(orgs.get(org), other, now)) {
                                got = got == null || other.tlp.ordinal() < got.ordinal() ? other.tlp : got;
                            }
                        }
                        if (got != null) {
                            holding.tlp = Tlp.mostRestrictive(holding.tlp, got);
                            holding.holderOnly = got.ordinal() >= Tlp.AMBER.ordinal();
                        }
                        members.get(i).holdings.put(org, holding);
                        assertThat(old.bundle).isEqualTo(-1);
                    }
                    json.append("]}");
                    ImportReport report = importJson(
                            json.toString(),
                            org,
                            false,
                            new HoldingSharing(
                                    profile.distribution(),
                                    profile.communities(),
                                    profile.groups(),
                                    profile.recipients(),
                                    profile.defaultTlp(),
                                    null));
                    assertThat(report.committed())
                            .as("seed " + seed + ": import " + report)
                            .isTrue();
                    assertThat(report.imported()).isEqualTo(members.size());
                    applyContainerRule(org, number, members);
                }
            }
        }

        /** Decision 0007: members created by the same import take the stricter TLP of a container that names them. */
        void applyContainerRule(String org, int bundle, List<VersionM> members) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (VersionM container : members) {
                    if (!container.type.equals("report") && !container.type.equals("grouping")) {
                        continue;
                    }
                    Tlp containerTlp = container.holdings.get(org).tlp;
                    for (VersionM member : members) {
                        HoldingM holding = member.holdings.get(org);
                        if (member != container
                                && container.objectRefs.contains(member.id)
                                && holding.bundle == bundle
                                && holding.tlp.ordinal() < containerTlp.ordinal()) {
                            holding.tlp = containerTlp;
                            changed = true;
                        }
                    }
                }
            }
        }

        // -- changes -----------------------------------------------------------------------------------------------

        void changeMemberships() {
            Instant now = Instant.now();
            for (MouM mou : mous) {
                if (mou.validAt(now) && random.nextInt(3) == 0) {
                    assertThat(communities.terminateMou(mou.id)).isTrue();
                    mou.until = communities
                            .mou(mou.id)
                            .map(m -> Instant.parse(m.validUntil()))
                            .orElseThrow();
                }
            }
            for (int i = 0; i < 3; i++) {
                addMou(pick(communityIds), Instant.now());
            }
            List<String> groupIds = new ArrayList<>(groups.keySet());
            for (int i = 0; i < 2; i++) {
                String group = pick(groupIds);
                String org = pick(new ArrayList<>(orgs.keySet()));
                sharingGroups.addMember(group, org);
                groups.get(group).add(org);
            }
            String group = pick(groupIds);
            String owner = sharingGroups.ownerOf(group).orElseThrow();
            for (String member : List.copyOf(groups.get(group))) {
                if (!member.equals(owner)) {
                    assertThat(sharingGroups.removeMember(group, member)).isTrue();
                    groups.get(group).remove(member);
                    break;
                }
            }
        }

        /** Other organisations (often government ones) hold existing versions under their own profiles. */
        void release() {
            List<String> government = orgs.values().stream()
                    .filter(OrgM::government)
                    .map(OrgM::id)
                    .toList();
            for (VersionM version : versions) {
                if (random.nextInt(5) == 0) {
                    String holder = !government.isEmpty() && random.nextBoolean()
                            ? pick(government)
                            : pick(new ArrayList<>(orgs.keySet()));
                    version.holdings.putIfAbsent(holder, new HoldingM(holder, null, -1));
                }
            }
            importAll(true);
        }

        /**
         * Holders grant random organisations access to their holdings (decision 0016); grants on TLP:RED holdings
         * and by holders that do not own the id must have no effect.
         */
        void grant() {
            for (VersionM version : versions) {
                if (random.nextInt(6) != 0) {
                    continue;
                }
                List<HoldingM> held = version.holdings.values().stream()
                        .filter(h -> h.bundle >= 0)
                        .toList();
                if (held.isEmpty()) {
                    continue;
                }
                HoldingM h = held.get(random.nextInt(held.size()));
                String grantee = pick(new ArrayList<>(orgs.keySet()));
                long seq = seqOf(version);
                grants.grant(h.org, grantee, List.of(seq));
                String owner = version.holdings.keySet().iterator().next();
                if (h.tlp != Tlp.RED && h.org.equals(owner)) {
                    h.grants.add(grantee);
                }
            }
        }

        long seqOf(VersionM version) {
            return jdbc.queryForObject(
                    "SELECT seq FROM object_version WHERE stix_id = ? AND modified = ?",
                    Long.class,
                    version.id,
                    version.modified);
        }

        // -- the oracle --------------------------------------------------------------------------------------------

        Set<String> validCommunities(String org, Instant at) {
            Set<String> out = new HashSet<>();
            for (MouM mou : mous) {
                if (mou.parties.contains(org) && mou.validAt(at)) {
                    out.add(mou.community);
                }
            }
            return out;
        }

        boolean reaches(OrgM x, HoldingM h, Instant at) {
            boolean holderGovernment = orgs.get(h.org).government();
            Set<String> valid = validCommunities(x.id(), at);
            Profile p = h.profile;
            switch (p.distribution()) {
                case SHARING_GROUPS:
                    for (String group : p.groups()) {
                        if (groups.get(group).contains(x.id())) {
                            return true;
                        }
                    }
                    return false;
                case COMMUNITIES:
                case CONNECTED_COMMUNITIES:
                    boolean named = false;
                    for (String c : p.communities()) {
                        named |= valid.contains(c);
                    }
                    if (named && (x.government() || holderGovernment)) {
                        return true;
                    }
                    if (p.distribution() == Distribution.CONNECTED_COMMUNITIES && x.government()) {
                        for (String c : p.communities()) {
                            for (String linked : links.getOrDefault(c, Set.of())) {
                                if (valid.contains(linked)) {
                                    return true;
                                }
                            }
                        }
                    }
                    return false;
                case ALL_COMMUNITIES:
                    return x.government() && !valid.isEmpty();
                default:
                    return false;
            }
        }

        boolean sees(OrgM reader, HoldingM h, Instant at) {
            if (h.org.equals(reader.id())) {
                return true;
            }
            if (h.tlp != Tlp.RED && h.grants.contains(reader.id())) {
                return true;
            }
            if (h.holderOnly) {
                return false;
            }
            if (h.tlp == Tlp.RED) {
                return h.profile.recipients().contains(reader.id());
            }
            if (reaches(reader, h, at)) {
                return true;
            }
            if (h.tlp == Tlp.AMBER
                    && reader.servedBy() != null
                    && !reader.servedBy().equals(h.org)) {
                boolean compartmentOk = reader.government() || orgs.get(h.org).government();
                return compartmentOk && reaches(orgs.get(reader.servedBy()), h, at);
            }
            return false;
        }

        boolean visible(OrgM reader, VersionM v, Instant at) {
            for (HoldingM h : v.holdings.values()) {
                if (h.bundle >= 0 && sees(reader, h, at)) {
                    return true;
                }
            }
            return false;
        }

        // -- comparison ------------------------------------------------------------------------------------------

        void verify(String phase) {
            long started = System.nanoTime();
            long before = checks;
            for (OrgM reader : orgs.values()) {
                Instant at = Instant.now();
                Map<String, VersionM> latest = new TreeMap<>();
                Set<String> visibleVersions = new HashSet<>();
                for (VersionM v : versions) {
                    if (v.holdings.values().stream().allMatch(h -> h.bundle < 0)) {
                        continue;
                    }
                    if (visible(reader, v, at)) {
                        visibleVersions.add(key(v.id, v.modified));
                        VersionM best = latest.get(v.id);
                        if (best == null || best.modified.compareTo(v.modified) < 0) {
                            latest.put(v.id, v);
                        }
                    }
                }
                String context = "seed " + seed + ", phase " + phase + ", reader " + reader;
                timed("REST list", () -> compareRestList(reader, latest, context));
                timed("TAXII lists", () -> compareTaxiiList(reader, latest, visibleVersions, context));
                timed("stats", () -> compareStats(reader, latest, context));
                timed("data layer", () -> compareDataLayer(reader, latest, visibleVersions, context));
                timed("single objects", () -> compareSampledEndpoints(reader, latest, visibleVersions, context));
                timed("polling", () -> comparePolling(reader, visibleVersions, context));
                timed("correlations", () -> compareCorrelations(reader, visibleVersions, context));
                timed("notices", () -> compareNotices(reader, at, context));
            }
            System.out.printf(
                    "AccessLeak: phase '%s': %d checks in %.1f s %s%n",
                    phase, checks - before, (System.nanoTime() - started) / 1e9, timings);
            timings.clear();
            assertThat(failures)
                    .as("seed " + seed + ": leaks or wrongly hidden objects")
                    .isEmpty();
        }

        /**
         * Issue 4: "who holds this value" lists exactly the visible objects holding it (equal, or a block containing
         * it), whatever notation is asked; an object's observables are 404 when the object is invisible.
         */
        void compareCorrelations(OrgM reader, Set<String> visible, String context) {
            for (String[] pool : IP_POOL) {
                String asked = pool[random.nextInt(pool.length - 1) + 1]
                        .replaceAll("^\\[ipv[46]-addr:value (=|ISSUBSET) '", "")
                        .replaceAll("']$", "");
                Map<String, Set<String>> expected = new TreeMap<>();
                for (VersionM v : versions) {
                    if (v.ip == null || !visible.contains(key(v.id, v.modified))) {
                        continue;
                    }
                    String relation = relation(pool[0], v.ip);
                    if (relation != null) {
                        expected.computeIfAbsent(relation + " " + v.ip, k -> new TreeSet<>())
                                .add(v.id);
                    }
                }
                Map<String, Set<String>> served = new TreeMap<>();
                JsonNode answer = getJson(
                        "/api/v1/observables?kind=ip&value="
                                + java.net.URLEncoder.encode(asked, StandardCharsets.UTF_8),
                        reader,
                        null);
                for (JsonNode c : answer.get("correlations")) {
                    Set<String> ids = new TreeSet<>();
                    c.get("objects").forEach(o -> ids.add(o.get("id").asString()));
                    served.put(
                            c.get("relation").asString() + " " + c.get("value").asString(), ids);
                }
                checks++;
                if (!expected.equals(served)) {
                    fail(context + ", observables " + asked + ": expected " + expected + " got " + served);
                }
            }
            List<String> ids = new ArrayList<>(versionsById.keySet());
            for (int i = 0; i < 6; i++) {
                String id = ids.get(random.nextInt(ids.size()));
                boolean anyVisible =
                        versionsById.get(id).stream().anyMatch(v -> visible.contains(key(v.id, v.modified)));
                int status = http.get(
                                "/api/v1/objects/" + id + "/observables",
                                Http.bearer(reader.user().token()),
                                null)
                        .statusCode();
                checks++;
                if (anyVisible != (status == 200)) {
                    fail(context + ", observables of " + id + ": expected " + (anyVisible ? 200 : 404) + " got "
                            + status);
                }
                // sightings and decay scores of an object answer only for objects the reader may see
                int sightings = http.get(
                                "/api/v1/objects/" + id + "/sightings",
                                Http.bearer(reader.user().token()),
                                null)
                        .statusCode();
                checks++;
                if (anyVisible != (sightings == 200)) {
                    fail(context + ", sightings of " + id + ": expected " + (anyVisible ? 200 : 404) + " got "
                            + sightings);
                }
                if (id.startsWith("indicator--")) {
                    int score = http.get(
                                    "/api/v1/objects/" + id + "/score",
                                    Http.bearer(reader.user().token()),
                                    null)
                            .statusCode();
                    checks++;
                    if (anyVisible != (score == 200)) {
                        fail(context + ", score of " + id + ": expected " + (anyVisible ? 200 : 404) + " got " + score);
                    }
                }
            }
        }

        /** The stored value {@code other} relates to the asked {@code value} as: equal, contained-in, contains. */
        String relation(String value, String other) {
            if (value.equals(other)) {
                return "equal";
            }
            org.jcu.observable.IpRange a = org.jcu.observable.Normalizer.normalize(
                            org.jcu.observable.ObservableKind.IP, value)
                    .range();
            org.jcu.observable.IpRange b = org.jcu.observable.Normalizer.normalize(
                            org.jcu.observable.ObservableKind.IP, other)
                    .range();
            return b.contains(a) ? "contained-in" : a.contains(b) ? "contains" : null;
        }

        /**
         * Blind match notices (decision 0016): exactly for values the reader's organisation holds that at least the
         * minimum number of other owners hold, non-RED, in versions the reader cannot see; the bucket is right.
         */
        void compareNotices(OrgM reader, Instant at, String context) {
            Map<String, String> expected = new TreeMap<>();
            for (String[] pool : IP_POOL) {
                String value = pool[0];
                boolean held = false;
                Set<String> hiddenOwners = new HashSet<>();
                for (VersionM v : versions) {
                    if (!value.equals(v.ip)) {
                        continue;
                    }
                    HoldingM mine = v.holdings.get(reader.id());
                    held |= mine != null && mine.bundle >= 0;
                    String owner = v.holdings.keySet().iterator().next();
                    HoldingM ownerHolding = v.holdings.get(owner);
                    if (!owner.equals(reader.id())
                            && ownerHolding.bundle >= 0
                            && ownerHolding.tlp != Tlp.RED
                            && !visible(reader, v, at)) {
                        hiddenOwners.add(owner);
                    }
                }
                if (held && hiddenOwners.size() >= 2) {
                    int n = hiddenOwners.size();
                    expected.put(value, n <= 1 ? "1" : n <= 4 ? "2-4" : "5+");
                }
            }
            noticesExpected += expected.size();
            Map<String, String> served = new TreeMap<>();
            for (JsonNode n : getJson("/api/v1/correlations/notices?limit=1000", reader, null)
                    .get("notices")) {
                if (n.get("value").asString().startsWith("185.220.101.")
                        || n.get("value").asString().startsWith("2a0b:f4c0:")) {
                    served.put(n.get("value").asString(), n.get("owners").asString());
                }
            }
            checks++;
            if (!expected.equals(served)) {
                fail(context + ", blind match notices: expected " + expected + " got " + served);
            }
        }

        /**
         * Issue 3, 4b: a poller that continues with {@code added_after} = the last {@code date_added} it received
         * gets every version that became visible to it since (and every new one).
         */
        void comparePolling(OrgM reader, Set<String> visible, String context) {
            String after = lastPolled.get(reader.id());
            Set<String> before = seenBefore.get(reader.id());
            if (after != null) {
                Set<String> polled = new HashSet<>();
                for (JsonNode entry :
                        taxiiPages(reader, "manifest/?limit=211&match[version]=all&added_after=" + after)) {
                    polled.add(
                            key(entry.get("id").asString(), entry.get("version").asString()));
                }
                for (String version : visible) {
                    if (!before.contains(version)) {
                        checks++;
                        if (!polled.contains(version)) {
                            fail(context + ", TAXII poll added_after=" + after + ": missed newly visible " + version);
                        }
                    }
                }
                for (String version : polled) {
                    checks++;
                    if (!visible.contains(version)) {
                        fail(context + ", TAXII poll added_after=" + after + ": LEAK of " + version);
                    }
                }
            }
            String last = null;
            for (JsonNode entry : taxiiPages(reader, "manifest/?limit=211&match[version]=all")) {
                String added = entry.get("date_added").asString();
                last = last == null || added.compareTo(last) > 0 ? added : last;
            }
            if (last != null) {
                lastPolled.put(reader.id(), last);
            }
            seenBefore.put(reader.id(), new HashSet<>(visible));
        }

        final Map<String, String> timings = new TreeMap<>();

        void timed(String what, Runnable check) {
            long t0 = System.nanoTime();
            check.run();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            timings.merge(what, ms + "ms", (a, b) -> (Long.parseLong(a.replace("ms", "")) + ms) + "ms");
        }

        void compareRestList(OrgM reader, Map<String, VersionM> latest, String context) {
            Map<String, String> served = new TreeMap<>();
            String cursor = null;
            do {
                JsonNode page =
                        getJson("/api/v1/objects?limit=97" + (cursor == null ? "" : "&cursor=" + cursor), reader, null);
                for (JsonNode object : page.get("objects")) {
                    served.put(
                            object.get("id").asString(), object.get("modified").asString());
                    checkRedaction(reader, object, context + ", REST list");
                }
                cursor = page.get("more").asBoolean() ? page.get("next").asString() : null;
            } while (cursor != null);
            compareLatest(served, latest, context + ", REST list");
            // the indicator listing with decay scores (scores of a page computed together)
            Map<String, String> scored = new TreeMap<>();
            String after = null;
            do {
                JsonNode page =
                        getJson("/api/v1/indicators?limit=61" + (after == null ? "" : "&next=" + after), reader, null);
                for (JsonNode item : page.get("indicators")) {
                    scored.put(
                            item.get("object").get("id").asString(),
                            item.get("object").get("modified").asString());
                    checks++;
                    if (!item.get("x_jcu_score").has("score")) {
                        fail(context + ", REST indicators: no score for "
                                + item.get("object").get("id"));
                    }
                }
                after = page.get("more").asBoolean() ? page.get("next").asString() : null;
            } while (after != null);
            Map<String, VersionM> latestIndicators = new TreeMap<>(latest);
            latestIndicators.keySet().removeIf(id -> !id.startsWith("indicator--"));
            compareLatest(scored, latestIndicators, context + ", REST indicators");
        }

        void compareTaxiiList(OrgM reader, Map<String, VersionM> latest, Set<String> visible, String context) {
            Map<String, String> last = new TreeMap<>();
            for (JsonNode object : taxiiPages(reader, "objects/?limit=113")) {
                last.put(object.get("id").asString(), object.get("modified").asString());
                checkRedaction(reader, object, context + ", TAXII objects");
            }
            compareLatest(last, latest, context + ", TAXII objects");
            Set<String> all = new HashSet<>();
            for (JsonNode object : taxiiPages(reader, "objects/?limit=211&match[version]=all")) {
                all.add(key(object.get("id").asString(), object.get("modified").asString()));
            }
            compareVersions(all, visible, context + ", TAXII objects match[version]=all");
            Set<String> manifest = new HashSet<>();
            for (JsonNode entry : taxiiPages(reader, "manifest/?limit=211&match[version]=all")) {
                manifest.add(
                        key(entry.get("id").asString(), entry.get("version").asString()));
            }
            compareVersions(manifest, visible, context + ", TAXII manifest");
        }

        void compareStats(OrgM reader, Map<String, VersionM> latest, String context) {
            Map<String, Long> expected = new TreeMap<>();
            latest.values().forEach(v -> expected.merge(v.type, 1L, Long::sum));
            JsonNode types = getJson("/api/v1/stats", reader, null).get("types");
            Map<String, Long> actual = new TreeMap<>();
            types.properties().forEach(e -> actual.put(e.getKey(), e.getValue().asLong()));
            for (String type : List.of("indicator", "malware", "report", "grouping", "relationship")) {
                checks++;
                if (!expected.getOrDefault(type, 0L).equals(actual.getOrDefault(type, 0L))) {
                    fail(context + ", stats: " + type + " expected " + expected.get(type) + " got " + actual.get(type));
                }
            }
        }

        void compareDataLayer(OrgM reader, Map<String, VersionM> latest, Set<String> visible, String context) {
            AccessScope scope = scopes.of(reader.user().principal());
            List<String> sample = new ArrayList<>(versionsById.keySet());
            java.util.Collections.shuffle(sample, random);
            for (String id : sample.subList(0, Math.min(DATA_LAYER_SAMPLE, sample.size()))) {
                List<VersionM> ofId = versionsById.get(id);
                Optional<StoredVersion> got = queries.latest(scope, id);
                VersionM want = latest.get(id);
                checks++;
                if (want == null && got.isPresent()) {
                    fail(context + ", latest: LEAK of " + id);
                } else if (want != null
                        && (got.isEmpty() || !want.modified.equals(got.get().modified()))) {
                    fail(context + ", latest: " + id + " expected " + want.modified + " got "
                            + got.map(StoredVersion::modified).orElse("404"));
                }
                Set<String> servedVersions = new HashSet<>();
                queries.versions(scope, id).forEach(v -> servedVersions.add(key(v.id(), v.modified())));
                Set<String> expected = new HashSet<>();
                ofId.stream()
                        .map(v -> key(v.id, v.modified))
                        .filter(visible::contains)
                        .forEach(expected::add);
                compareVersions(servedVersions, expected, context + ", versions of " + id);
            }
            List<String> targets = new ArrayList<>(targetsOfRelationships());
            java.util.Collections.shuffle(targets, random);
            for (String target : targets.subList(0, Math.min(DATA_LAYER_SAMPLE / 2, targets.size()))) {
                Set<String> expected = new TreeSet<>();
                for (VersionM rel : latest.values()) {
                    if (rel.type.equals("relationship")
                            && (target.equals(rel.sourceRef) || target.equals(rel.targetRef))) {
                        expected.add(rel.id);
                    }
                }
                Set<String> served = new TreeSet<>();
                queries.referencing(scope, target, 1000).forEach(v -> served.add(v.id()));
                checks++;
                if (!expected.equals(served)) {
                    fail(context + ", references of " + target + ": expected " + expected + " got " + served);
                }
            }
        }

        void compareSampledEndpoints(OrgM reader, Map<String, VersionM> latest, Set<String> visible, String context) {
            List<String> ids = new ArrayList<>(versionsById.keySet());
            for (int i = 0; i < 12; i++) {
                String id = pick(ids);
                VersionM want = latest.get(id);
                HttpResponse<String> rest = http.get(
                        "/api/v1/objects/" + id, Http.bearer(reader.user().token()), null);
                checks++;
                if (want == null ? rest.statusCode() != 404 : rest.statusCode() != 200) {
                    fail(context + ", REST get " + id + ": HTTP " + rest.statusCode() + " expected "
                            + (want == null ? 404 : 200));
                } else if (want != null) {
                    JsonNode object = StixJson.parse(rest.body());
                    if (!want.modified.equals(object.get("modified").asString())) {
                        fail(context + ", REST get " + id + ": version " + object.get("modified"));
                    }
                    checkRedaction(reader, object, context + ", REST get");
                }
                HttpResponse<String> taxii = http.get(
                        COLLECTION + "objects/" + id + "/",
                        Http.bearer(reader.user().token()),
                        TAXII);
                checks++;
                if (want == null ? taxii.statusCode() != 404 : taxii.statusCode() != 200) {
                    fail(context + ", TAXII object " + id + ": HTTP " + taxii.statusCode());
                }
                HttpResponse<String> taxiiVersions = http.get(
                        COLLECTION + "objects/" + id + "/versions/",
                        Http.bearer(reader.user().token()),
                        TAXII);
                checks++;
                if (want == null) {
                    if (taxiiVersions.statusCode() != 404) {
                        fail(context + ", TAXII versions " + id + ": HTTP " + taxiiVersions.statusCode());
                    }
                } else {
                    Set<String> served = new HashSet<>();
                    StixJson.parse(taxiiVersions.body())
                            .get("versions")
                            .forEach(v -> served.add(key(id, v.asString())));
                    Set<String> expected = new HashSet<>();
                    versionsById.get(id).stream()
                            .map(v -> key(v.id, v.modified))
                            .filter(visible::contains)
                            .forEach(expected::add);
                    compareVersions(served, expected, context + ", TAXII versions of " + id);
                }
                HttpResponse<String> restVersions = http.get(
                        "/api/v1/objects/" + id + "/versions",
                        Http.bearer(reader.user().token()),
                        null);
                checks++;
                if (want == null ? restVersions.statusCode() != 404 : restVersions.statusCode() != 200) {
                    fail(context + ", REST versions " + id + ": HTTP " + restVersions.statusCode());
                }
            }
        }

        /** Served list refs must be exactly the stored ones the reader can see. */
        void checkRedaction(OrgM reader, JsonNode object, String context) {
            if (!object.has("object_refs")) {
                return;
            }
            Instant at = Instant.now();
            String id = object.get("id").asString();
            String modified = object.get("modified").asString();
            VersionM version = versionsById.get(id).stream()
                    .filter(v -> v.modified.equals(modified))
                    .findFirst()
                    .orElseThrow();
            List<String> expected = new ArrayList<>();
            for (String ref : version.objectRefs) {
                List<VersionM> target = versionsById.get(ref);
                if (target != null && target.stream().anyMatch(v -> visible(reader, v, at))) {
                    expected.add(ref);
                }
            }
            List<String> served = new ArrayList<>();
            object.get("object_refs").forEach(r -> served.add(r.asString()));
            checks++;
            if (!expected.equals(served)) {
                fail(context + ": object_refs of " + id + " expected " + expected + " got " + served);
            }
        }

        Set<String> targetsOfRelationships() {
            Set<String> out = new TreeSet<>();
            for (VersionM v : versions) {
                if (v.sourceRef != null) {
                    out.add(v.sourceRef);
                    out.add(v.targetRef);
                }
            }
            return out;
        }

        void compareLatest(Map<String, String> served, Map<String, VersionM> latest, String context) {
            for (String id : versionsById.keySet()) {
                checks++;
                VersionM want = latest.get(id);
                String got = served.get(id);
                if (want == null && got != null) {
                    fail(context + ": LEAK of " + id + " (" + got + ")");
                } else if (want != null && !want.modified.equals(got)) {
                    fail(context + ": " + id + " expected " + want.modified + " got " + got);
                }
            }
        }

        void compareVersions(Set<String> served, Set<String> expected, String context) {
            checks += Math.max(served.size(), expected.size());
            for (String s : served) {
                if (!expected.contains(s)) {
                    fail(context + ": LEAK of version " + s);
                }
            }
            for (String e : expected) {
                if (!served.contains(e)) {
                    fail(context + ": wrongly hidden version " + e);
                }
            }
        }

        List<JsonNode> taxiiPages(OrgM reader, String query) {
            List<JsonNode> out = new ArrayList<>();
            String next = null;
            do {
                JsonNode page = getJson(
                        COLLECTION
                                + query
                                + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)),
                        reader,
                        TAXII);
                if (page.has("objects")) {
                    page.get("objects").forEach(out::add);
                }
                next = page.path("more").asBoolean(false) ? page.get("next").asString() : null;
            } while (next != null);
            return out;
        }

        JsonNode getJson(String path, OrgM reader, String accept) {
            HttpResponse<String> response =
                    http.get(path, Http.bearer(reader.user().token()), accept);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            return StixJson.parse(response.body());
        }

        void fail(String message) {
            if (failures.size() < 30) {
                failures.add(message);
            }
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }
    }

    static String key(String id, String modified) {
        return id + "@" + modified;
    }
}
