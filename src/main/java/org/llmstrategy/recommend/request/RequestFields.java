package org.llmstrategy.recommend.request;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a POST /recommend request and the Java type each is read as, so that a scenario
 * workbook can read each input cell as what its column's field holds, and a sweep can vary any
 * numeric field (a field added to {@link CriteriaRequest} is sweepable without more code).
 */
public final class RequestFields {
  /** A decimal field without a declared number of decimals is swept to this many. */
  private static final int DEFAULT_DECIMALS = 4;

  private static final Map<String, Class<?>> TYPES = types();
  private static final Map<String, BigDecimal> STEPS = steps();

  private RequestFields() {}

  /** The type of the request field of that JSON name, or null if there is no such field. */
  public static Class<?> typeOf(String field) {
    return TYPES.get(field);
  }

  /** The numeric fields, in the request's order: the ones a sweep can vary. */
  public static List<String> numeric() {
    return List.copyOf(STEPS.keySet());
  }

  /**
   * The smallest difference between two values of a numeric field: 1 for a whole-number field, one
   * unit of the last decimal its {@code @Digits} allows for a decimal one (0.01 for dollars).
   */
  public static BigDecimal stepOf(String field) {
    return STEPS.get(field);
  }

  public static boolean isWholeNumber(String field) {
    return STEPS.containsKey(field) && STEPS.get(field).scale() == 0;
  }

  private static Map<String, Class<?>> types() {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (var c : CriteriaRequest.class.getRecordComponents()) {
      types.put(c.getName(), c.getType());
    }
    return Map.copyOf(types);
  }

  private static Map<String, BigDecimal> steps() {
    Map<String, BigDecimal> steps = new LinkedHashMap<>();
    for (var c : CriteriaRequest.class.getRecordComponents()) {
      Class<?> t = c.getType();
      if (t == Integer.class || t == Long.class) {
        steps.put(c.getName(), BigDecimal.ONE);
      } else if (t == BigDecimal.class) {
        // on the accessor: @Digits does not target record components, so it lands there
        Digits digits = c.getAccessor().getAnnotation(Digits.class);
        steps.put(
            c.getName(),
            BigDecimal.ONE.movePointLeft(digits == null ? DEFAULT_DECIMALS : digits.fraction()));
      }
    }
    return steps;
  }
}
