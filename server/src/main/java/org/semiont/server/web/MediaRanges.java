package org.semiont.server.web;

import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Content negotiation over an {@code Accept} header: the quality it gives one media type is that of the most
 * specific media range matching it (RFC 9110 §12.5.1); a malformed q makes its range unacceptable rather than
 * silently preferred.
 */
public final class MediaRanges {
    private MediaRanges() {
    }

    /**
     * The quality {@code accept} gives a type, where {@code specificity} ranks a lower-cased media range (without
     * parameters) by how closely it names the type: higher is more specific, negative is no match. 0 when none matches.
     */
    public static double quality(String accept, ToIntFunction<String> specificity) {
        int best = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            int s = specificity.applyAsInt(parts[0].trim().toLowerCase(Locale.ROOT));
            if (s > best) {
                best = s;
                q = q(parts);
            }
        }
        return q;
    }

    private static double q(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
