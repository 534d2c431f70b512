package org.llmstrategy.facts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The submitted situation, as the rules see it: the validated request with its defaults applied,
 * one component per request field, named as the contract (openapi.yaml) names it. Rules only read
 * it; a condition never has to guess what "absent" means, except where absence is itself meaningful
 * (no latency budget, quality bar unknown, labeled examples unknown, no total-cost inputs).
 *
 * <p>The components are the list of request fields: the strict reader, the mapping from the
 * request, the answer's flips and the sweep all derive from them, so a new request field is one
 * component here plus its contract entry ({@code CriteriaRequest}, openapi.yaml), and a test fails
 * when one of the three misses it.
 *
 * @param labeledExamples null when the request does not say: unknown blocks nothing
 * @param referenceModel the contract's default, GPT-4o: the article prices its cost table at GPT-4o
 * @param outputTokenShare with cachedInputShare, batchShare, engineerMonthlyUsd and horizonMonths,
 *     the total cost of ownership (issue 12): all optional, null when not sent; without them the
 *     cost answer is the article's arithmetic
 * @param selfHost the client's self-host quote (issue 23): null when not sent, then self-hosting is
 *     the article's staircase; with it, a setup sized for a model and GPU
 * @param apiPriceChangePerYear with volumeGrowthPerYear, compounded once a year over the horizon;
 *     null (not sent) is no change
 */
