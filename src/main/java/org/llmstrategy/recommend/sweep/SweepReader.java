package org.llmstrategy.recommend.sweep;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.llmstrategy.recommend.request.JsonFields;
import org.llmstrategy.recommend.request.RequestFields;
import org.llmstrategy.recommend.sweep.SweepRequest.Scale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a POST /recommend/sweep body as strictly as /recommend reads its own, naming every problem
 * at once: the sweep's fields by name, the criteria's as {@code criteria.<field>}, and a swept
 * value the criteria cannot take by where it came from ({@code from}, {@code to}, {@code
 * values[3]}). Each value is read by the same {@link CriteriaReader}, so its ranges and types are
 * checked by the request's own constraints, new fields included.
 */
final class SweepReader {
  private static final String MONTHLY_TOKENS = "monthlyTokens";

  private final CriteriaReader reader;

  SweepReader(Validator validator) {
    this.reader = new CriteriaReader(validator);
  }

  /** A checked sweep: the field, its values in ascending order, the criteria at each. */
  record Plan(String field, List<BigDecimal> values, List<Criteria> criteria, Sweeper at) {}

  /** The criteria at any value of the swept field (for narrowing a change down). */
  interface Sweeper {
    Criteria at(BigDecimal value);
  }

  Plan read(byte[] body) {
    JsonFields f = new JsonFields(parse(body));
    JsonNode criteria = f.object("criteria", "a /recommend request");
    String field = f.string("field");
    BigDecimal from = f.decimal("from");
    BigDecimal to = f.decimal("to");
    Integer points = f.intValue("points");
    Scale scale = f.enumValue("scale", Scale.class);
    List<BigDecimal> values = f.decimals("values");
    Problems problems = new Problems(f.problems());
    problems.requireIf(criteria == null, "criteria", "is required: a /recommend request");
    if (field == null) {
      problems.requireIf(true, "field", "is required");
    } else if (!RequestFields.numeric().contains(field)) {
      problems.add(
          "field",
          "must be a numeric request field: " + String.join(", ", RequestFields.numeric()));
    }
    if (values != null) {
      checkValues(values, from != null || to != null || points != null || scale != null, problems);
    } else {
      checkRange(from, to, points, logScale(field, scale), problems);
    }
    if (criteria != null) {
      checkCriteria((ObjectNode) criteria, field, problems);
    }
    problems.throwIfAny();

    ObjectNode object = (ObjectNode) criteria;
    List<Criteria> read = new ArrayList<>();
    Criteria base;
    if (values == null) {
      // the ends are read as the request; every value between them is then valid too (the
      // constraints are ranges), so each is the same criteria with the swept field changed
      base = readAt(object, field, from, "from", problems);
      readAt(object, field, to, "to", problems);
      problems.throwIfAny();
      values = grid(field, from, to, points, logScale(field, scale));
      for (BigDecimal v : values) {
        read.add(base.with(field, plain(v)));
      }
    } else {
      for (int i = 0; i < values.size(); i++) {
        read.add(readAt(object, field, values.get(i), "values[" + i + "]", problems));
      }
      problems.throwIfAny();
      base = read.get(0);
    }
    List<BigDecimal> plain = values.stream().map(SweepReader::plain).toList();
    // a value between two valid ones is valid: the request's constraints are ranges
    Criteria between = base;
    return new Plan(field, plain, read, v -> between.with(field, plain(v)));
  }

  /**
   * The body, with a number no BigDecimal can hold named as the sweep names fields: {@code
   * criteria.upfrontBudgetUsd}, not {@code criteria[upfrontBudgetUsd]}.
   */
  private static JsonNode parse(byte[] body) {
    try {
      return CriteriaReader.parse(body);
    } catch (InvalidRequestException e) {
      if (e.unreadable()) {
        throw e;
      }
      throw InvalidRequestException.invalidFields(
          e.problems().stream()
              .map(
                  p ->
                      new FieldProblem(
                          p.field().replaceFirst("^criteria\\[([^\\]]*)\\]", "criteria.$1"),
                          p.message()))
              .toList());
    }
  }

  private static boolean logScale(String field, Scale scale) {
    return scale == null ? MONTHLY_TOKENS.equals(field) : scale == Scale.LOG;
  }

