package org.llmstrategy.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The blocked options of an answer in words, for {@code WinnerExplained.drl}: the rules choose when
 * to say it and the sentence around it; this lists the blockers, which a rule cannot do itself (a
 * consequence or DRL function may not loop: the sandbox refuses a backward jump).
 *
 * <p>The text does not depend on the order the rows fired in (rows never depend on their order, so
 * sorting a table must not reword an answer): the options in their own order (API, FINE_TUNE,
 * SELF_HOST, as the tie-break and the answer list them), each named in words ({@link Words}), each
 * option's blockers by their text (alphabetically; capitals do not count, and the text itself
 * settles a tie).
 */
public final class BlockedOptions {
  private BlockedOptions() {}

  /**
   * {@code the API (reason; reason); self-hosting (reason)} for these {@link Blocker} facts (a
   * rule's {@code collect} list, untyped in DRL).
   */
  public static String of(Collection<?> blockers) {
    Map<Option, List<String>> byOption = new EnumMap<>(Option.class);
    for (Object o : blockers) {
      Blocker b = (Blocker) o;
      byOption.computeIfAbsent(b.option(), k -> new ArrayList<>()).add(b.because());
    }
    return byOption.entrySet().stream()
        .map(e -> Words.of(e.getKey()) + " (" + String.join("; ", sorted(e.getValue())) + ")")
        .collect(Collectors.joining("; "));
  }

  /** A total order first, then the stable reading order (capitals do not count). */
  private static List<String> sorted(List<String> reasons) {
    List<String> sorted = new ArrayList<>(reasons);
    sorted.sort(null);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    return sorted;
  }
}
