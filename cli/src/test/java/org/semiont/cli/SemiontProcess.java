package org.semiont.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built distribution ({@code target/semiont.jar}) run as a real child process. */
final class SemiontProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("URL:\\s+(http://\\S+)");
    private final Process process;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> url = new CompletableFuture<>();

    private SemiontProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "semiont-output");
        reader.setDaemon(true);
        reader.start();
    }

    static SemiontProcess start(Path dataDir) throws IOException {
        return new SemiontProcess(builder("start", "--port", "0", "--data-dir", dataDir.toString()).start());
    }

    /** {@code semiont studio} on any free port, with extra flags. */
    static SemiontProcess studio(Path dataDir, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("studio", "--port", "0", "--data-dir", dataDir.toString()));
        args.addAll(List.of(flags));
        return new SemiontProcess(builder(args.toArray(String[]::new)).start());
    }

    /** {@link #start} with extra environment and JVM options (a small heap, say) ahead of {@code -jar}. */
    static SemiontProcess startWith(Path dataDir, java.util.Map<String, String> env, String... jvmOptions) throws IOException {
        ProcessBuilder pb = builder("start", "--port", "0", "--data-dir", dataDir.toString());
        List<String> cmd = new ArrayList<>(pb.command());
        cmd.addAll(1, List.of(jvmOptions));
        pb.command(cmd);
        pb.environment().putAll(env);
        return new SemiontProcess(pb.start());
    }

    /** {@link #start} with the process's open-file limit ({@code ulimit -n}) lowered, and extra environment. */
    static SemiontProcess startWithOpenFileLimit(Path dataDir, int openFiles, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder pb = builder("start", "--port", "0", "--data-dir", dataDir.toString());
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + openFiles + " && exec \"$0\" \"$@\""));
        cmd.addAll(pb.command());
        pb.command(cmd);
        pb.environment().putAll(env);
        return new SemiontProcess(pb.start());
    }

    static ProcessBuilder builder(String... args) {
        Path jar = Path.of("target", "semiont.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the integration tests with 'mvn verify'");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("DB_") || k.startsWith("SEMIONT_"));
        return pb;
    }

    /** Adds a user to the data dir with {@code useradd} and returns a token for it from {@code token}'s last line. */
    static String addUserWithToken(Path dataDir, String email) throws IOException, InterruptedException {
        Result added = run("useradd", "--email", email, "--data-dir", dataDir.toString());
        if (added.exitCode() != 0) {
            throw new AssertionError("useradd failed: " + added.output());
        }
        return run("token", "--email", email, "--data-dir", dataDir.toString()).output().trim().lines()
                .reduce((a, b) -> b).orElseThrow();
    }

    /** Runs a short-lived verb to completion and returns (exit code, output). */
    static Result run(String... args) throws IOException, InterruptedException {
        return runWithEnv(java.util.Map.of(), args);
    }

    /** {@link #run} with variables added to the environment. */
    static Result runWithEnv(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(args);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("semiont " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int exitCode, String output) {
    }

    /** {@link #run} with {@code input} on standard input (a password for --password-stdin, say). */
    static Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        Process p = builder(args).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("semiont " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs a short-lived verb to completion with its stdout and stderr apart. */
    static Separate runSeparately(String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile("semiont-stderr", ".txt");
        try {
            Process p = builder(args).redirectErrorStream(false).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("semiont " + String.join(" ", args) + " did not finish");
            }
            return new Separate(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    record Separate(int exitCode, String out, String err) {
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    url.complete(m.group(1));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            url.completeExceptionally(new IllegalStateException("semiont exited before it was ready:\n" + output()));
        }
    }

    /** Waits for the startup banner and returns the server's URL. */
    String awaitUrl(Duration timeout) throws Exception {
        return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    Process process() {
        return process;
    }

    /** SIGTERM first, so a server still running stops its embedded PostgreSQL instead of orphaning it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
