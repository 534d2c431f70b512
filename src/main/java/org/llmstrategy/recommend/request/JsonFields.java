package org.llmstrategy.recommend.request;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.llmstrategy.problems.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Typed, problem-collecting access to the fields of one JSON object. Each accessor returns the
 * value, or null when the field is absent, JSON null or of the wrong type (the last noted as a
 * problem). Whatever the object holds beyond the fields asked for is reported as unknown.
 */
public final class JsonFields {
  /**
   * A typo in a field name: at most two edits apart. -1 when further; being bounded, it gives up
   * early on a long name instead of filling a whole table.
   */
  private static final LevenshteinDistance TYPO = new LevenshteinDistance(2);

  private static final int MAX_ECHO = 100;

  /**
   * Digits a number may have on either side of the point once its exponent is applied: the reader's
   * own limit on digits typed (far beyond any field's range, which then names the field's own
   * bounds).
   */
  static final int MAX_DIGITS = CriteriaReader.LIMITS.getMaxNumberLength();

  static final String OUT_OF_RANGE =
      "is out of range: more than " + MAX_DIGITS + " digits before or after the point";

  private final JsonNode object;
  private final String prefix;
  private final List<String> asked = new ArrayList<>();
  private final List<FieldProblem> readProblems = new ArrayList<>();
  private final List<FieldProblem> violations = new ArrayList<>();
  private final Map<String, String> clamped = new LinkedHashMap<>();

  public JsonFields(JsonNode object) {
    this(object, "");
  }

