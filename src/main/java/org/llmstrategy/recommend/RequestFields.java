package org.llmstrategy.recommend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a POST /recommend request and the Java type each is read as, so that a scenario
 * workbook can read each input cell as what its column's field holds.
 */
public final class RequestFields {
  private static final Map<String, Class<?>> TYPES = types();

  private RequestFields() {}

  /** The type of the request field of that JSON name, or null if there is no such field. */
  public static Class<?> typeOf(String field) {
    return TYPES.get(field);
  }

  private static Map<String, Class<?>> types() {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    for (var c : CriteriaRequest.class.getRecordComponents()) {
      types.put(c.getName(), c.getType());
    }
    return Map.copyOf(types);
  }
}
