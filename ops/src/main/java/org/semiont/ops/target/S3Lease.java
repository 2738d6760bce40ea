package org.semiont.ops.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;

/**
 * The lock of an S3 target: an object {@code backup.lock} holding a token, its holder and the end of its lease,
 * renewed every third of the lease while held and deleted when released. A holder that dies leaves a lease that
 * runs out after {@link #LEASE}; a newer holder then takes it over. Two holders that write it at the same moment
 * are told apart by reading it back: the one whose token is not there backs off.
 */
final class S3Lease implements AutoCloseable {
    static final String KEY = "backup.lock";
    static final Duration LEASE = Duration.ofMinutes(10);

    private final S3Target target;
    private final String token = UUID.randomUUID().toString();
    private final String holder;
    private final Clock clock;
    private final ScheduledExecutorService renewer;

    private S3Lease(S3Target target, String holder, Clock clock) {
        this.target = target;
        this.holder = holder;
        this.clock = clock;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "semiont-s3-lease");
            t.setDaemon(true);
            return t;
        });
    }

    static S3Lease acquire(S3Target target, String purpose, Clock clock) throws IOException {
        String holder = purpose + ", process " + ProcessHandle.current().pid();
        String existing = read(target);
        if (existing != null && !expired(existing, clock.instant())) {
            throw locked(target, existing);
        }
        S3Lease lease = new S3Lease(target, holder, clock);
        lease.write();
        String mine = read(target);
        if (mine == null || !mine.startsWith(lease.token + "\n")) {
            lease.renewer.shutdownNow();
            throw locked(target, mine == null ? "" : mine);
        }
        long every = LEASE.toSeconds() / 3;
        lease.renewer.scheduleAtFixedRate(lease::renew, every, every, TimeUnit.SECONDS);
        return lease;
    }

    private void write() throws IOException {
        Instant until = clock.instant().plus(LEASE);
        target.putAtomically(KEY, (token + "\n" + holder + "\n" + until + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void renew() {
        try {
            write();
        } catch (IOException e) {
            // the next renewal tries again; a lease that runs out only lets a later holder in after LEASE
        }
    }

    private static String read(S3Target target) throws IOException {
        try {
            return target.readSmall(KEY);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static boolean expired(String content, Instant now) {
        String[] lines = content.split("\n");
        try {
            return lines.length < 3 || Instant.parse(lines[2].trim()).isBefore(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static OpsException locked(S3Target target, String content) {
        String[] lines = content.split("\n");
        String who = lines.length >= 3 ? " (" + lines[1] + ", lease until " + lines[2] + ")" : "";
        return new OpsException(OpsError.TARGET_LOCKED, "another backup or prune is using " + target.describe() + who
                + "; wait for it to finish (a holder that died frees it when its lease ends, or delete "
                + target.describe() + KEY + ")");
    }

    @Override
    public void close() throws IOException {
        renewer.shutdownNow();
        String now = read(target);
        if (now != null && now.startsWith(token + "\n")) {
            target.delete(KEY);
        }
    }
}