public record Criteria(
    DataSensitivity dataSensitivity,
    long monthlyTokens,
    TimeToProduction timeToProduction,
    BigDecimal upfrontBudgetUsd,
    int mlEngineers,
    int infraEngineers,
    Integer latencyBudgetMs,
    Customization customization,
    TaskType taskType,
    KnowledgeUpdates knowledgeUpdates,
    Integer labeledExamples,
    Boolean ragMeetsQualityBar,
    String referenceModel,
    Long minContextWindowTokens,
    Quality minQuality,
    boolean requireOpenWeights,
    Long tokensPerTask,
    Map<String, BigDecimal> expectedAttempts,
    BigDecimal outputTokenShare,
    BigDecimal cachedInputShare,
    BigDecimal batchShare,
    BigDecimal engineerMonthlyUsd,
    Integer horizonMonths,
    SelfHostInputs selfHost,
    BigDecimal apiPriceChangePerYear,
    BigDecimal volumeGrowthPerYear) {

  /**
   * The contract's default reference model (openapi.yaml): the article's cost table is GPT-4o's.
   */
  public static final String DEFAULT_REFERENCE_MODEL = "GPT-4o";

  private static final RecordComponent[] COMPONENTS = Criteria.class.getRecordComponents();
  private static final Map<String, Integer> INDEX = index();
  private static final MethodHandle[] ACCESSORS = accessors();
  private static final MethodHandle CANONICAL = canonical();
  private static final Criteria DEFAULTS = from(field -> null);

  /**
   * The contract's defaults where a field is not sent (openapi.yaml's {@code default}s): prompt
   * only, factual Q&A, periodic updates, GPT-4o, one attempt per task for every model. The integer
   * and boolean defaults (no engineers, open weights not required) are the primitives' own.
   */
  public Criteria {
    customization = Objects.requireNonNullElse(customization, Customization.PROMPT_ONLY);
    taskType = Objects.requireNonNullElse(taskType, TaskType.FACTUAL_QA);
    knowledgeUpdates = Objects.requireNonNullElse(knowledgeUpdates, KnowledgeUpdates.PERIODIC);
    referenceModel = Objects.requireNonNullElse(referenceModel, DEFAULT_REFERENCE_MODEL);
    expectedAttempts = expectedAttempts == null ? Map.of() : Map.copyOf(expectedAttempts);
    // the documented default of these fields (0) is what leaving them out means: sent as 0 they
    // are left out, so sending a default never changes an answer (issue 24: defaults = omission)
    outputTokenShare = absentWhenZero(outputTokenShare);
    cachedInputShare = absentWhenZero(cachedInputShare);
    batchShare = absentWhenZero(batchShare);
    apiPriceChangePerYear = absentWhenZero(apiPriceChangePerYear);
    volumeGrowthPerYear = absentWhenZero(volumeGrowthPerYear);
  }

  private static BigDecimal absentWhenZero(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }

  /**
   * A request that sends nothing, defaults applied; the required fields are null (or 0 tokens)
   * until set with {@link #with}. For tests and tools: the service builds criteria from a request.
   */
  public static Criteria defaults() {
    return DEFAULTS;
  }

  /**
   * The request whose fields hold what {@code sent} gives for each field's name, converted as
   * {@link #with} converts; a field {@code sent} gives null for is absent (its default applies).
   */
  public static Criteria from(Function<String, Object> sent) {
    Object[] values = new Object[COMPONENTS.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = convert(COMPONENTS[i], sent.apply(COMPONENTS[i].getName()));
    }
    return construct(values);
  }

  /** The request fields, in the contract's order: the names of this record's components. */
  public static List<String> fields() {
    return Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
  }

  /** The Java type a field holds (its component's type; primitives for fields with a default). */
  public static Class<?> typeOf(String field) {
    return COMPONENTS[indexOf(field)].getType();
  }

  /** The value of one field, by its request name. */
  public Object get(String field) {
    return value(indexOf(field));
  }

  /**
   * The same request with one field changed (the answer's flips, a sweep's points, tests). A number
   * is converted exactly to the field's type (an int for {@code mlEngineers}, a BigDecimal for
   * money); anything else must be of the field's type; null makes the field absent (its default).
   *
   * @throws IllegalArgumentException for an unknown field or a value the field cannot hold
   */
  public Criteria with(String field, Object value) {
    int i = indexOf(field);
    Object[] values = new Object[COMPONENTS.length];
    for (int j = 0; j < values.length; j++) {
      values[j] = j == i ? convert(COMPONENTS[j], value) : value(j);
    }
    return construct(values);
  }

  /** ML and infrastructure engineers together: the article's "ML + infra team (5+)". */
  public int teamSize() {
    return mlEngineers + infraEngineers;
  }

  /**
   * Whether the request asks for more than the article's arithmetic (a traffic shape, labour or a
   * horizon): only then is fine-tuning's cost compared with the others' (the article's comparison
   * prices the API and self-hosting only).
   */
  public boolean totalCostRequested() {
    return outputTokenShare != null
        || cachedInputShare != null
        || batchShare != null
        || engineerMonthlyUsd != null
        || horizonMonths != null
        || selfHost != null
        || apiPriceChangePerYear != null
        || volumeGrowthPerYear != null;
  }

  /** The least quality a compared model must have: minQuality, or else the reference's quality. */
  public Quality qualityAtLeast(Quality referenceQuality) {
    return minQuality != null ? minQuality : referenceQuality;
  }

  private static Criteria construct(Object[] values) {
    try {
      return (Criteria) (Object) CANONICAL.invokeExact(values);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private Object value(int component) {
    try {
      return ACCESSORS[component].invoke(this);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(String field) {
    Integer i = INDEX.get(field);
    if (i == null) {
      throw new IllegalArgumentException(
          "'" + field + "' is not a request field; the fields are " + fields());
    }
    return i;
  }

  private static Object convert(RecordComponent c, Object value) {
    Class<?> type = c.getType();
    if (value == null) {
      // absent: a primitive's default is its zero (no engineers, open weights not required)
      return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
    if (value instanceof Number n && !(value instanceof BigDecimal && type == BigDecimal.class)) {
      BigDecimal exact = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
      if (type == long.class || type == Long.class) {
        return exact.longValueExact();
      }
      if (type == int.class || type == Integer.class) {
        return exact.intValueExact();
      }
      if (type == BigDecimal.class) {
        return exact;
      }
    }
    Class<?> boxed = MethodType.methodType(type).wrap().returnType();
    if (!boxed.isInstance(value)) {
      throw new IllegalArgumentException(
          c.getName() + " holds " + type.getSimpleName() + ", not " + value);
    }
    return value;
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < COMPONENTS.length; i++) {
      index.put(COMPONENTS[i].getName(), i);
    }
    return Map.copyOf(index);
  }

  private static MethodHandle[] accessors() {
    MethodHandle[] accessors = new MethodHandle[COMPONENTS.length];
    try {
      for (int i = 0; i < accessors.length; i++) {
        accessors[i] =
            MethodHandles.lookup()
                .unreflect(COMPONENTS[i].getAccessor())
                .asType(MethodType.methodType(Object.class, Criteria.class));
      }
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
    return accessors;
  }

  private static MethodHandle canonical() {
    Class<?>[] types =
        Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class[]::new);
    try {
      // spread and typed once, so each call is an exact invocation
      return MethodHandles.lookup()
          .findConstructor(Criteria.class, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
