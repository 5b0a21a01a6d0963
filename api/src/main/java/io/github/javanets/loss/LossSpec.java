package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A parsed loss spec: a name and its parameters as text, as in {@code "mmd(bandwidth=0.5,
 * estimator=unbiased, weight=2)"} or a bare {@code "mse"}.
 *
 * <p>Grammar: {@code name [ "(" [ key "=" value { "," key "=" value } ] ")" ]}, with white space
 * allowed around every token. A value is bare text without white space, commas, parentheses, {@code
 * =} or quotes, or a quoted text ({@code 'a b'} or {@code "a b"}, with {@code \} escaping a quote
 * or a backslash). {@link Loss#toString()} writes this form and {@link LossRegistry#create(String)}
 * reads it back.
 */
@API(status = STABLE, since = "0.1")
public final class LossSpec {
  private final String name;
  private final Map<String, String> parameters;

  private LossSpec(String name, Map<String, String> parameters) {
    this.name = name;
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /** The loss name as written; never null. */
  public String name() {
    return name;
  }

  /** The parameters as written, in order; an unmodifiable view, never null. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /**
   * Parses a spec.
   *
   * @param text the spec; not null
   * @throws IllegalArgumentException quoting the text and saying what was expected where
   */
  public static LossSpec parse(String text) {
    Objects.requireNonNull(text, "spec");
    return new Parser(text).spec();
  }

  static String quoteIfNeeded(String value) {
    if (!value.isEmpty() && value.chars().allMatch(LossSpec::isBareChar)) {
      return value;
    }
    StringBuilder b = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      if (c == '\'' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('\'').toString();
  }

  private static boolean isBareChar(int c) {
    return !Character.isWhitespace(c)
        && c != ','
        && c != '('
        && c != ')'
        && c != '='
        && c != '\''
        && c != '"'
        && c != '\\';
  }

  private static boolean isNameChar(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  /** A small recursive-descent parser over one spec text. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    LossSpec spec() {
      skipSpace();
      String name = token(Parser::isName, "a loss name");
      Map<String, String> params = new LinkedHashMap<>();
      skipSpace();
      if (peek('(')) {
        pos++;
        skipSpace();
        if (!peek(')')) {
          do {
            skipSpace();
            String key = token(Parser::isName, "a parameter name");
            skipSpace();
            expect('=');
            skipSpace();
            String value = value();
            if (params.put(key, value) != null) {
              throw Errors.specParameterTwice(text, pos, key);
            }
            skipSpace();
          } while (accept(','));
        }
        expect(')');
        skipSpace();
      }
      if (pos != text.length()) {
        throw Errors.specNotEnded(text, pos);
      }
      return new LossSpec(name, params);
    }

    private static boolean isName(int c) {
      return isNameChar(c);
    }

    private String value() {
      if (peek('\'') || peek('"')) {
        char quote = text.charAt(pos++);
        StringBuilder b = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
          char c = text.charAt(pos++);
          if (c == '\\' && pos < text.length()) {
            c = text.charAt(pos++);
          }
          b.append(c);
        }
        if (pos >= text.length()) {
          throw Errors.specQuoteNotClosed(text, pos);
        }
        pos++;
        return b.toString();
      }
      return token(LossSpec::isBareChar, "a value");
    }

    private String token(java.util.function.IntPredicate allowed, String what) {
      int start = pos;
      while (pos < text.length() && allowed.test(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw Errors.specExpected(text, pos, what);
      }
      return text.substring(start, pos);
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean accept(char c) {
      if (peek(c)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw Errors.specExpected(text, pos, c);
      }
    }
  }
}
