package org.semiont.server.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so each hash
 * carries its own cost and the cost can be raised later ({@link #needsRehash}). The default is OWASP's headline
 * setting: 19 MiB, 2 passes, 1 lane. Comparison is constant-time; {@link #verifyNothing} spends the same work for an
 * unknown account, so the answer's timing does not tell which accounts exist.
 */
public final class PasswordHasher {
    public record Cost(int memoryKiB, int iterations, int parallelism) {
    }

    public static final Cost DEFAULT = new Cost(19_456, 2, 1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    /** A hash of nothing anyone knows, at the current cost: verified against for unknown accounts. */
    private final String decoy;

    public PasswordHasher(Cost cost) {
        this.cost = cost;
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        this.decoy = hash(B64.encodeToString(unguessable).toCharArray());
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether {@code password} matches the stored hash; false for a hash this class cannot read. */
    public boolean verify(char[] password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            verifyNothing(password);
            return false;
        }
        Cost c = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), c, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The same work as a verification, for an account that does not exist (or has no password). */
    public void verifyNothing(char[] password) {
        verify(password, decoy);
    }

    /** Whether a stored hash was made at another cost than today's (rehash it at the next successful sign-in). */
    public boolean needsRehash(String stored) {
        Matcher m = PHC.matcher(stored);
        return !m.matches() || Integer.parseInt(m.group(1)) != cost.memoryKiB() || Integer.parseInt(m.group(2)) != cost.iterations()
                || Integer.parseInt(m.group(3)) != cost.parallelism();
    }

    private static byte[] derive(char[] password, byte[] salt, Cost c, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(c.memoryKiB()).withIterations(c.iterations())
                .withParallelism(c.parallelism()).withSalt(salt).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(params);
        byte[] out = new byte[length];
        g.generateBytes(password == null ? new char[0] : password, out);
        return out;
    }
}
