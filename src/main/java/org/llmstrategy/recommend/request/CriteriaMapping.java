package org.llmstrategy.recommend.request;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmstrategy.facts.Criteria;

/**
 * The one place where a validated request becomes the rules' fact: each {@link Criteria} component
 * takes the {@link CriteriaRequest} component of the same name, and {@link Criteria} applies the
 * defaults. The two records name the same fields in the same order, or this class does not load.
 */
public final class CriteriaMapping {
  private static final Map<String, MethodHandle> REQUEST = requestAccessors();

  private CriteriaMapping() {}

  public static Criteria toCriteria(CriteriaRequest r) {
    return Criteria.from(field -> plain(read(REQUEST.get(field), r)));
  }

  /**
   * Trailing zeros were stripped while reading (so 750000.00 passes @Digits); give whole amounts
   * back a non-negative scale so they print as 750000, not 7.5E+5. Safe: validation bounded the
   * digits.
   */
  private static Object plain(Object value) {
    if (value instanceof BigDecimal d) {
      return plain(d);
    }
    if (value instanceof SelfHostRequest selfHost) {
      return selfHost.toInputs();
    }
    if (value instanceof Map<?, ?> byName) {
      Map<Object, Object> plain = new LinkedHashMap<>();
      byName.forEach((name, v) -> plain.put(name, plain(v)));
      return plain;
    }
    return value;
  }

  /** A decimal read with its trailing zeros stripped, given a non-negative scale again. */
  static BigDecimal plain(BigDecimal d) {
    return d == null || d.scale() >= 0 ? d : d.setScale(0);
  }

  private static Object read(MethodHandle accessor, CriteriaRequest r) {
    try {
      return accessor.invoke(r);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, MethodHandle> requestAccessors() {
    List<String> request = RequestFields.names();
    if (!request.equals(Criteria.fields())) {
      throw new IllegalStateException(
          "CriteriaRequest and Criteria must name the same request fields in the same order: "
              + request
              + " against "
              + Criteria.fields());
    }
    Map<String, MethodHandle> accessors = new LinkedHashMap<>();
    try {
      for (var c : CriteriaRequest.class.getRecordComponents()) {
        accessors.put(
            c.getName(),
            MethodHandles.lookup()
                .unreflect(c.getAccessor())
                .asType(MethodType.methodType(Object.class, CriteriaRequest.class)));
      }
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
    return Map.copyOf(accessors);
  }
}
