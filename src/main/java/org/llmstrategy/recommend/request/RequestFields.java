package org.llmstrategy.recommend.request;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
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

  /** Every request field's JSON name, in the contract's order. */
  public static List<String> names() {
    return Arrays.stream(CriteriaRequest.class.getRecordComponents())
        .map(RecordComponent::getName)
        .toList();
  }

  /**
   * The least value of a numeric field, from its {@code @Min} or {@code @DecimalMin} constraint
   * (what the reader accepts), or null when it has none.
   */
  public static BigDecimal minOf(String field) {
    for (var c : CriteriaRequest.class.getRecordComponents()) {
      if (c.getName().equals(field)) {
        Min min = c.getAccessor().getAnnotation(Min.class);
        DecimalMin decimalMin = c.getAccessor().getAnnotation(DecimalMin.class);
        return min != null
            ? BigDecimal.valueOf(min.value())
            : decimalMin == null ? null : new BigDecimal(decimalMin.value());
      }
    }
    return null;
  }

  /**
   * The greatest value of a numeric field: its {@code @Max} constraint, else the greatest its type
   * holds (the reader refuses more), or null for a decimal without a maximum.
   */
  public static BigDecimal maxOf(String field) {
    for (var c : CriteriaRequest.class.getRecordComponents()) {
      if (c.getName().equals(field)) {
        Max max = c.getAccessor().getAnnotation(Max.class);
        if (max != null) {
          return BigDecimal.valueOf(max.value());
        }
        if (c.getType() == Integer.class) {
          return BigDecimal.valueOf(Integer.MAX_VALUE);
        }
        return c.getType() == Long.class ? BigDecimal.valueOf(Long.MAX_VALUE) : null;
      }
    }
    return null;
  }

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
