package org.semiont.cli.studio;

import java.io.IOException;
import java.util.List;

/** {@code --open}: asks the desktop to open a URL ({@code xdg-open}, {@code open} on macOS); says so when it cannot. */
final class BrowserLauncher {
    private BrowserLauncher() {
    }

    static void open(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", url)
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.err.println("Cannot open a browser (" + command.get(0) + ": " + e.getMessage() + "); open " + url + " yourself");
        }
    }
}
