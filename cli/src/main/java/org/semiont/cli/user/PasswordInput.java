package org.semiont.cli.user;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.auth.PasswordRules;

/**
 * Where a CLI verb gets a new password: the first line of standard input ({@code --password-stdin}, for scripts), or a
 * prompt without echo, asked twice, on an interactive terminal. Never from an argument: arguments show in {@code ps}
 * and shell history.
 */
final class PasswordInput {
    private PasswordInput() {
    }

    /** The password from standard input, checked against the rules. */
    static char[] fromStdin(String email) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new CliException(ExitCodes.USAGE, "--password-stdin: standard input is empty; pipe the password in");
            }
            return checked(line.toCharArray(), email);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot read the password from standard input: " + e.getMessage());
        }
    }

    /** A password asked on the terminal (twice), or null without a terminal, or when the answer is empty and optional. */
    static char[] prompt(String email, boolean optional) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("Password for %s%s: ", email, optional ? " (empty: none)" : "");
        if (first == null || (optional && first.length == 0)) {
            return null;
        }
        checked(first, email);
        char[] again = console.readPassword("Again: ");
        if (again == null || !Arrays.equals(first, again)) {
            throw new CliException(ExitCodes.USAGE, "The two passwords differ; nothing was changed");
        }
        Arrays.fill(again, '\0');
        return first;
    }

    private static char[] checked(char[] password, String email) {
        PasswordRules.problem(password, email).ifPresent(problem -> {
            throw new CliException(ExitCodes.USAGE, "Invalid password: " + problem + "; nothing was changed");
        });
        return password;
    }
}
