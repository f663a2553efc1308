package org.jcu.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jcu.sharing.ActorRole;
import org.jcu.sharing.Communities;
import org.jcu.sharing.Compartment;
import org.jcu.sharing.Directory;
import org.jcu.sharing.Distribution;
import org.jcu.sharing.Pap;
import org.jcu.sharing.Sector;
import org.jcu.sharing.SharingGroups;
import org.jcu.sharing.Tlp;
import org.jcu.sharing.UserRole;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Offline administration of the directory on a data directory or database (the platform operator's tools; the
 * same operations exist over REST for remote administrators): organisations, users, API tokens, communities, MoUs and
 * sharing groups. Output is tab-separated with a header line. Bad values exit with code 2 and name the option.
 */
final class DirectoryCommands {

    private DirectoryCommands() {}

    /** A command that opens the store offline, runs, and closes it. */
    abstract static class Offline implements Callable<Integer> {
        @Mixin
        DataOptions data = new DataOptions();

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Override
        public final Integer call() throws Exception {
            try (ConfigurableApplicationContext context = SpringRunner.offline(data.springProperties())) {
                try {
                    return run(context, System.out);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }

        abstract int run(ConfigurableApplicationContext context, PrintStream out);

        static String orgId(ConfigurableApplicationContext context, String idOrName) {
            return context.getBean(Directory.class)
                    .findOrganizationByIdOrName(idOrName)
                    .orElseThrow(() -> new UsageException("no organisation '" + idOrName + "'"))
                    .id();
        }
    }

    static String cell(Object value) {
        return value == null ? "-" : value.toString();
    }

    // -- organisations ------------------------------------------------------------------------------------------

    @Command(
            name = "org",
            mixinStandardHelpOptions = true,
            description = "Organisations: list, create, set sharing defaults.",
            subcommands = {OrgList.class, OrgCreate.class, OrgDefaults.class})
    static final class Org {}

    @Command(name = "list", description = "List organisations.")
    static final class OrgList extends Offline {
        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println(
                    "id\tname\tcountry\tcompartment\tactor_roles\tsector\tserved_by\tdefault_tlp\tdefault_distribution");
            for (Directory.Organization o : context.getBean(Directory.class).organizations()) {
                out.println(String.join(
                        "\t",
                        o.id(),
                        o.name(),
                        cell(o.country()),
                        o.compartment().name(),
                        o.actorRoles().toString(),
                        cell(o.sector()),
                        cell(o.servedBy()),
                        o.defaults().tlp().label(),
                        o.defaults().distribution().name()));
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create an organisation; prints its id.")
    static final class OrgCreate extends Offline {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code, or EU.")
        String country;

        @Option(names = "--compartment", paramLabel = "C", description = "GOVERNMENT (default) or PRIVATE.")
        String compartment = "GOVERNMENT";

        @Option(names = "--role", paramLabel = "ROLE", description = "Actor role, repeatable (CSIRT, LEA, EU_BODY, …).")
        List<String> roles = new ArrayList<>();

        @Option(names = "--sector", paramLabel = "SECTOR", description = "NIS2 sector (ENERGY, HEALTH, …).")
        String sector;

        @Option(names = "--served-by", paramLabel = "ORG", description = "The organisation that serves it (its CSIRT).")
        String servedBy;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            Set<ActorRole> actorRoles = EnumSet.noneOf(ActorRole.class);
            roles.forEach(r -> actorRoles.add(parse(ActorRole.class, r, "--role")));
            Directory.Organization org = context.getBean(Directory.class)
                    .createOrganization(new Directory.NewOrganization(
                            name,
                            country,
                            Compartment.of(compartment),
                            actorRoles,
                            sector == null ? null : parse(Sector.class, sector, "--sector"),
                            servedBy == null ? null : orgId(context, servedBy)));
            out.println(org.id());
            return 0;
        }
    }

    @Command(name = "defaults", description = "Set an organisation's sharing defaults (unset options keep theirs).")
    static final class OrgDefaults extends Offline {
        @Parameters(index = "0", paramLabel = "ORG")
        String org;

        @Option(names = "--tlp", paramLabel = "TLP")
        String tlp;

        @Option(names = "--pap", paramLabel = "PAP")
        String pap;

        @Option(names = "--distribution", paramLabel = "D")
        String distribution;

        @Option(names = "--community", paramLabel = "COMMUNITY", description = "Repeatable; replaces the list.")
        List<String> communities;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            Directory directory = context.getBean(Directory.class);
            String id = orgId(context, org);
            Directory.SharingDefaults current =
                    directory.organization(id).orElseThrow().defaults();
            List<String> communityIds = current.communities();
            if (communities != null) {
                Communities all = context.getBean(Communities.class);
                communityIds = communities.stream()
                        .map(c -> all.community(c)
                                .orElseThrow(() -> new UsageException("no community '" + c + "'"))
                                .id())
                        .toList();
            }
            Directory.Organization updated = directory.setDefaults(
                    id,
                    new Directory.SharingDefaults(
                            tlp == null ? current.tlp() : Tlp.of(tlp),
                            pap == null ? current.pap() : Pap.of(pap),
                            distribution == null ? current.distribution() : Distribution.of(distribution),
                            communityIds));
            out.println(updated.name() + ": " + updated.defaults());
            return 0;
        }
    }

    // -- users and tokens -------------------------------------------------------------------------------------------

    @Command(
            name = "user",
            mixinStandardHelpOptions = true,
            description = "Users: list, create, set-password.",
            subcommands = {
                UserList.class,
                UserCreate.class,
                UserCommand.SetPassword.class,
                UserCommand.ResetSecondFactor.class
            })
    static final class User {}

    @Command(name = "list", description = "List users.")
    static final class UserList extends Offline {
        @Option(names = "--org", paramLabel = "ORG")
        String org;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println("id\tusername\torganization\trole\tcreated_at");
            for (Directory.UserInfo u :
                    context.getBean(Directory.class).users(org == null ? null : orgId(context, org))) {
                out.println(String.join(
                        "\t", u.userId(), u.username(), u.orgId(), u.role().name(), u.createdAt()));
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create a user; prints its id.")
    static final class UserCreate extends Offline {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--org", paramLabel = "ORG", required = true)
        String org;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "PLATFORM_ADMIN, ORG_ADMIN, ANALYST (default), READ_ONLY, SYNC.")
        String role = "ANALYST";

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println(context.getBean(Directory.class)
                    .createUser(username, orgId(context, org), parse(UserRole.class, role, "--role"))
                    .userId());
            return 0;
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "API tokens: issue (shown once), list, revoke.",
            subcommands = {TokenIssue.class, TokenList.class, TokenRevoke.class})
    static final class Token {}

    @Command(name = "issue", description = "Issue a token for a user; prints it once.")
    static final class TokenIssue extends Offline {
        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Option(names = "--label", paramLabel = "LABEL")
        String label = "cli";

        @Option(names = "--expires", paramLabel = "WHEN", description = "YYYY-MM-DD or RFC 3339 UTC timestamp.")
        String expires;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            Directory directory = context.getBean(Directory.class);
            Directory.UserInfo info =
                    directory.user(user).orElseThrow(() -> new UsageException("no user '" + user + "'"));
            Directory.IssuedToken issued = directory.issueToken(
                    info.userId(), label, null, expires == null ? null : instant(expires, "--expires"));
            out.println("token_id " + issued.tokenId());
            out.println("token " + issued.token());
            System.err.println("The token is shown once; only its hash is stored.");
            return 0;
        }
    }

    @Command(name = "list", description = "List tokens (never their secrets).")
    static final class TokenList extends Offline {
        @Option(names = "--org", paramLabel = "ORG")
        String org;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println("token_id\tusername\tlabel\tcreated_at\texpires_at\trevoked");
            for (Directory.TokenInfo t :
                    context.getBean(Directory.class).tokens(org == null ? null : orgId(context, org))) {
                out.println(String.join(
                        "\t",
                        t.tokenId(),
                        t.username(),
                        t.label(),
                        t.createdAt(),
                        cell(t.expiresAt()),
                        Boolean.toString(t.revoked())));
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a token by its token_id.")
    static final class TokenRevoke extends Offline {
        @Parameters(index = "0", paramLabel = "TOKEN_ID")
        String tokenId;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            if (!context.getBean(Directory.class).revokeToken(tokenId)) {
                throw new UsageException("no active token with token_id " + tokenId);
            }
            out.println("revoked " + tokenId);
            return 0;
        }
    }

    // -- communities and MoUs --------------------------------------------------------------------------------------

    @Command(
            name = "community",
            mixinStandardHelpOptions = true,
            description = "Communities: list, create, link.",
            subcommands = {CommunityList.class, CommunityCreate.class, CommunityLink.class})
    static final class Community {}

    @Command(name = "list", description = "List communities with their links.")
    static final class CommunityList extends Offline {
        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println("id\tname\tkind\tlinked\tvalid_members");
            Communities communities = context.getBean(Communities.class);
            String now = org.jcu.stix.StixTimestamps.micros(Instant.now());
            for (Communities.Community c : communities.communities()) {
                Set<String> members = new java.util.TreeSet<>();
                communities.mous(c.id()).stream().filter(m -> m.validAt(now)).forEach(m -> members.addAll(m.parties()));
                out.println(String.join(
                        "\t", c.id(), c.name(), c.kind().name(), c.linkedIds().toString(), members.toString()));
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create a community; prints its id.")
    static final class CommunityCreate extends Offline {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--kind",
                paramLabel = "KIND",
                description = "TECHNICAL, OPERATIONAL, STRATEGIC, LAW_ENFORCEMENT, PRIVATE_PARTNERS, OTHER (default).")
        String kind = "OTHER";

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println(context.getBean(Communities.class)
                    .create(name, Communities.kind(kind), description)
                    .id());
            return 0;
        }
    }

    @Command(name = "link", description = "Connect two communities (CONNECTED_COMMUNITIES reaches across the link).")
    static final class CommunityLink extends Offline {
        @Parameters(index = "0", paramLabel = "COMMUNITY")
        String first;

        @Parameters(index = "1", paramLabel = "OTHER")
        String second;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            context.getBean(Communities.class).link(first, second);
            out.println("linked " + first + " <-> " + second);
            return 0;
        }
    }

    @Command(
            name = "mou",
            mixinStandardHelpOptions = true,
            description = "Memoranda of understanding: list, record, terminate.",
            subcommands = {MouList.class, MouRecord.class, MouTerminate.class})
    static final class Mou {}

    @Command(name = "list", description = "List MoUs.")
    static final class MouList extends Offline {
        @Option(names = "--community", paramLabel = "COMMUNITY")
        String community;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            Communities communities = context.getBean(Communities.class);
            String id = community == null
                    ? null
                    : communities
                            .community(community)
                            .orElseThrow(() -> new UsageException("no community '" + community + "'"))
                            .id();
            out.println("id\tcommunity\treference\tsigned_on\tvalid_from\tvalid_until\tparties");
            for (Communities.Mou m : communities.mous(id)) {
                out.println(String.join(
                        "\t",
                        m.id(),
                        m.communityId(),
                        m.reference(),
                        m.signedOn(),
                        m.validFrom(),
                        cell(m.validUntil()),
                        m.parties().toString()));
            }
            return 0;
        }
    }

