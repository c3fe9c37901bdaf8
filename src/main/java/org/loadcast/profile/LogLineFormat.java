package org.loadcast.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The layout of one access-log line: literal text and fields, compiled from an Apache httpd
 * {@code LogFormat} or an nginx {@code log_format} pattern.
 *
 * <p>A field's value runs up to the literal text that follows it; a field between double quotes
 * runs up to the next double quote that is not escaped by a backslash (Apache and nginx both write
 * {@code \"} inside quoted values). Trailing whitespace of a line is ignored. Sources: Apache httpd
 * 2.4 documentation, {@code mod_log_config}, "Custom Log Formats"; nginx documentation, module
 * {@code ngx_http_log_module}, directive {@code log_format}, and {@code ngx_http_core_module},
 * "Embedded Variables".
 *
 * <p>Immutable and thread-safe; parsing state lives in a {@link LogLineParser}, one per reading
 * thread.
 */
public final class LogLineFormat {
  /** What a field holds, as far as the derivation cares. */
  enum Field {
    /** The client host or address: {@code %h}, {@code %a}, {@code $remote_addr}. */
    HOST,
    /** Any value that is read over: identity, user, headers, durations. */
    SKIP,
    /** {@code [dd/MMM/yyyy:HH:mm:ss Z]} with its brackets: Apache {@code %t}. */
    TIME_BRACKETED,
    /** {@code dd/MMM/yyyy:HH:mm:ss Z} without brackets: nginx {@code $time_local}. */
    TIME_CLF,
    /** ISO-8601 with offset: nginx {@code $time_iso8601}. */
    TIME_ISO,
    /** The request line {@code METHOD target [PROTOCOL]}: {@code %r}, {@code $request}. */
    REQUEST,
    /** A 3-digit status code: {@code %>s}, {@code %s}, {@code $status}. */
    STATUS,
    /** A byte count, {@code -} allowed for none: {@code %b}. */
    BYTES_OR_DASH,
    /** A byte count: {@code %B}, {@code $body_bytes_sent}, {@code $bytes_sent}. */
    BYTES,
    /** A non-negative number, possibly with a fraction: {@code %D}, {@code %T}, {@code $request_time}. */
    NUMBER
  }

  private static final String COMMON_PATTERN = "%h %l %u %t \"%r\" %>s %b";
  private static final String COMBINED_PATTERN = COMMON_PATTERN + " \"%{Referer}i\" \"%{User-Agent}i\"";
  private static final String NGINX_COMBINED_PATTERN = "$remote_addr - $remote_user [$time_local] "
      + "\"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

  /** NCSA Common Log Format, Apache's {@code common}: {@code %h %l %u %t "%r" %>s %b}. */
  public static final LogLineFormat COMMON = apache("common", COMMON_PATTERN);
  /** Apache's {@code combined}: Common plus {@code "%{Referer}i" "%{User-Agent}i"}. */
  public static final LogLineFormat COMBINED = apache("combined", COMBINED_PATTERN);
  /** nginx's default {@code combined} log format. */
  public static final LogLineFormat NGINX_COMBINED = nginx("nginx", NGINX_COMBINED_PATTERN);

  private final String name;
  private final String[] literals;
  private final Field[] fields;
  private final boolean[] quoted;

  private LogLineFormat(String name, List<String> literals, List<Field> fields) {
    this.name = name;
    this.literals = literals.toArray(String[]::new);
    this.fields = fields.toArray(Field[]::new);
    this.quoted = new boolean[this.fields.length];
    int times = 0;
    int requests = 0;
    for (int i = 0; i < this.fields.length; i++) {
      quoted[i] = this.literals[i].endsWith("\"") && this.literals[i + 1].startsWith("\"");
      if (this.fields[i] == Field.TIME_BRACKETED || this.fields[i] == Field.TIME_CLF || this.fields[i] == Field.TIME_ISO) {
        times++;
      }
      if (this.fields[i] == Field.REQUEST) {
        requests++;
      }
      if (i > 0 && this.literals[i].isEmpty()) {
        throw new IllegalArgumentException("the log format must have literal text between two fields, but '"
            + name + "' has none before field " + (i + 1));
      }
    }
    if (times != 1 || requests != 1) {
      throw new IllegalArgumentException("the log format must hold exactly one time field (%t, $time_local or "
          + "$time_iso8601) and one request line (%r or $request), but '" + name + "' has " + times + " and " + requests);
    }
  }

  /**
   * Compiles an Apache httpd {@code LogFormat} pattern.
   *
   * <p>Supported directives: {@code %h %a %l %u %t %r %>s %s %b %B %D %T %{Name}i %%}; any other
   * text is literal.
   *
   * @param name the name reported with the format, such as {@code apache:%h ...}
   * @param pattern the pattern, such as {@code %h %l %u %t "%r" %>s %b}
   * @return the format
   * @throws IllegalArgumentException if a directive is not supported, two fields touch, or the
   *     pattern lacks a time or a request line (or has two)
   */
  public static LogLineFormat apache(String name, String pattern) {
    return compile(name, pattern, '%', LogLineFormat::readApacheDirective);
  }

  /** Reads the Apache directive at {@code pattern[at] == '%'}; {@code %%} is an escaped marker. */
  private static Directive readApacheDirective(String pattern, int at) {
    int end = at + 1;
    if (end < pattern.length() && pattern.charAt(end) == '%') {
      return new Directive(null, end + 1);
    }
    if (end < pattern.length() && pattern.charAt(end) == '>') {
      end++;
    }
    String argument = null;
    if (end < pattern.length() && pattern.charAt(end) == '{') {
      int close = pattern.indexOf('}', end);
      if (close < 0) {
        throw new IllegalArgumentException("the Apache log format has an unclosed %{ at column " + (at + 1));
      }
      argument = pattern.substring(end + 1, close);
      end = close + 1;
    }
    if (end >= pattern.length()) {
      throw new IllegalArgumentException("the Apache log format ends in a bare %");
    }
    char directive = pattern.charAt(end);
    return new Directive(apacheField(directive, argument, pattern.substring(at, end + 1)), end + 1);
  }

  private static Field apacheField(char directive, String argument, String text) {
    if (argument != null && directive != 'i') {
      throw unsupported(text, "Apache");
    }
    switch (directive) {
      case 'h':
      case 'a':
        return Field.HOST;
      case 'l':
      case 'u':
      case 'i':
        return Field.SKIP;
      case 't':
        return Field.TIME_BRACKETED;
      case 'r':
        return Field.REQUEST;
      case 's':
        return Field.STATUS;
      case 'b':
        return Field.BYTES_OR_DASH;
      case 'B':
        return Field.BYTES;
      case 'D':
      case 'T':
        return Field.NUMBER;
      default:
        throw unsupported(text, "Apache");
    }
  }

  /**
   * Compiles an nginx {@code log_format} pattern.
   *
   * <p>Known variables: {@code $remote_addr $remote_user $time_local $time_iso8601 $request $status
   * $body_bytes_sent $bytes_sent $request_time}; any other variable ({@code $http_referer}, {@code
   * $http_user_agent}, {@code $http_x_forwarded_for}, ...) is read over. {@code ${name}} is the
   * same as {@code $name}. Other text is literal.
   *
   * @param name the name reported with the format, such as {@code nginx:$remote_addr ...}
   * @param pattern the pattern
   * @return the format
   * @throws IllegalArgumentException if two fields touch, a {@code $} has no name, or the pattern
   *     lacks a time or a request line (or has two)
   */
  public static LogLineFormat nginx(String name, String pattern) {
    return compile(name, pattern, '$', LogLineFormat::readNginxVariable);
  }

  /** Reads the nginx variable at {@code pattern[at] == '$'}, as {@code $name} or {@code ${name}}. */
  private static Directive readNginxVariable(String pattern, int at) {
    String variable;
    int end;
    if (at + 1 < pattern.length() && pattern.charAt(at + 1) == '{') {
      end = pattern.indexOf('}', at);
      if (end < 0) {
        throw new IllegalArgumentException("the nginx log format has an unclosed ${ at column " + (at + 1));
      }
      variable = pattern.substring(at + 2, end);
      end++;
    } else {
      end = at + 1;
      while (end < pattern.length() && (Character.isLetterOrDigit(pattern.charAt(end)) || pattern.charAt(end) == '_')) {
        end++;
      }
      variable = pattern.substring(at + 1, end);
    }
    if (variable.isEmpty()) {
      throw new IllegalArgumentException("the nginx log format has a $ without a variable name at column " + (at + 1));
    }
    return new Directive(nginxField(variable), end);
  }

  private static Field nginxField(String variable) {
    switch (variable) {
      case "remote_addr":
        return Field.HOST;
      case "time_local":
        return Field.TIME_CLF;
      case "time_iso8601":
        return Field.TIME_ISO;
      case "request":
        return Field.REQUEST;
      case "status":
        return Field.STATUS;
      case "body_bytes_sent":
      case "bytes_sent":
        return Field.BYTES;
      case "request_time":
        return Field.NUMBER;
      default:
        return Field.SKIP;
    }
  }

  /**
   * What a pattern holds at one marker ({@code %} or {@code $}).
   *
   * @param field the field, or null for an escaped marker that stands for itself in the literal text
   * @param end the index in the pattern just past the directive
   */
  private record Directive(Field field, int end) {}

  /** Reads the directive that starts at a marker of a pattern. */
  private interface DirectiveReader {
    Directive read(String pattern, int at);
  }

  /**
   * Splits a pattern into literal text and fields: text up to each {@code marker} is literal, and the
   * reader turns the directive at the marker into a field.
   */
  private static LogLineFormat compile(String name, String pattern, char marker, DirectiveReader reader) {
    List<String> literals = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c != marker) {
        literal.append(c);
        i++;
        continue;
      }
      Directive directive = reader.read(pattern, i);
      if (directive.field() == null) {
        literal.append(marker);
      } else {
        literals.add(literal.toString());
        literal.setLength(0);
        fields.add(directive.field());
      }
      i = directive.end();
    }
    literals.add(literal.toString());
    return new LogLineFormat(name, literals, fields);
  }

  private static IllegalArgumentException unsupported(String directive, String server) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "the %s log format directive %s is not supported; use %%h %%a %%l %%u %%t %%r %%>s %%s %%b %%B %%D %%T %%{Header}i or literal text",
        server, directive));
  }

  /** Returns the name the format was given, such as {@code common} or {@code nginx:$remote_addr ...}. */
  public String name() {
    return name;
  }

  String[] literals() {
    return literals;
  }

  Field[] fields() {
    return fields;
  }

  boolean[] quoted() {
    return quoted;
  }

  @Override
  public String toString() {
    return name;
  }
}
