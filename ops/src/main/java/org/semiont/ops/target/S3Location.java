package org.semiont.ops.target;

import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;

/** {@code s3://bucket/prefix} split into its bucket and a key prefix that is empty or ends with a slash. */
record S3Location(String bucket, String prefix) {
    static final String SCHEME = "s3://";

    static S3Location parse(String target) {
        String rest = target.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new OpsException(OpsError.TARGET_INVALID, "'" + target + "' names no valid bucket: write s3://bucket/prefix "
                    + "(bucket: 3 to 63 lower-case letters, digits, dots and hyphens)");
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (prefix.startsWith("/") || prefix.contains("//")) {
            throw new OpsException(OpsError.TARGET_INVALID, "'" + target + "' has an empty part in its prefix");
        }
        return new S3Location(bucket, prefix.isEmpty() ? "" : prefix + "/");
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
