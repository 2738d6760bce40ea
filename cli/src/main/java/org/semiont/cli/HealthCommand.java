package org.semiont.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.datadir.ServerAddress;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont health}: prints a server's health; exit 0 when operational with its database connected. */
@Command(name = "health", mixinStandardHelpOptions = true, description = "Print the health of a running server (exit 0 healthy, 1 otherwise).")
public final class HealthCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "Server URL (default: the server running on the data dir, "
            + "else http://127.0.0.1:$SEMIONT_PORT, port 4000).")
    String url;

    @Mixin
    DataDirOptions dataDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String base = url != null ? url : ServerAddress.read(dataDir.dataDir()).orElseGet(() -> "http://127.0.0.1:"
                + Environment.system().get("SEMIONT_PORT").orElse(String.valueOf(ServerConfig.DEFAULT_PORT)));
        URI uri = URI.create(base.replaceAll("/+$", "") + "/api/health");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        HttpResponse<String> res;
        try {
            res = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.FAILURE, "No server answered at " + uri + " (" + e.getClass().getSimpleName() + ").");
        }
        spec.commandLine().getOut().println(res.body());
        spec.commandLine().getOut().flush();
        JsonNode body = parse(res.body());
        boolean healthy = res.statusCode() == 200 && "operational".equals(body.path("status").asText())
                && "connected".equals(body.path("database").asText());
        return healthy ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static JsonNode parse(String body) {
        ObjectMapper json = new ObjectMapper();
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }
}