    @Command(name = "record", description = "Record a signed MoU; its parties are members while it is valid.")
    static final class MouRecord extends Offline {
        @Parameters(index = "0", paramLabel = "COMMUNITY")
        String community;

        @Option(names = "--reference", paramLabel = "REF", required = true)
        String reference;

        @Option(names = "--scope", paramLabel = "TEXT")
        String scope;

        @Option(names = "--signed", paramLabel = "YYYY-MM-DD", required = true)
        String signed;

        @Option(names = "--from", paramLabel = "WHEN", description = "Start (inclusive); default: now.")
        String from;

        @Option(names = "--until", paramLabel = "WHEN", description = "End (exclusive); default: open-ended.")
        String until;

        @Option(names = "--party", paramLabel = "ORG", required = true, description = "Repeatable.")
        List<String> parties;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            LocalDate signedOn;
            try {
                signedOn = LocalDate.parse(signed);
            } catch (DateTimeParseException e) {
                throw new UsageException("--signed must be YYYY-MM-DD");
            }
            out.println(context.getBean(Communities.class)
                    .recordMou(
                            community,
                            reference,
                            scope,
                            signedOn,
                            from == null ? Instant.now() : instant(from, "--from"),
                            until == null ? null : instant(until, "--until"),
                            parties)
                    .id());
            return 0;
        }
    }

