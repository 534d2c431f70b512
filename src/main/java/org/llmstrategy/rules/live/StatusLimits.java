package org.llmstrategy.rules.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What GET /rules lists, bounded whatever the folder holds: a file's first problems and the count
 * of the rest, a bounded number of lines overall, each of a bounded length. A 73 KB workbook can
 * hold some 90,000 mistakes (30 MB of answer, on a public endpoint, at every poll of a dashboard);
 * the analyst fixes the first ones and the rest are counted, never dropped without a word. With
 * these bounds the answer stays well under 1 MB: at most {@link #PROBLEMS} + {@link
 * #FAILING_SCENARIOS} located problems and {@link #IMPACT} lines, each under {@link #TEXT}
 * characters twice (message and location), and the file list of at most 500 files.
 */
final class StatusLimits {
  /** Problems listed for one file: an analyst fixes the first and saves again. */
  static final int PROBLEMS_PER_FILE = 20;

  /** Problems listed in all (500 files may each have some). */
  static final int PROBLEMS = 200;

  static final int FAILING_SCENARIOS = 50;

  static final int IMPACT = 100;

  /** Characters of a message, a location or a line (a cell may quote 32,767 characters). */
  static final int TEXT = 500;

  private StatusLimits() {}

  /** Problems as listed, and how many more each file has. */
  record Listed(List<RulesStatus.Problem> listed, List<RulesStatus.FileCount> more) {}

  /**
   * The first {@link #PROBLEMS_PER_FILE} problems of each file, at most {@link #PROBLEMS} in all,
   * in the order found; the rest counted by file, added to what was counted already.
   */
  static Listed problems(List<RulesStatus.Problem> problems, List<RulesStatus.FileCount> counted) {
    Map<String, Long> more = new LinkedHashMap<>();
    for (RulesStatus.FileCount c : counted) {
      more.merge(c.file(), c.count(), Long::sum);
    }
    Map<String, Integer> perFile = new HashMap<>();
    List<RulesStatus.Problem> listed = new ArrayList<>();
    for (RulesStatus.Problem p : problems) {
      int ofFile = perFile.merge(String.valueOf(p.file()), 1, Integer::sum);
      if (ofFile <= PROBLEMS_PER_FILE && listed.size() < PROBLEMS) {
        listed.add(p);
      } else {
        more.merge(String.valueOf(p.file()), 1L, Long::sum);
      }
    }
    List<RulesStatus.FileCount> moreByFile = new ArrayList<>();
    more.forEach((file, n) -> moreByFile.add(new RulesStatus.FileCount(file, n)));
    return new Listed(List.copyOf(listed), List.copyOf(moreByFile));
  }

  /** At most {@code max} of {@code items}. */
  static <T> List<T> first(List<T> items, int max) {
    return items.size() <= max ? List.copyOf(items) : List.copyOf(items.subList(0, max));
  }

  /** Text cut to {@link #TEXT} characters, saying so. */
  static String text(String s) {
    if (s == null || s.length() <= TEXT) {
      return s;
    }
    int end = TEXT;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never half a character
    }
    return s.substring(0, end) + "… (" + (s.length() - end) + " more characters)";
  }

  /**
   * Where the rules come from, as a public answer shows it: a folder by its name, not by where it
   * sits on the server ({@code /srv/app/rules} shows as {@code rules}); anything else (a
   * repository, the embedded copy) as it is.
   */
  static String origin(String origin) {
    if (origin == null || origin.contains(":")) {
      return origin;
    }
    try {
      Path p = Path.of(origin);
      return p.isAbsolute() && p.getFileName() != null ? p.getFileName().toString() : origin;
    } catch (RuntimeException notAPath) {
      return origin;
    }
  }
}
