package org.semiont.cli.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.semiont.cli.SemiontCommand;
import picocli.CommandLine;

/** What the database verbs' tests share: verbs run in this JVM with their output captured, and a PostgreSQL to run them on. */
final class InProcess {
    private InProcess() {
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SemiontCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * An embedded PostgreSQL. The packaged jar's manifest repeats lib/*.jar on the Failsafe class path, so the default
     * resolver sees every binaries archive twice; this one takes the first copy.
     */
    static EmbeddedPostgres postgres() throws IOException {
        return EmbeddedPostgres.builder().setPgBinaryResolver((system, arch) -> InProcess.class.getResourceAsStream(
                ("/postgres-" + system + "-" + arch + ".txz").toLowerCase(Locale.ROOT))).start();
    }
}
