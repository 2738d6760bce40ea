package org.semiont.server.document;

import java.util.regex.Pattern;

/** Document ids are content addresses: {@code doc-sha256:<64 lowercase hex>}. */
public final class DocumentIds {
    public static final String PREFIX = "doc-sha256:";
    private static final Pattern ID = Pattern.compile("doc-sha256:[0-9a-f]{64}");

    private DocumentIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
