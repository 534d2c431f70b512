package org.llmstrategy.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.llmstrategy.problems.FieldProblem;

/**
 * Reads a raw query string as Tomcat will ({@code &}-separated {@code name=value} pairs, {@code +}
 * for a space, {@code %XX} for a byte, the bytes UTF-8) but strictly, to find the parameters Tomcat
 * would fail on, before it does.
 */
final class QueryParameters {
  /** Long enough to recognise a parameter, short enough to keep answers and logs small. */
  static final int MAX_NAME_CHARS = 64;

  private QueryParameters() {}

  /** A parameter whose name or value is not %-encoded UTF-8, named as well as it can be. */
  record Unreadable(String rawName, Optional<String> name) {
    FieldProblem problem() {
      return name.map(n -> new FieldProblem(n, "is not %-encoded UTF-8"))
          .orElseGet(
              () -> new FieldProblem(rawName, "the parameter's name is not %-encoded UTF-8"));
    }
  }

  static List<Unreadable> unreadable(String query) {
    List<Unreadable> bad = new ArrayList<>();
    if (query == null || query.isEmpty()) {
      return bad;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      Optional<String> name = decode(rawName);
      boolean valueReadable = eq < 0 || decode(pair.substring(eq + 1)).isPresent();
      if (name.isEmpty() || !valueReadable) {
        bad.add(new Unreadable(shortened(rawName), name.map(QueryParameters::shortened)));
      }
    }
    return bad;
  }

  /** The decoded text, or empty when a %-escape is not two hex digits or the bytes not UTF-8. */
  static Optional<String> decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
  }

  private static String shortened(String s) {
    return s.length() <= MAX_NAME_CHARS ? s : s.substring(0, MAX_NAME_CHARS) + "…";
  }
}