  private static void checkValues(List<BigDecimal> values, boolean rangeToo, Problems problems) {
    if (rangeToo) {
      problems.add("values", "send either values, or from, to and points (and scale), not both");
    }
    if (values.isEmpty() || values.size() > SweepRequest.MAX_POINTS) {
      problems.add("values", "must hold 1 to " + SweepRequest.MAX_POINTS + " values");
    }
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
        problems.add(
            "values[" + i + "]", "must be above values[" + (i - 1) + "]: ascending, each once");
      }
    }
  }

  private static void checkRange(
      BigDecimal from, BigDecimal to, Integer points, boolean log, Problems problems) {
    String or = "is required (or send values)";
    problems.requireIf(from == null, "from", or);
    problems.requireIf(to == null, "to", or);
    problems.requireIf(points == null, "points", or);
    if (points != null && (points < 2 || points > SweepRequest.MAX_POINTS)) {
      problems.add("points", "must be from 2 to " + SweepRequest.MAX_POINTS);
    }
    if (from != null && to != null && to.compareTo(from) <= 0) {
      problems.add("to", "must be above from");
    }
    if (log && from != null && from.signum() <= 0) {
      problems.add("from", "must be above 0 on a LOG scale (send scale LINEAR to start at 0)");
    }
  }

  /**
   * {@code points} values from {@code from} to {@code to}, rounded to the field's step, each once.
   */
  static List<BigDecimal> grid(
      String field, BigDecimal from, BigDecimal to, int points, boolean log) {
    BigDecimal step = RequestFields.stepOf(field);
    Set<BigDecimal> values = new LinkedHashSet<>();
    double logFrom = Math.log(from.doubleValue());
    double logTo = Math.log(to.doubleValue());
    for (int i = 0; i < points; i++) {
      BigDecimal v;
      if (i == 0) {
        v = from;
      } else if (i == points - 1) {
        v = to;
      } else if (log) {
        v = BigDecimal.valueOf(Math.exp(logFrom + (logTo - logFrom) * i / (points - 1)));
      } else {
        v =
            from.add(
                to.subtract(from)
                    .multiply(BigDecimal.valueOf(i))
                    .divide(
                        BigDecimal.valueOf(points - 1L), step.scale() + 2, RoundingMode.HALF_UP));
      }
      values.add(v.setScale(step.scale(), RoundingMode.HALF_UP));
    }
    return List.copyOf(values);
  }

  /** Names the criteria's own problems (the swept field's value comes later). */
  private void checkCriteria(ObjectNode criteria, String field, Problems problems) {
    ObjectNode without = criteria.deepCopy();
    if (field != null) {
      without.remove(field);
    }
    try {
      reader.read(without);
    } catch (InvalidRequestException e) {
      for (FieldProblem p : e.problems()) {
        if (!p.field().equals(field)) {
          problems.add("criteria." + p.field(), p.message());
        }
      }
    }
  }

  /**
   * The criteria with the swept field set to {@code value}; a problem with it is named {@code as}.
   */
  private Criteria readAt(
      ObjectNode criteria, String field, BigDecimal value, String as, Problems problems) {
    ObjectNode at = criteria.deepCopy();
    BigDecimal plain = plain(value);
    if (RequestFields.isWholeNumber(field) && plain.scale() == 0) {
      at.put(field, plain.toBigIntegerExact());
    } else {
      at.put(field, plain);
    }
    try {
      return CriteriaMapping.toCriteria(reader.read(at));
    } catch (InvalidRequestException e) {
      for (FieldProblem p : e.problems()) {
        if (p.field().equals(field)) {
          problems.add(as, p.message());
        } else {
          problems.add("criteria." + p.field(), p.message());
        }
      }
      return null;
    }
  }

  /** 1E+6 as 1000000, 2.50 as 2.5: the value as a client would write it. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Problems in the order found, each once. */
  private static final class Problems {
    private final Set<FieldProblem> list;

    Problems(List<FieldProblem> read) {
      list = new LinkedHashSet<>(read);
    }

    void add(String field, String message) {
      list.add(new FieldProblem(field, message));
    }

    /** Adds a problem when {@code missing}, unless reading the field already failed. */
    void requireIf(boolean missing, String field, String message) {
      if (missing && list.stream().noneMatch(p -> p.field().equals(field))) {
        add(field, message);
      }
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw InvalidRequestException.invalidFields(List.copyOf(list));
      }
    }
  }
}
