package org.jcu.observable;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Domain names to their canonical ASCII form: UTS #46 non-transitional processing (IDNA2008 with the UTS #46
 * mapping: case folding, width folding, ideographic full stops) through ICU4J, which yields lower-case A-labels
 * ({@code xn--...}) for internationalised labels. Thread-safe: the ICU {@link IDNA} instance is immutable and
 * documented as safe for concurrent use.
 *
 * <p>Options follow the WHATWG URL Standard's "domain to ASCII" (what browsers resolve): CheckBidi and CheckJoiners
 * on, Transitional_Processing off, CheckHyphens off (so {@code r3--sn-abc.googlevideo.com} and labels with leading or
 * trailing hyphens, which exist in the wild, are accepted) and UseSTD3ASCIIRules off, with jcu's own ASCII rule
 * instead: letters, digits, hyphen and underscore ({@code _dmarc}, service labels). DNS lengths are enforced: 63
 * octets per label, 253 per name (RFC 1035 §2.3.4).
 */
final class DomainNames {

    static final String EMPTY = "empty domain name";
    static final String EMPTY_LABEL = "empty label (two dots in a row, or a leading dot; RFC 1034 §3.1)";
    static final String LABEL_TOO_LONG = "a label is longer than 63 octets in A-label form (RFC 1035 §2.3.4)";
    static final String NAME_TOO_LONG = "the name is longer than 253 octets in A-label form (RFC 1035 §2.3.4)";
    static final String BAD_ASCII = "a label has a character other than a letter, digit, hyphen or underscore"
            + " (RFC 1123 §2.1 host names, with '_' allowed for service labels)";
    static final String NUMERIC_TLD =
            "the last label is all digits: an IP address is an ip value, not a domain name (RFC 3696 §2)";
    static final String WHITESPACE = "contains whitespace or a control character (values are taken literally)";

    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    /** Hyphen placement is not checked (UTS #46 CheckHyphens=false, as in the WHATWG URL Standard). */
    private static final Set<IDNA.Error> IGNORED =
            EnumSet.of(IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4);

    private DomainNames() {}

    /**
     * The canonical ASCII form of a domain name: UTS #46 ToASCII, one trailing dot removed. Does not reject an
     * all-numeric last label (callers decide: an IPv4 host in a URL, an error for a domain-name value).
     */
    static String toAscii(String name) {
        if (name.isEmpty()) {
            throw new Rejected(EMPTY);
        }
        if (Texts.hasWhitespaceOrControl(name)) {
            throw new Rejected(WHITESPACE);
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(name, out, info);
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(IGNORED);
        if (errors.contains(IDNA.Error.EMPTY_LABEL)) {
            throw new Rejected(EMPTY_LABEL);
        }
        if (errors.contains(IDNA.Error.LABEL_TOO_LONG)) {
            throw new Rejected(LABEL_TOO_LONG);
        }
        if (errors.contains(IDNA.Error.DOMAIN_NAME_TOO_LONG)) {
            throw new Rejected(NAME_TOO_LONG);
        }
        if (!errors.isEmpty()) {
            throw new Rejected("not a valid internationalised domain name (UTS #46 / IDNA2008: "
                    + errors.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
        String ascii = out.toString();
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty()) {
            throw new Rejected(EMPTY);
        }
        if (ascii.length() > 253) {
            throw new Rejected(NAME_TOO_LONG);
        }
        int labelStart = 0;
        for (int i = 0; i <= ascii.length(); i++) {
            char c = i < ascii.length() ? ascii.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0) {
                    throw new Rejected(EMPTY_LABEL);
                }
                if (length > 63) {
                    throw new Rejected(LABEL_TOO_LONG);
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                throw new Rejected(BAD_ASCII);
            }
        }
        return ascii;
    }

    /** True if the last label of an ASCII name is all digits (an IPv4 address, or not a domain name). */
    static boolean hasNumericLastLabel(String ascii) {
        String last = ascii.substring(ascii.lastIndexOf('.') + 1);
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The Unicode form (U-labels) of a name for display; the name unchanged if it is not a valid domain name. The
     * Unicode form can be confusable with other names (homographs): show it beside the ASCII form, never instead.
     */
    static String toUnicode(String name) {
        String ascii;
        try {
            ascii = toAscii(name);
        } catch (Rejected e) {
            return name;
        }
        StringBuilder out = new StringBuilder(ascii.length());
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToUnicode(ascii, out, info);
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(IGNORED);
        return errors.isEmpty() ? out.toString() : ascii;
    }
}