    @Command(name = "terminate", description = "End an MoU now.")
    static final class MouTerminate extends Offline {
        @Parameters(index = "0", paramLabel = "MOU_ID")
        String mou;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            if (!context.getBean(Communities.class).terminateMou(mou)) {
                throw new UsageException("no running MoU " + mou);
            }
            out.println("terminated " + mou);
            return 0;
        }
    }

    // -- sharing groups --------------------------------------------------------------------------------------------

    @Command(
            name = "sharing-group",
            mixinStandardHelpOptions = true,
            description = "Sharing groups: list, create, add-member, remove-member.",
            subcommands = {GroupList.class, GroupCreate.class, GroupAdd.class, GroupRemove.class})
    static final class SharingGroup {}

    @Command(name = "list", description = "List all sharing groups with their members.")
    static final class GroupList extends Offline {
        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println("id\tname\towner\tconfidential\tmembers");
            for (SharingGroups.SharingGroup g :
                    context.getBean(SharingGroups.class).visibleTo("", true)) {
                out.println(String.join(
                        "\t", g.id(), g.name(), g.ownerOrg(), Boolean.toString(g.confidential()), cell(g.members())));
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create a sharing group; prints its id.")
    static final class GroupCreate extends Offline {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--owner", paramLabel = "ORG", required = true)
        String owner;

        @Option(names = "--member", paramLabel = "ORG", description = "Repeatable.")
        List<String> members = new ArrayList<>();

        @Option(names = "--confidential", description = "Hide the member list from members.")
        boolean confidential;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            out.println(context.getBean(SharingGroups.class)
                    .create(name, orgId(context, owner), confidential, description, members)
                    .id());
            return 0;
        }
    }

    @Command(name = "add-member", description = "Add a member organisation.")
    static final class GroupAdd extends Offline {
        @Parameters(index = "0", paramLabel = "GROUP_ID")
        String group;

        @Parameters(index = "1", paramLabel = "ORG")
        String member;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            SharingGroups groups = context.getBean(SharingGroups.class);
            groups.ownerOf(group).orElseThrow(() -> new UsageException("no sharing group " + group));
            groups.addMember(group, member);
            out.println("added " + member);
            return 0;
        }
    }

    @Command(name = "remove-member", description = "Remove a member organisation (never the owner).")
    static final class GroupRemove extends Offline {
        @Parameters(index = "0", paramLabel = "GROUP_ID")
        String group;

        @Parameters(index = "1", paramLabel = "ORG")
        String member;

        @Override
        int run(ConfigurableApplicationContext context, PrintStream out) {
            if (!context.getBean(SharingGroups.class).removeMember(group, member)) {
                throw new UsageException(member + " is not a member of " + group);
            }
            out.println("removed " + member);
            return 0;
        }
    }

    // -- parsing --------------------------------------------------------------------------------------------------

    static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(
                    type, value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": unknown value '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String value, String option) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " must be YYYY-MM-DD or an RFC 3339 UTC timestamp");
        }
    }
}
