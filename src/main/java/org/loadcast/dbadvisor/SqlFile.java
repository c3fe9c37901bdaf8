package org.loadcast.dbadvisor;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * A plain {@code .sql} file read as a list of statements, each parsed by JSqlParser and located in
 * the file.
 *
 * <p>Statements end at semicolons outside strings, quoted names, dollar quotes and comments (see
 * {@link SqlText}); the last one may lack its semicolon.
 */
public final class SqlFile {
  /** At most this many problems are reported, as the house style asks. */
  static final int MAX_PROBLEMS = 20;

  private SqlFile() {}

  /**
   * Reads and parses every statement of a file.
   *
   * @param file the file, UTF-8
   * @param name the file as the user named it, for messages
   * @return the statements in file order; empty when the file holds only white space and comments
   * @throws InputException if the file is missing or unreadable, or if any statement does not parse;
   *     one problem per bad statement (at most 20), each {@code name:line:column: ...} at the
   *     statement's first character
   */
  public static List<SqlFileStatement> read(Path file, String name) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(new InputProblem(name, 0, 0, "no such file"));
    } catch (CharacterCodingException e) {
      throw new InputException(new InputProblem(name, 0, 0, "cannot read the file: it is not UTF-8 text"));
    } catch (IOException e) {
      throw new InputException(new InputProblem(name, 0, 0, "cannot read the file: " + e.getMessage()));
    }
    return parse(text, name);
  }

  /**
   * Parses every statement of a script.
   *
   * @param script the script text
   * @param name the file as the user named it, for messages
   * @return the statements in script order; empty when the script holds only white space and comments
   * @throws InputException if any statement does not parse, as for {@link #read(Path, String)}
   */
  public static List<SqlFileStatement> parse(String script, String name) {
    List<SqlFileStatement> statements = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (SqlLexer.Piece piece : SqlLexer.split(script)) {
      int[] at = SqlLexer.position(script, piece.offset());
      try {
        var parsed = SqlParsing.parse(piece.sql());
        statements.add(new SqlFileStatement(piece.sql(), at[0], at[1], NormalizedSql.of(parsed),
            ColumnUsageFinder.find(parsed)));
      } catch (MalformedSqlException e) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new InputProblem(name, at[0], at[1], describe(e, at)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return statements;
  }

  /** Returns "the statement is not valid SQL: unexpected 'x' at 3:14", with the file position. */
  private static String describe(MalformedSqlException e, int[] start) {
    StringBuilder text = new StringBuilder("the statement is not valid SQL: ").append(e.getMessage());
    if (e.line() > 0) {
      int line = start[0] + e.line() - 1;
      int column = e.line() == 1 ? start[1] + e.column() - 1 : e.column();
      text.append(String.format(Locale.ROOT, " at %d:%d", line, column));
    }
    return text.toString();
  }
}
