package org.semiont.cli.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.semiont.server.datadir.ServerAddress;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.datadir.DataDirLock;

/**
 * The server running on a data dir, reached over loopback as the CLI's service identity (a short-lived admin token
 * signed by the data dir's secret). Verbs that change what a running server owns (users, the log) go through it
 * instead of writing behind its back.
 */
public final class RunningServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;
    private final String url;
    private final JwtCodec jwt;

    public RunningServer(Path dataDir, String url, JwtCodec jwt) {
        this.dataDir = dataDir;
        this.url = url;
        this.jwt = jwt;
    }

    /** The server holding the data dir, if one does (its URL published), else empty; fails when it holds it unready. */
    public static Optional<RunningServer> on(Path dataDir, JwtCodec jwt, String purpose) {
        try {
            Optional<DataDirLock> lock = DataDirLock.tryAcquire(dataDir, purpose);
            if (lock.isPresent()) {
                lock.get().close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot use data dir " + dataDir + ": " + e.getMessage());
        }
        String url = ServerAddress.read(dataDir).orElseThrow(() -> new CliException(ExitCodes.FAILURE, "Data dir " + dataDir
                + " is in use by " + DataDirLock.readOwner(dataDir).map(DataDirLock.Owner::describe).orElse("another process")
                + " and no server URL is published in " + ServerAddress.file(dataDir) + "; wait until it is ready or stop it"));
        return Optional.of(new RunningServer(dataDir, url, jwt));
    }

    public String url() {
        return url;
    }

    /** A request as the CLI service identity; the JSON body of a 2xx answer, else a CliException with the server's words. */
    public JsonNode call(String method, String path, Object body) {
        Answer a = send(method, path, body);
        if (a.status() / 100 != 2) {
            throw new CliException(ExitCodes.FAILURE, a.json().path("error").asText("HTTP " + a.status()) + " (server " + url + ")");
        }
        return a.json();
    }

    /** An answer as it came: status and JSON body (empty object when there is none). */
    public record Answer(int status, JsonNode json) {
    }

    /** As {@link #call}, but any status comes back, for verbs that map statuses to exit codes themselves. */
    public Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + jwt.issueService()).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() == 401) {
                // the only token here is the service token this command just signed: the two secrets differ
                throw new CliException(ExitCodes.FAILURE, "The server at " + url + " refused this command's service token ("
                        + json.path("error").asText("HTTP 401") + "): the server signs tokens with another secret than this "
                        + "command. Run the command with the JWT_SECRET the server was started with (without JWT_SECRET both use "
                        + "the data dir's secrets/ file).");
            }
            return new Answer(r.statusCode(), json);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "The server at " + url + " (from " + ServerAddress.file(dataDir)
                    + ") did not answer: " + e.getMessage() + ". Is it still running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.CANCELLED, "Interrupted");
        }
    }
}
