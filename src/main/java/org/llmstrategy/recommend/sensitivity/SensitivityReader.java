package org.llmstrategy.recommend.sensitivity;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a POST /recommend/sensitivity body as strictly as /recommend reads its own, naming every
 * problem at once (the criteria's as {@code criteria.<field>}), and works out each move: every
 * numeric request field with a value other than 0, moved down and up by the share, each end read by
 * the same {@link CriteriaReader} as a request, so an end the request's constraints refuse (beyond
 * a field's range, or against another field) is never decided.
 */
final class SensitivityReader {
  private final CriteriaReader reader;

  SensitivityReader(Validator validator) {
    this.reader = new CriteriaReader(validator);
  }

  /** The criteria as sent, the share, and each input's two ends. */
  record Plan(Criteria criteria, BigDecimal change, List<Move> moves) {}

  /** One input moved: its value and the criteria at each end (the value itself when it cannot). */
  record Move(
      String field,
      BigDecimal value,
      BigDecimal low,
      Criteria atLow,
      BigDecimal high,
      Criteria atHigh) {}

  Plan read(byte[] body) {
    JsonFields f = new JsonFields(parse(body));
    JsonNode criteria = f.object("criteria", "a /recommend request");
    BigDecimal change = f.decimal("change");
    Set<FieldProblem> problems = new LinkedHashSet<>(f.problems());
    if (criteria == null && problems.stream().noneMatch(p -> p.field().equals("criteria"))) {
      problems.add(new FieldProblem("criteria", "is required: a /recommend request"));
    }
    if (change != null && (change.signum() <= 0 || change.compareTo(BigDecimal.ONE) > 0)) {
      problems.add(new FieldProblem("change", "must be above 0 and at most 1 (0.2 is ±20 %)"));
    }
    Criteria base = null;
    if (criteria != null) {
      try {
        base = CriteriaMapping.toCriteria(reader.read(criteria));
      } catch (InvalidRequestException e) {
        e.problems()
            .forEach(p -> problems.add(new FieldProblem("criteria." + p.field(), p.message())));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidRequestException.invalidFields(List.copyOf(problems));
    }
    BigDecimal share = change == null ? SensitivityRequest.DEFAULT_CHANGE : change;
    List<Move> moves = new ArrayList<>();
    for (String field : RequestFields.numeric()) {
      BigDecimal value = valueOf(base.get(field));
      if (value == null || value.signum() == 0) {
        continue; // not sent, or 0: no share of it to move by
      }
      Move m = move((ObjectNode) criteria, base, field, value, share);
      if (m != null) {
        moves.add(m);
      }
    }
    return new Plan(base, share, List.copyOf(moves));
  }

  /** The input's two ends, each read as a request; null when neither end differs from the value. */
  private Move move(
      ObjectNode criteria, Criteria base, String field, BigDecimal value, BigDecimal share) {
    BigDecimal step = RequestFields.stepOf(field);
    BigDecimal delta = value.abs().multiply(share);
    BigDecimal low = value.subtract(delta).setScale(step.scale(), RoundingMode.HALF_UP);
    BigDecimal high = value.add(delta).setScale(step.scale(), RoundingMode.HALF_UP);
    if (RequestFields.isWholeNumber(field)) {
      // two engineers moved by 20 % round back to two: a whole-number input moves at least one
      low = low.min(value.subtract(step));
      high = high.max(value.add(step));
    }
    Criteria atLow = readAt(criteria, field, low);
    Criteria atHigh = readAt(criteria, field, high);
    if (atLow == null) {
      low = value;
      atLow = base;
    }
    if (atHigh == null) {
      high = value;
      atHigh = base;
    }
    if (low.compareTo(value) == 0 && high.compareTo(value) == 0) {
      return null;
    }
    return new Move(field, plain(value), plain(low), atLow, plain(high), atHigh);
  }

  /** The criteria with one field at {@code value}, or null when the request would refuse it. */
  private Criteria readAt(ObjectNode criteria, String field, BigDecimal value) {
    ObjectNode at = criteria.deepCopy();
    BigDecimal v = plain(value);
    if (RequestFields.isWholeNumber(field)) {
      at.put(field, v.toBigIntegerExact());
    } else {
      at.put(field, v);
    }
    try {
      return CriteriaMapping.toCriteria(reader.read(at));
    } catch (InvalidRequestException | ArithmeticException e) {
      return null; // beyond what the field (or the request as a whole) accepts: not moved there
    }
  }

  private static BigDecimal valueOf(Object v) {
    if (v == null || v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    return v instanceof Number n ? BigDecimal.valueOf(n.longValue()) : null;
  }

  /** 1E+6 as 1000000, 2.50 as 2.5: the value as a client would write it. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** The body, with a number no BigDecimal can hold named as {@code criteria.<field>}. */
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
}
