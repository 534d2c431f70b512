package org.llmstrategy.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.problems.QueryNumbers;

/**
 * The query of GET /decisions, read strictly: every bad parameter is named at once. {@code from}
 * and {@code to} are ISO-8601 instants ({@code 2026-12-01T09:00:00Z}) or dates (UTC days, {@code
 * to} included); {@code recommendation} is an option or {@value DecisionStore#INFEASIBLE}.
 */
record DecisionQuery(Instant from, Instant to, String recommendation, int page, int size) {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  static final List<String> RECOMMENDATIONS =
      List.of("API", "FINE_TUNE", "SELF_HOST", DecisionStore.INFEASIBLE);
  private static final String ONE_OF = "must be one of " + String.join(", ", RECOMMENDATIONS);

  static DecisionQuery of(String from, String to, String recommendation, String page, String size) {
    List<FieldProblem> problems = new ArrayList<>();
    Instant start = time("from", from, false, problems);
    Instant end = time("to", to, true, problems);
    String chosen = null;
    if (recommendation != null && !recommendation.isBlank()) {
      chosen = recommendation.strip();
      if (!RECOMMENDATIONS.contains(chosen)) {
        problems.add(new FieldProblem("recommendation", ONE_OF));
      }
    }
    long p = orElse(QueryNumbers.whole("page", page, 0, 1_000_000, problems), 0);
    long s = orElse(QueryNumbers.whole("size", size, 1, MAX_SIZE, problems), DEFAULT_SIZE);
    if (start != null && end != null && !start.isBefore(end)) {
      problems.add(new FieldProblem("to", "must be after from"));
    }
    if (!problems.isEmpty()) {
      throw InvalidRequestException.invalidFields(problems);
    }
    return new DecisionQuery(start, end, chosen, (int) p, (int) s);
  }

  private static Instant time(String field, String value, boolean end, List<FieldProblem> out) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      out.add(
          new FieldProblem(
              field, "must be a date (2026-12-01) or an instant in UTC (2026-12-01T09:00:00Z)"));
      return null;
    }
  }

  private static long orElse(Long value, long otherwise) {
    return value != null ? value : otherwise;
  }
}
