package org.semiont.cli.common;

import org.semiont.server.util.SemiontVersion;
import picocli.CommandLine;

/** Prints the version baked in at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"semiont " + SemiontVersion.VERSION};
    }
}
