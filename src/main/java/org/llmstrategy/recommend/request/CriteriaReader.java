package org.llmstrategy.recommend.request;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a POST /recommend body strictly and names every problem at once: first the JSON shape field
 * by field (unknown fields, wrong types, fractions for integers, unknown enum values), then Bean
 * Validation for ranges. Data binding would stop at the first problem, hence the tree.
 */
public final class CriteriaReader {
  /**
   * Far above anything a valid request holds (two levels deep, names and strings of at most 100
   * characters, numbers of at most 17 digits, a few dozen fields and at most 50 models), far below
   * Jackson's defaults (500 levels, 100 M characters, 1000 digits, no token or document cap).
   */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(16)
          .maxNameLength(1_000)
          .maxStringLength(10_000)
          .maxNumberLength(100)
          .maxTokenCount(10_000)
          .maxDocumentLength(64 * 1024)
          .build();

  /**
   * Floats are read as BigDecimal so money is never rounded through double; a duplicate field is an
   * error rather than "last one wins"; trailing content after the object is an error.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * How each request field is read, in the contract's order (the order problems are named in), from
   * the type of its {@link CriteriaRequest} component: a new component is read without more code,
   * and one of a type the reader cannot read stops the class from loading.
   */
  private static final List<Function<JsonFields, Object>> FIELDS = fieldReaders();

  private static final MethodHandle CANONICAL = canonical();

  private final Validator validator;

  public CriteriaReader(Validator validator) {
    this.validator = validator;
  }

  public CriteriaRequest read(byte[] body) {
    return read(parse(body));
  }

  /** Reads a request already parsed into a JSON object (the criteria of a sweep). */
  public CriteriaRequest read(JsonNode object) {
    JsonFields f = new JsonFields(object);
    Object[] values = new Object[FIELDS.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = FIELDS.get(i).apply(f);
    }
    CriteriaRequest request = construct(values);
    for (ConstraintViolation<CriteriaRequest> v : validator.validate(request)) {
      f.constraintViolated(fieldOf(v), v.getMessage());
    }
    List<FieldProblem> problems = f.problems();
    if (!problems.isEmpty()) {
      throw InvalidRequestException.invalidFields(problems);
    }
    return request;
  }