  private JsonFields(JsonNode object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  /**
   * A nested object read by {@code reader} over its own fields; its problems (unknown fields among
   * them) are this object's, named {@code name.field}.
   */
  <T> T nested(String name, Class<T> type, java.util.function.Function<JsonFields, Object> reader) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    if (!n.isObject()) {
      return problem(name, "must be an object");
    }
    JsonFields inner = new JsonFields(n, prefix + name + ".");
    Object value = reader.apply(inner);
    readProblems.addAll(inner.problems());
    return type.cast(value);
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    if (n.isString()) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(n.stringValue())) {
          return e;
        }
      }
    }
    return problem(
        name,
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", ")));
  }

  public Integer intValue(String name) {
    BigInteger v = integer(name);
    return v == null ? null : (int) clamp(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  Long longValue(String name) {
    BigInteger v = integer(name);
    return v == null ? null : clamp(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public BigDecimal decimal(String name) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    return n.isNumber() ? exact(name, n) : problem(name, "must be a number");
  }

  Boolean bool(String name) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    return n.isBoolean() ? n.booleanValue() : problem(name, "must be true or false");
  }

  public String string(String name) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    return n.isString() ? n.stringValue() : problem(name, "must be a string");
  }

  /** A JSON object, as it was sent (the criteria of a sweep). */
  public JsonNode object(String name, String expected) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    return n.isObject() ? n : problem(name, "must be an object: " + expected);
  }

  /** A list of numbers; items of the wrong type are named one by one and left out. */
  public List<BigDecimal> decimals(String name) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    if (!n.isArray()) {
      return problem(name, "must be a list of numbers");
    }
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      String item = name + "[" + i + "]";
      if (n.get(i).isNumber()) {
        BigDecimal v = exact(item, n.get(i));
        if (v != null) {
          values.add(v);
        }
      } else {
        problem(item, "must be a number");
      }
    }
    return values;
  }

  /** An object of name to number; entries of the wrong type are named one by one and left out. */
  Map<String, BigDecimal> decimalsByName(String name) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    if (!n.isObject()) {
      return problem(name, "must be an object of model name to number");
    }
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (var e : n.properties()) {
      String entry = name + "[" + shorten(e.getKey()) + "]";
      if (e.getValue().isNumber()) {
        BigDecimal v = exact(entry, e.getValue());
        if (v != null) {
          values.put(e.getKey(), v);
        }
      } else {
        problem(entry, "must be a number");
      }
    }
    return values;
  }

  /**
   * A constraint violation on a value read here. Dropped when reading the field already failed (the
   * value was left null, so "is required" would only repeat the problem).
   */
  void constraintViolated(String field, String message) {
    if (readProblems.stream().noneMatch(p -> p.field().equals(field))) {
      violations.add(new FieldProblem(field, message));
    }
  }

  /** Everything found, in the order the fields were asked for; unknown fields last, as sent. */
  public List<FieldProblem> problems() {
    List<FieldProblem> all = new ArrayList<>(readProblems);
    all.addAll(violations);
    Set<String> violated = violations.stream().map(FieldProblem::field).collect(Collectors.toSet());
    clamped.forEach(
        (field, message) -> {
          if (!violated.contains(field)) {
            all.add(new FieldProblem(field, message));
          }
        });
    List<String> sent = new ArrayList<>(object.propertyNames());
    for (String name : sent) {
      if (!asked.contains(name)) {
        all.add(new FieldProblem(prefix + shorten(name), unknownFieldMessage(name)));
      }
    }
    all.sort(
        Comparator.comparingInt((FieldProblem p) -> rank(p.field(), sent))
            .thenComparing(FieldProblem::field));
    return List.copyOf(new LinkedHashSet<>(all));
  }

  static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a JSON value of another kind";
    };
  }

  /** Client-chosen names are echoed back, but never at unbounded length. */
  static String shorten(String name) {
    return name.length() <= MAX_ECHO ? name : name.substring(0, MAX_ECHO) + "…";
  }

  private JsonNode field(String name) {
    asked.add(name);
    JsonNode n = object.get(name);
    return n == null || n.isNull() ? null : n;
  }

  private BigInteger integer(String name) {
    JsonNode n = field(name);
    if (n == null) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue();
    }
    return problem(
        name,
        n.isNumber() ? "must be an integer, without a fraction or exponent" : "must be an integer");
  }

  /**
   * Values beyond the Java type are clamped to its bound so Bean Validation can report the field's
   * own range; where no constraint is stricter than the type, the type's bound is reported.
   */
  private long clamp(String name, BigInteger v, long min, long max) {
    if (v.compareTo(BigInteger.valueOf(max)) > 0) {
      clamped.put(prefix + name, "must be at most " + max);
      return max;
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0) {
      clamped.put(prefix + name, "must be at least " + min);
      return min;
    }
    return v.longValue();
  }

  private <T> T problem(String field, String message) {
    readProblems.add(new FieldProblem(prefix + field, message));
    return null;
  }

  private int rank(String field, List<String> sent) {
    String top = field.substring(prefix.length()).split("[\\[.]", 2)[0];
    int i = asked.indexOf(top);
    return i >= 0 ? i : asked.size() + sent.indexOf(top);
  }

  private String unknownFieldMessage(String name) {
    String message = "is not a field of this request";
    for (String known : asked) {
      if (known.equalsIgnoreCase(name) || TYPO.apply(known, name) >= 0) {
        return message + "; did you mean " + known + "?";
      }
    }
    return message;
  }

  /**
   * The number, or null and a problem when its exponent puts it beyond {@link #MAX_DIGITS} digits
   * on either side of the point. The reader's limits bound the digits typed, not the exponent:
   * {@code 0.1e2147483648} is 13 characters and a 2,147,483,647-digit number, on which Bean
   * Validation's digit count overflows an int (and passes) and any arithmetic throws or runs out of
   * memory. So each number is bounded here, before anything computes with it.
   */
  private BigDecimal exact(String name, JsonNode number) {
    // stripped so that 750000.00 and 7.5e5 both pass @Digits; CriteriaMapping restores the scale
    BigDecimal n = number.decimalValue().stripTrailingZeros();
    long beforePoint = (long) n.precision() - n.scale(); // as a long: it overflows an int
    if (n.signum() != 0 && (beforePoint > MAX_DIGITS || n.scale() > MAX_DIGITS)) {
      return problem(
          name, "is out of range: more than " + MAX_DIGITS + " digits before or after the point");
    }
    return n;
  }
}
