package org.loadcast.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The limits every YAML document Loadcast reads is held to (traffic profiles, experiments), set
 * through the YAML library's own options, and the located problems their breaches give.
 *
 * <p>The limits guard against hostile documents: an alias bomb ("billion laughs", a few lines whose
 * aliases repeat lists of lists until they fill the memory), a deep nest that overflows the stack,
 * and a huge file. They are SnakeYAML's {@link LoaderOptions} (aliases of lists and mappings,
 * nesting depth, size in code points; see the SnakeYAML documentation of {@code LoaderOptions}) and
 * Jackson's {@link StreamReadConstraints} (nesting depth, number and string length). Jackson reads
 * YAML as a stream of events and does not build SnakeYAML's node graph, where the alias and
 * nesting limits are enforced, so {@link #screen} first runs SnakeYAML's composer over the text with
 * the same options; the composer shares an aliased node rather than copying it, so a bomb is caught
 * after its 51st alias, in milliseconds. Jackson then binds with {@link YAMLAnchorReplayingFactory},
 * which replays an anchored value at each alias: without it an alias would be read as the text of
 * its anchor's name.
 *
 * <p>A line longer than {@link #MAX_LINE_LENGTH} is refused by a check of this class: SnakeYAML has
 * no option for it.
 *
 * <p>The values are far above what real documents need: the largest file in {@code
 * traffic-profiles/} and {@code simulations/} is 35 KB and nests 7 levels; aliases are rare.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class YamlLimits {
  /** The most aliases of lists and mappings a document may hold (SnakeYAML's default is 50 too). */
  public static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
  /** The deepest nesting of lists and mappings a document may have, in levels. */
  public static final int MAX_NESTING_DEPTH = 50;
  /**
   * The largest document, in bytes of a file and in code points of a text: 8 MiB, about 240 times
   * the largest profile in the repository. Rate curves longer than that belong in a CSV file that
   * the profile names ({@code rate.curve.file}).
   */
  public static final int MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;
  /**
   * The longest line, in characters: 64 Ki, against 144 in the longest line of the repository's
   * documents. SnakeYAML has no option for it, and needs it: its reader copies the rest of its
   * window each time it reads on within one token, so a single-line scalar takes time quadratic in
   * its length (1 million characters 0.6 s, 2 million 2.7 s, 8 Mi about 40 s).
   */
  public static final int MAX_LINE_LENGTH = 64 * 1024;
  /** The most digits a number may have: a double needs 17, a long 19. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** The most events Jackson's anchor replay takes, fixed in {@link YAMLAnchorReplayingFactory} 2.21. */
  private static final int REPLAYED_EVENTS = 9999;
  private static final Pattern JACKSON_DEPTH = Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed");
  private static final Pattern JACKSON_NUMBER = Pattern.compile("Number value length \\((\\d+)\\) exceeds the maximum allowed");

  private YamlLimits() {}

  /**
   * Returns SnakeYAML's loader options with Loadcast's limits. Duplicate keys are let through: the
   * reader reports every duplicate, with the line of the first, rather than stop at the first one.
   *
   * @return new options; the caller may not share them with code that changes them
   */
  static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_SIZE);
    options.setAllowDuplicateKeys(true);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /**
   * Returns a Jackson YAML factory with the limits, which replays anchored values at their aliases.
   *
   * @param strictDuplicates whether the parser fails on a duplicate key (the binding reader) or lets
   *     it through (the reader that indexes locations and reports every duplicate)
   * @return the factory
   */
  static YAMLFactory factory(boolean strictDuplicates) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(MAX_DOCUMENT_SIZE)
        .build();
    YAMLFactory plain = YAMLFactory.builder()
        .loaderOptions(loaderOptions())
        .streamReadConstraints(constraints)
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strictDuplicates)
        .build();
    return new YAMLAnchorReplayingFactory(plain, null);
  }

  /**
   * Reads a file as UTF-8 text, refusing it before reading when it is larger than {@link
   * #MAX_DOCUMENT_SIZE}.
   *
   * @param file the file
   * @return its text; a byte order mark at the start is kept (the YAML parser skips it)
   * @throws InputException if the file is missing, a directory, too large, or not UTF-8 (located at
   *     the first byte that is not)
   */
  static String readText(Path file) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw new InputException(new InputProblem(name, 0, 0, "cannot read the file: it is a directory, not a file"));
      }
      long size = Files.size(file);
      if (size > MAX_DOCUMENT_SIZE) {
        throw new InputException(new InputProblem(name, 0, 0, String.format(Locale.ROOT,
            "the file is too large for a YAML document (%d bytes; the limit is %d bytes, 8 MiB); "
                + "keep a long rate curve in a CSV file (rate.curve.file)", size, MAX_DOCUMENT_SIZE)));
      }
      return decode(Files.readAllBytes(file), name);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException(new InputProblem(name, 0, 0, "no such file"));
    } catch (IOException e) {
      throw new InputException(new InputProblem(name, 0, 0, "cannot read the file: " + e.getMessage()));
    }
  }

  /**
   * Decodes UTF-8 strictly. A gzip file, a NUL byte (binary data) and a byte that is not UTF-8 are
   * refused, the last two at their line and column.
   */
  private static String decode(byte[] bytes, String name) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      throw new InputException(new InputProblem(name, 0, 0, "the file is gzip-compressed (it starts with the bytes "
          + "0x1F 0x8B), not YAML text; decompress it first"));
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InputException(problemAt(name, new String(bytes, 0, i, StandardCharsets.UTF_8),
            "the file is binary, not YAML text: it holds a NUL byte here"));
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
      throw new InputException(problemAt(name, before, String.format(Locale.ROOT,
          "the file is not UTF-8 text: byte 0x%02X here is not UTF-8 (a Latin-1 or Windows-1252 file?); save it as UTF-8",
          bytes[at] & 0xff)));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Returns the problem at the end of {@code before}, the text that precedes it. */
  private static InputProblem problemAt(String name, String before, String message) {
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    return new InputProblem(name, line, before.length() - before.lastIndexOf('\n'), message);
  }

  /**
   * Runs SnakeYAML's composer over a document with the limits, so that an alias bomb, a deep nest
   * or an alias to no anchor is reported before Jackson reads the document. Syntax errors are left
   * to the Jackson reader, which reports them in the same words as for a document within the limits.
   *
   * @param text the YAML text
   * @param fileName the name to show in problems
   * @throws InputException if the document breaks a limit or has an alias without its anchor
   */
  static void screen(String text, String fileName) {
    checkLineLength(text, fileName);
    LoaderOptions options = loaderOptions();
    MarkingParser parser = new MarkingParser(new ParserImpl(new StreamReader(text), options));
    try {
      Composer composer = new Composer(parser, new Resolver(), options);
      while (composer.checkNode()) {
        composer.getNode();
      }
    } catch (MarkedYAMLException e) {
      if (e.getProblem() != null && e.getProblem().startsWith("found undefined alias")) {
        Mark at = e.getProblemMark();
        String alias = e.getProblem().substring("found undefined alias".length()).strip();
        throw new InputException(new InputProblem(fileName, at.getLine() + 1, at.getColumn() + 1,
            "the alias '*" + alias + "' names no anchor: write '&" + alias + "' on a value above it"));
      }
    } catch (YAMLException e) {
      limitProblem(e.getMessage(), fileName, parser.last).ifPresent(p -> {
        throw new InputException(p);
      });
    }
  }

  /** Refuses a document with a line longer than {@link #MAX_LINE_LENGTH}, at the line's start. */
  private static void checkLineLength(String text, String fileName) {
    int line = 1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      int stop = end < 0 ? text.length() : end;
      if (stop - start > MAX_LINE_LENGTH) {
        throw new InputException(new InputProblem(fileName, line, 1, String.format(Locale.ROOT,
            "a line of %d characters; lines may have at most %d (write a long text as a block: '|' and several lines)",
            stop - start, MAX_LINE_LENGTH)));
      }
      if (end < 0) {
        return;
      }
      start = end + 1;
      line++;
    }
  }

  /**
   * Returns the problem for a limit a YAML reader reported, by SnakeYAML's or Jackson's message.
   *
   * @param message the reader's message
   * @param fileName the name to show
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @return the problem, or empty when the message is not about a limit
   */
  static Optional<InputProblem> limitProblem(String message, String fileName, int line, int column) {
    if (message == null) {
      return Optional.empty();
    }
    String text = null;
    boolean located = true;
    if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      text = "too many aliases (more than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases of lists and mappings): "
          + "an alias bomb? Write the values out instead";
    } else if (message.contains("too many events to replay") || message.contains("too many references in the document")
        || message.contains("too many anchors in the document")) {
      text = "an alias repeats too much (Jackson replays at most " + REPLAYED_EVENTS + " anchors, aliases or values "
          + "for aliases): an alias bomb? Write the values out instead";
    } else if (message.startsWith("Nesting Depth exceeded max") || JACKSON_DEPTH.matcher(message).find()) {
      text = "nesting too deep (more than " + MAX_NESTING_DEPTH + " levels of lists and mappings); "
          + "Loadcast's documents nest fewer than 10";
    } else if (message.startsWith("The incoming YAML document exceeds the limit")) {
      text = "the document is too large (more than " + MAX_DOCUMENT_SIZE + " characters, 8 MiB); "
          + "keep a long rate curve in a CSV file (rate.curve.file)";
      located = false;
    } else {
      Matcher number = JACKSON_NUMBER.matcher(message);
      if (number.find()) {
        text = "a number with " + number.group(1) + " digits; numbers may have at most " + MAX_NUMBER_LENGTH;
      }
    }
    return text == null ? Optional.empty()
        : Optional.of(new InputProblem(fileName, located ? line : 0, located ? column : 0, text));
  }

  private static Optional<InputProblem> limitProblem(String message, String fileName, Mark at) {
    return at == null ? limitProblem(message, fileName, 0, 0) : limitProblem(message, fileName, at.getLine() + 1, at.getColumn() + 1);
  }

  /** Returns the problem for a limit Jackson reported at a location, if the message is about one. */
  static Optional<InputProblem> limitProblem(String message, String fileName, JsonLocation at) {
    return at == null ? limitProblem(message, fileName, 0, 0)
        : limitProblem(message, fileName, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
  }

  /** A parser that remembers where the last event it gave started, to locate the composer's limits. */
  private static final class MarkingParser implements Parser {
    private final Parser parser;
    private Mark last;

    MarkingParser(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event event = parser.getEvent();
      last = event.getStartMark();
      return event;
    }
  }
}