  private static List<Function<JsonFields, Object>> fieldReaders() {
    List<Function<JsonFields, Object>> readers = new ArrayList<>();
    for (RecordComponent c : CriteriaRequest.class.getRecordComponents()) {
      readers.add(readerOf(c));
    }
    return List.copyOf(readers);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Function<JsonFields, Object> readerOf(RecordComponent c) {
    String name = c.getName();
    Class<?> type = c.getType();
    if (type.isEnum()) {
      Class<? extends Enum> enumType = (Class<? extends Enum>) type;
      return f -> f.enumValue(name, enumType);
    }
    if (type == Long.class) {
      return f -> f.longValue(name);
    }
    if (type == Integer.class) {
      return f -> f.intValue(name);
    }
    if (type == BigDecimal.class) {
      return f -> f.decimal(name);
    }
    if (type == Boolean.class) {
      return f -> f.bool(name);
    }
    if (type == String.class) {
      return f -> f.string(name);
    }
    if (type == SelfHostRequest.class) {
      Function<JsonFields, Object> inner = recordReader(SelfHostRequest.class);
      return f -> f.nested(name, SelfHostRequest.class, inner);
    }
    if (c.getGenericType() instanceof ParameterizedType p
        && p.getRawType() == Map.class
        && p.getActualTypeArguments()[0] == String.class
        && p.getActualTypeArguments()[1] == BigDecimal.class) {
      return f -> f.decimalsByName(name);
    }
    throw new ExceptionInInitializerError(
        "CriteriaRequest." + name + ": the reader cannot read a " + c.getGenericType());
  }

  /**
   * A nested object read as its record, component by component, with the same readers; its problems
   * are named {@code outer.field}. The readers and the constructor are found once, when the reader
   * loads, not for each request.
   */
  private static Function<JsonFields, Object> recordReader(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    List<Function<JsonFields, Object>> readers = new ArrayList<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      readers.add(readerOf(components[i]));
      types[i] = components[i].getType();
    }
    MethodHandle constructor;
    try {
      constructor =
          MethodHandles.lookup()
              .findConstructor(type, MethodType.methodType(void.class, types))
              .asSpreader(Object[].class, types.length);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    return f -> {
      Object[] values = new Object[readers.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = readers.get(i).apply(f);
      }
      try {
        return constructor.invoke(values);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static MethodHandle canonical() {
    Class<?>[] types =
        Arrays.stream(CriteriaRequest.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class[]::new);
    try {
      // spread and typed once, so each call is an exact invocation
      return MethodHandles.lookup()
          .findConstructor(CriteriaRequest.class, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static CriteriaRequest construct(Object[] values) {
    try {
      return (CriteriaRequest) (Object) CANONICAL.invokeExact(values);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body as a JSON object, with the reader's limits; anything else is a 400. */
  public static JsonNode parse(byte[] body) {
    JsonNode root;
    try (JsonParser parser = JSON.createParser(body)) {
      root = readTree(parser);
    } catch (StreamConstraintsException e) {
      throw InvalidRequestException.unreadableBody(
          "exceeds the reader's limits: nesting depth 16, names of 1000 and strings of 10000"
              + " characters, numbers of 100 digits, 10000 tokens");
    } catch (JacksonException e) {
      throw InvalidRequestException.unreadableBody(describe(e));
    }
    if (root == null || root.isMissingNode()) {
      throw InvalidRequestException.unreadableBody("is empty; send a JSON object");
    }
    if (!root.isObject()) {
      throw InvalidRequestException.unreadableBody(
          "must be a JSON object, not " + JsonFields.kind(root));
    }
    return root;
  }

  /**
   * The tree, or a 400 naming the field of a number no BigDecimal can hold ({@code 1e-2147483648}
   * is valid JSON, but its scale is beyond an int).
   */
  private static JsonNode readTree(JsonParser parser) {
    try {
      return JSON.readTree(parser);
    } catch (NumberFormatException | ArithmeticException e) {
      throw InvalidRequestException.invalidFields(
          List.of(new FieldProblem(fieldAt(parser.streamReadContext()), JsonFields.OUT_OF_RANGE)));
    }
  }

  /**
   * Where the parser stands, named as the reader names fields: {@code upfrontBudgetUsd}, {@code
   * expectedAttempts[GPT-4o]}, {@code values[3]}.
   */
  static String fieldAt(TokenStreamContext at) {
    StringBuilder field = new StringBuilder();
    for (TokenStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
      boolean top = c.getParent() == null || c.getParent().inRoot();
      String segment =
          c.inArray()
              ? String.valueOf(c.getCurrentIndex())
              : JsonFields.shorten(String.valueOf(c.currentName()));
      field.insert(0, top ? segment : "[" + segment + "]");
    }
    return field.toString();
  }

  /** Our own words for a parse error: Jackson's messages name classes and echo input. */
  private static String describe(JacksonException e) {
    String where =
        e.getLocation() == null || e.getLocation().getLineNr() < 1
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    String original = e.getOriginalMessage();
    if (original != null
        && original.startsWith("Duplicate")
        && e.processor() instanceof JsonParser p
        && p.currentName() != null) {
      return "names the field '" + JsonFields.shorten(p.currentName()) + "' twice" + where;
    }
    return "is not valid JSON" + where;
  }

  /** The JSON name of a violated constraint: {@code monthlyTokens}, {@code expectedAttempts[x]}. */
  private static String fieldOf(ConstraintViolation<?> v) {
    StringBuilder field = new StringBuilder();
    for (var node : v.getPropertyPath()) {
      if (node.getKey() != null) {
        field.append('[').append(JsonFields.shorten(node.getKey().toString())).append(']');
      } else if (node.getName() != null && !node.getName().startsWith("<")) {
        field.append(field.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return field.toString();
  }
}
