package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.problems.QueryNumbers;

/**
 * The filters and the page of {@code GET /models}, read from the query string; every bad parameter
 * is named at once. An unknown quality meets no minimum and an unknown context window none.
 */
record ModelQuery(
    String provider,
    License license,
    Quality minQuality,
    Long minContextWindowTokens,
    String q,
    int page,
    int size) {
  /** A page is bounded, so a catalog of thousands of models is never sent whole by default. */
  static final int DEFAULT_SIZE = 50;

  static final int MAX_SIZE = 500;
  private static final int MAX_TEXT = 200;

  static ModelQuery of(
      String provider,
      String license,
      String minQuality,
      String minContextWindowTokens,
      String q,
      String page,
      String size) {
    List<FieldProblem> problems = new ArrayList<>();
    ModelQuery query =
        new ModelQuery(
            text("provider", provider, problems),
            oneOf("license", license, License.class, problems),
            oneOf("minQuality", minQuality, Quality.class, problems),
            QueryNumbers.whole(
                "minContextWindowTokens", minContextWindowTokens, 0, Long.MAX_VALUE, problems),
            text("q", q, problems),
            (int) (long) orElse(QueryNumbers.whole("page", page, 0, 1_000_000, problems), 0L),
            (int)
                (long)
                    orElse(
                        QueryNumbers.whole("size", size, 1, MAX_SIZE, problems),
                        (long) DEFAULT_SIZE));
    if (!problems.isEmpty()) {
      throw InvalidRequestException.invalidFields(problems);
    }
    return query;
  }

  boolean matches(CatalogModel m) {
    return (provider == null || provider.equalsIgnoreCase(m.provider()))
        && (license == null || license == m.license())
        && (minQuality == null
            || m.quality() != null && m.quality().ordinal() >= minQuality.ordinal())
        && m.holdsContextOf(minContextWindowTokens)
        && (q == null || m.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)));
  }

  /** The page of the matching models, in the catalog's order. */
  ModelPage apply(List<CatalogModel> catalog) {
    List<CatalogModel> matching = catalog.stream().filter(this::matches).toList();
    long from = Math.min((long) page * size, matching.size());
    long to = Math.min(from + size, matching.size());
    return new ModelPage(
        matching.subList((int) from, (int) to).stream().map(ModelView::of).toList(),
        page,
        size,
        matching.size());
  }

  private static <T> T orElse(T value, T otherwise) {
    return value == null ? otherwise : value;
  }

  private static String text(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
      return null;
    }
    return value.strip();
  }

  private static <E extends Enum<E>> E oneOf(
      String field, String value, Class<E> type, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip())) {
        return e;
      }
    }
    List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    problems.add(new FieldProblem(field, "must be one of " + String.join(", ", names)));
    return null;
  }
}
