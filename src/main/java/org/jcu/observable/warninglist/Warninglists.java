package org.jcu.observable.warninglist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jcu.observable.IpRange;
import org.jcu.observable.ObservableKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warninglists in force, and the question "which of them is this value on?" ({@link #match}). Built once from a
 * set of lists ({@link #of}, {@link #defaults()}, {@link #with}); building indexes every entry, matching then costs
 * a few hash probes per list type, never a scan over the entries of a {@code string}, {@code hostname} or
 * {@code cidr} list.
 *
 * <p>Semantics follow the MISP warninglist types (misp-warninglists README, "type of warning list"), applied to
 * values already normalised as {@link ObservableKind} describes:
 *
 * <ul>
 *   <li>{@code string}: the value equals an entry, the entry brought into the value's normal form first: IP entries
 *       parsed and compared as canonical ranges (so {@code 2001:DB8:0::1} equals {@code 2001:db8::1}); domain
 *       entries lower-cased, A-label, leading and trailing dots removed ({@code .google.com} equals
 *       {@code google.com}); SSDEEP compared case-sensitively; every other kind (URL, e-mail, hashes, ...)
 *       case-insensitively. A URL is compared as a whole: {@code https://google.com/} is not
 *       on a string list holding {@code google.com} (as in MISP; {@code hostname} lists match URLs by host).
 *   <li>{@code substring}: an entry occurs in the value, case-insensitively.
 *   <li>{@code hostname}: the host of the value (the DOMAIN value, the domain part of an EMAIL, the host of a URL)
 *       equals an entry or is a subdomain of it at a label boundary: {@code mail.google.com} is on a list holding
 *       {@code google.com}, {@code evil-google.com} is not. Entries are compared lower-cased without leading or
 *       trailing dots.
 *   <li>{@code cidr}: the IP value (an address, or a CIDR block) lies inside an entry's address or block, decided by
 *       bits on {@link IpRange}s: {@code 10.1.0.0/16} is inside {@code 10.0.0.0/8}, {@code 10.0.0.0/7} is not; an
 *       IPv4-mapped IPv6 value meets its IPv4 entry. Entries that are not addresses or blocks are skipped.
 *   <li>{@code regex}: a {@code /pattern/flags} entry (PHP {@code preg_match} syntax: any delimiter; flags
 *       {@code i}, {@code m}, {@code s}, {@code x}, {@code u}; {@code g} ignored) finds a match anywhere in the
 *       value. Entries that do not compile are skipped.
 * </ul>
 *
 * <p>A list is applied only to the kinds its {@code matching_attributes} name ({@link Warninglist#kinds()}). Skipped
 * entries are logged once when the set is built (a warning per list) and listed by {@link #skippedEntries()}.
 *
 * <p>Thread-safety: immutable; every method may be called from any number of threads. The regex entries come from
 * the lists, which are configuration: a list author can write a pattern that backtracks badly on long values.
 */
public final class Warninglists {

    private static final Logger LOG = LoggerFactory.getLogger(Warninglists.class);
    private static final int LOGGED_EXAMPLES = 3;

    private final List<WarninglistContent> contents;
    private final List<Warninglist> lists;
    private final Map<String, Integer> positions = new HashMap<>();
    private final boolean[][] applies;
    private final List<SkippedEntry> skipped = new ArrayList<>();
    private final CidrIndex cidr;
    private final Map<Fold, Postings<String>> strings = new EnumMap<>(Fold.class);
    private final Postings<String> hostnames = new Postings<>();
    private final List<SubstringList> substrings = new ArrayList<>();
    private final List<RegexList> regexes = new ArrayList<>();

    private Warninglists(Collection<WarninglistContent> byId) {
        this.contents = List.copyOf(byId);
        this.lists = contents.stream().map(WarninglistContent::warninglist).toList();
        this.applies = new boolean[contents.size()][ObservableKind.values().length];
        List<IpRange> ranges = new ArrayList<>();
        List<Integer> rangeLists = new ArrayList<>();
        List<String> rangeEntries = new ArrayList<>();
        for (int list = 0; list < contents.size(); list++) {
            Warninglist warninglist = lists.get(list);
            List<String> entries = contents.get(list).entries();
            positions.put(warninglist.id(), list);
            Set<ObservableKind> kinds = warninglist.kinds();
            for (ObservableKind kind : kinds) {
                applies[list][kind.ordinal()] = true;
            }
            switch (warninglist.type()) {
                case CIDR -> {
                    for (String entry : entries) {
                        try {
                            ranges.add(IpText.parse(entry));
                            rangeLists.add(list);
                            rangeEntries.add(entry);
                        } catch (IllegalArgumentException e) {
                            skipped.add(new SkippedEntry(warninglist.id(), entry, e.getMessage()));
                        }
                    }
                }
                case STRING -> {
                    Set<Fold> folds = kinds.stream().map(Fold::of).collect(Collectors.toSet());
                    for (Fold fold : folds) {
                        Postings<String> postings = strings.computeIfAbsent(fold, f -> new Postings<>());
                        for (String entry : entries) {
                            String key = fold.apply(entry);
                            if (!key.isEmpty()) {
                                postings.add(key, list, entry);
                            }
                        }
                    }
                }
                case HOSTNAME -> {
                    for (String entry : entries) {
                        String key = Hosts.key(entry);
                        if (!key.isEmpty()) {
                            hostnames.add(key, list, entry);
                        }
                    }
                }
                case SUBSTRING -> substrings.add(new SubstringList(list, entries));
                case REGEX -> {
                    List<Pattern> patterns = new ArrayList<>();
                    List<String> compiled = new ArrayList<>();
                    for (String entry : entries) {
                        try {
                            patterns.add(PcreRegex.compile(entry));
                            compiled.add(entry);
                        } catch (IllegalArgumentException e) {
                            skipped.add(new SkippedEntry(warninglist.id(), entry, e.getMessage()));
                        }
                    }
                    regexes.add(new RegexList(list, patterns, compiled));
                }
            }
        }
        this.cidr = new CidrIndex(ranges, rangeLists, rangeEntries);
        logSkipped();
    }

    /**
     * A matcher for exactly these lists.
     *
     * @throws IllegalArgumentException if two lists have the same id
     */
    public static Warninglists of(Collection<WarninglistContent> lists) {
        Map<String, WarninglistContent> byId = new TreeMap<>();
        for (WarninglistContent list : lists) {
            if (byId.put(list.id(), list) != null) {
                throw new IllegalArgumentException("two warninglists have the id \"" + list.id() + "\"");
            }
        }
        return new Warninglists(byId.values());
    }

    /**
     * The lists shipped in the jar ({@link WarninglistLoader#loadDefaults()}; resources {@code warninglists/}, listed
     * in {@code warninglists/index.json}, from {@code MISP/misp-warninglists} under CC0 1.0). Each call reads and
     * indexes them again (a few hundred milliseconds): hold on to the result.
     *
     * @throws IllegalStateException if a shipped resource is missing or invalid (a packaging defect)
     */
    public static Warninglists defaults() {
        return of(WarninglistLoader.loadDefaults());
    }

    /**
     * These lists plus {@code additional}; an added list replaces the list with the same id (e.g. a newer or edited
     * copy of a shipped list in the {@code jcu.warninglists.directory}).
     *
     * @throws IllegalArgumentException if two of the added lists have the same id
     */
    public Warninglists with(Collection<WarninglistContent> additional) {
        Map<String, WarninglistContent> byId = new TreeMap<>();
        contents.forEach(list -> byId.put(list.id(), list));
        Set<String> added = new HashSet<>();
        for (WarninglistContent list : additional) {
            if (!added.add(list.id())) {
                throw new IllegalArgumentException("two added warninglists have the id \"" + list.id() + "\"");
            }
            byId.put(list.id(), list);
        }
        return new Warninglists(byId.values());
    }

    /** These lists without the lists with the given ids (unknown ids are ignored): MISP's "disable a list". */
    public Warninglists without(Collection<String> ids) {
        Set<String> removed = Set.copyOf(ids);
        return new Warninglists(
                contents.stream().filter(list -> !removed.contains(list.id())).toList());
    }

    /** The lists, ordered by id. */
    public List<Warninglist> lists() {
        return lists;
    }

    /** The list with this id, if present. */
    public Optional<Warninglist> list(String id) {
        Integer position = positions.get(id);
        return position == null ? Optional.empty() : Optional.of(lists.get(position));
    }

    /** The entries left out because they could not be used (see {@link SkippedEntry}), by list id then file order. */
    public List<SkippedEntry> skippedEntries() {
        return List.copyOf(skipped);
    }

    /**
     * The lists a value is on, at most one hit per list, ordered by list id. For a {@code cidr} or {@code hostname}
     * list the hit names the most specific matching entry; otherwise one matching entry.
     *
     * @param kind the value's kind; a list is consulted only if it applies to this kind ({@link
     *     Warninglist#kinds()})
     * @param normalizedValue the value in its normal form (see {@link ObservableKind}); for {@link
     *     ObservableKind#IP} an address or CIDR block
     * @param range for an {@link ObservableKind#IP} value, its range if the caller has it (else it is parsed from
     *     {@code normalizedValue}); ignored for other kinds
     * @return the hits, empty if the value is on no list (also when an IP value cannot be parsed)
     */
    public List<WarninglistHit> match(ObservableKind kind, String normalizedValue, @Nullable IpRange range) {
        Hits hits = new Hits(kind);
        IpRange ipRange = null;
        if (kind == ObservableKind.IP) {
            ipRange = range != null ? range : IpText.parseOrNull(normalizedValue);
            if (ipRange != null) {
                cidr.visitContaining(ipRange, hits);
            }
        }
        Fold fold = Fold.of(kind);
        Postings<String> stringPostings = strings.get(fold);
        if (stringPostings != null) {
            String key = ipRange != null ? ipRange.canonical() : fold.apply(normalizedValue);
            stringPostings.visit(key, hits);
        }
        String host = hostnames.isEmpty() ? null : Hosts.hostOf(kind, normalizedValue);
        if (host != null) {
            String suffix = Hosts.key(host);
            while (!suffix.isEmpty()) {
                hostnames.visit(suffix, hits);
                int dot = suffix.indexOf('.');
                if (dot < 0) {
                    break;
                }
                suffix = suffix.substring(dot + 1);
            }
        }
        String lowered = null;
        for (SubstringList list : substrings) {
            if (hits.wants(list.position())) {
                if (lowered == null) {
                    lowered = normalizedValue.toLowerCase(Locale.ROOT);
                }
                String entry = list.find(lowered);
                if (entry != null) {
                    hits.visit(list.position(), entry);
                }
            }
        }
        for (RegexList list : regexes) {
            if (hits.wants(list.position())) {
                String entry = list.find(normalizedValue);
                if (entry != null) {
                    hits.visit(list.position(), entry);
                }
            }
        }
        return hits.result();
    }

    @Override
    public String toString() {
        return "Warninglists[" + lists.size() + " lists, "
                + lists.stream().mapToLong(Warninglist::entryCount).sum() + " entries, " + skipped.size()
                + " skipped]";
    }

    private void logSkipped() {
        Map<String, List<SkippedEntry>> byList = new LinkedHashMap<>();
        skipped.forEach(entry ->
                byList.computeIfAbsent(entry.listId(), id -> new ArrayList<>()).add(entry));
        byList.forEach((id, entries) -> LOG.warn(
                "warninglist {}: {} of {} entries skipped, e.g. {}",
                id,
                entries.size(),
                lists.get(positions.get(id)).entryCount(),
                entries.stream()
                        .limit(LOGGED_EXAMPLES)
                        .map(entry -> "\"" + entry.entry() + "\" (" + entry.reason() + ")")
                        .collect(Collectors.joining(", "))));
    }

    /** The first hit per list for one value of one kind. */
    private final class Hits implements Postings.Visitor {

        private final int kind;
        private WarninglistHit @Nullable [] found;
        private int count;

        Hits(ObservableKind kind) {
            this.kind = kind.ordinal();
        }

        /** True if the list applies to the kind and has no hit yet. */
        boolean wants(int list) {
            return applies[list][kind] && (found == null || found[list] == null);
        }

        @Override
        public void visit(int list, String entry) {
            if (!wants(list)) {
                return;
            }
            if (found == null) {
                found = new WarninglistHit[lists.size()];
            }
            Warninglist warninglist = lists.get(list);
            found[list] = new WarninglistHit(
                    warninglist.id(), warninglist.name(), warninglist.type().wire(), entry);
            count++;
        }

        List<WarninglistHit> result() {
            if (found == null) {
                return List.of();
            }
            List<WarninglistHit> result = new ArrayList<>(count);
            for (WarninglistHit hit : found) {
                if (hit != null) {
                    result.add(hit);
                }
            }
            return List.copyOf(result);
        }
    }

    /**
     * A {@code substring} list. A value of length n is checked either by sliding a window of each entry length over
     * it and probing a hash set, or by testing each entry, whichever takes fewer steps: short values against the
     * 8 000 entries of {@code disposable-email} cost a few hundred probes, long URLs against a short list one scan.
     */
    private record SubstringList(int position, Map<String, String> byLowered, int[] lengthsLongestFirst) {

        SubstringList(int position, List<String> entries) {
            this(position, lowered(entries), lengths(entries));
        }

        private static Map<String, String> lowered(List<String> entries) {
            Map<String, String> byLowered = new LinkedHashMap<>();
            for (String entry : entries) {
                String lowered = entry.toLowerCase(Locale.ROOT);
                if (!lowered.isEmpty()) {
                    byLowered.putIfAbsent(lowered, entry);
                }
            }
            return byLowered;
        }

        private static int[] lengths(List<String> entries) {
            return lowered(entries).keySet().stream()
                    .mapToInt(String::length)
                    .distinct()
                    .boxed()
                    .sorted((a, b) -> b - a)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        /** The entry (as written) of one of the longest entries occurring in {@code lowered}, or null. */
        @Nullable
        String find(String lowered) {
            int length = lowered.length();
            long windows = 0;
            for (int entryLength : lengthsLongestFirst) {
                if (entryLength <= length) {
                    windows += length - entryLength + 1;
                }
            }
            if (windows < byLowered.size()) {
                for (int entryLength : lengthsLongestFirst) {
                    for (int start = 0; start + entryLength <= length; start++) {
                        String entry = byLowered.get(lowered.substring(start, start + entryLength));
                        if (entry != null) {
                            return entry;
                        }
                    }
                }
                return null;
            }
            String best = null;
            int bestLength = -1;
            for (Map.Entry<String, String> entry : byLowered.entrySet()) {
                if (entry.getKey().length() > bestLength && lowered.contains(entry.getKey())) {
                    best = entry.getValue();
                    bestLength = entry.getKey().length();
                }
            }
            return best;
        }
    }

    /** A {@code regex} list: the compiled entries and their text. */
    private record RegexList(int position, List<Pattern> patterns, List<String> entries) {

        @Nullable
        String find(String value) {
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(value).find()) {
                    return entries.get(i);
                }
            }
            return null;
        }
    }
}
