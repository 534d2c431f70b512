package org.llmstrategy.facts;

import java.util.Locale;
import java.util.Map;

/**
 * The values of the request and the answer as a sentence writes them, the one place that does it
 * (rules and Java alike): a board reads "self-hosting", "very high", "confidential data", not
 * {@code SELF_HOST}, {@code VERY_HIGH}, {@code CONFIDENTIAL}. The answer's fields keep the
 * constants (clients depend on them); only the words change. A constant without words of its own is
 * written in lower case, its underscores as spaces.
 */
public final class Words {
  private static final Map<Enum<?>, String> WORDS =
      Map.ofEntries(
          Map.entry(Option.API, "the API"),
          Map.entry(Option.FINE_TUNE, "fine-tuning"),
          Map.entry(Option.SELF_HOST, "self-hosting"),
          Map.entry(Quality.MEDIUM_HIGH, "medium-high"),
          Map.entry(Customization.PROMPT_ONLY, "prompting only"),
          Map.entry(TaskType.FACTUAL_QA, "factual Q&A"),
          Map.entry(TaskType.STYLE_FORMAT, "style and format"),
          Map.entry(TaskType.DOMAIN_EXPERT, "domain expertise"),
          Map.entry(KnowledgeUpdates.REAL_TIME, "real-time"),
          Map.entry(KnowledgeStrategy.RAG, "retrieval (RAG)"),
          Map.entry(KnowledgeStrategy.RAG_AND_FINE_TUNING, "retrieval and fine-tuning"),
          Map.entry(License.OPEN_WEIGHT, "open-weight"));

  private Words() {}

  /** The value in words, e.g. {@code fine-tuning}, {@code very high}; null as "none". */
  public static String of(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof Enum<?> e) {
      String words = WORDS.get(e);
      return words != null ? words : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    return value.toString();
  }

  /** As {@link #of}, starting a sentence: {@code Fine-tuning}, {@code The API}. */
  public static String capital(Object value) {
    String words = of(value);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
