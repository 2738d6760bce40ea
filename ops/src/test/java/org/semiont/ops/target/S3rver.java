package org.semiont.ops.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real S3-compatible server for tests: the npm package s3rver (pinned in {@code .ci/s3rver/package.json}), run with
 * Node on 127.0.0.1 and a free port, its objects in a temporary folder. {@code .ci/run} installs it; when it is
 * missing this installs it with {@code npm ci} first. Its access key and secret are both {@code S3RVER}; the SDK's
 * default chain reads them from the {@code aws.accessKeyId}/{@code aws.secretAccessKey} system properties set here.
 */
public final class S3rver implements AutoCloseable {
    public static final String BUCKET = "semiont-test";
    private static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");

    private final Process process;
    private final int port;

    private S3rver(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3rver start(Path objects) throws IOException, InterruptedException {
        Path home = installed();
        ProcessBuilder pb = new ProcessBuilder("node", home.resolve("node_modules/s3rver/bin/s3rver.js").toString(),
                "-d", objects.toString(), "-a", "127.0.0.1", "-p", "0", "--configure-bucket", BUCKET)
                .redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                drain(out);
                System.setProperty("aws.accessKeyId", "S3RVER");
                System.setProperty("aws.secretAccessKey", "S3RVER");
                return new S3rver(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException("s3rver ended before it listened:\n" + seen);
    }

    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // s3rver logs every request; nobody reads them
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "s3rver-output");
        t.setDaemon(true);
        t.start();
    }

    private static Path installed() throws IOException, InterruptedException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(".ci/s3rver/package.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException(".ci/s3rver/package.json not found above " + Path.of("").toAbsolutePath());
        }
        Path home = dir.resolve(".ci/s3rver");
        if (!Files.isRegularFile(home.resolve("node_modules/s3rver/bin/s3rver.js"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(home.toFile()).inheritIO().start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IOException("'npm ci' in " + home + " failed; install Node.js and npm (see .ci/run)");
            }
        }
        return home;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings that reach this server: its endpoint, path-style. */
    public S3Settings settings() {
        return new S3Settings(Optional.of(endpoint()), Optional.of("us-east-1"), true);
    }

    /** A target under {@code prefix} of the test bucket. */
    public BackupTarget target(String prefix) {
        return Targets.parse("s3://" + BUCKET + "/" + prefix, settings());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
