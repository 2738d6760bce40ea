package org.semiont.cli.studio;

import java.util.List;
import org.semiont.server.ServerExtension;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;
import org.semiont.studio.Studio;

/** {@code SEMIONT_STUDIO}: whether {@code semiont start} also serves the studio at /studio/ ({@code on}, {@code read-only}, {@code off}). */
public final class StudioSwitch {
    public static final String VARIABLE = "SEMIONT_STUDIO";

    private StudioSwitch() {
    }

    public static List<ServerExtension> extensions(Environment env) {
        String v = env.get(VARIABLE).orElse(null);
        if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("off")) {
            return List.of();
        }
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on":
                return List.of(Studio.extension(false));
            case "read-only":
                return List.of(Studio.extension(true));
            default:
                throw new ConfigException(VARIABLE + " must be on, read-only or off, got \"" + v + "\"");
        }
    }
}
