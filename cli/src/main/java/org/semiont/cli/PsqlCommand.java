package org.semiont.cli;

import org.semiont.cli.db.DbSqlCommand;
import picocli.CommandLine.Command;

/** {@code semiont psql}: the same shell as {@code semiont db sql}, under the name operators type. */
@Command(name = "psql", mixinStandardHelpOptions = true, description = {"Same as 'semiont db sql': an SQL shell on the database."})
public final class PsqlCommand extends DbSqlCommand {
}
