package org.llmstrategy.bench;

import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Tier;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.recommend.request.CriteriaParser;
import org.llmstrategy.rules.run.RuleSet;

/**
 * The rotating set of request bodies in {@code bench/requests/}, shared with the wrk script. Each
 * file name starts with the option that must win ({@code api}, {@code finetune}, {@code selfhost},
 * or {@code infeasible}) and names the usage tier, so a benchmark can check that the set really
 * covers every option, the conflicts and all five tiers before it measures anything.
 */
public final class BenchRequests {
  /** The day every benchmark decision is taken on: the day the benchmark starts. */
  public static final java.time.LocalDate TODAY = java.time.LocalDate.now();

  public static final Path DIR = Path.of("bench", "requests");

  /** One request body, read exactly as POST /recommend reads it. */
  /**
   * The offline runs every benchmark decides on: workers that live through the measurement (a
   * thread made per decision would be measured too, and would take its counts with it).
   */
  public static final org.llmstrategy.rules.run.OfflineRuns RUNS =
      new org.llmstrategy.rules.run.OfflineRuns();

  public record Request(String name, Criteria criteria, Option expected, Tier tier) {}

  private BenchRequests() {}

  public static List<Request> all() {
    List<Request> requests = new ArrayList<>();
    try (var factory = Validation.buildDefaultValidatorFactory();
        Stream<Path> files = Files.list(DIR)) {
      CriteriaParser parser = new CriteriaParser(factory.getValidator());
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".json", "");
        requests.add(
            new Request(name, parser.parse(Files.readAllBytes(f)), expected(name), tier(name)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Run from the repository root: cannot read " + DIR, e);
    }
    return requests;
  }

  private static Option expected(String name) {
    String first = name.substring(0, name.indexOf('-'));
    return switch (first) {
      case "api" -> Option.API;
      case "finetune" -> Option.FINE_TUNE;
      case "selfhost" -> Option.SELF_HOST;
      case "infeasible" -> null;
      default -> throw new IllegalArgumentException(name + ": unknown expected option " + first);
    };
  }

  private static Tier tier(String name) {
    for (Tier t : Tier.values()) {
      if (name.contains("-" + t.name().toLowerCase(Locale.ROOT).replace("_", "") + "-")) {
        return t;
      }
    }
    throw new IllegalArgumentException(name + ": names no tier");
  }

  /**
   * Fails unless every request decides as its name says with these rules, and the set covers every
   * option winning, nothing feasible, every tier, and requests with and without tokensPerTask.
   */
  public static void verify(RuleSet rules, List<Request> requests) {
    for (Request r : requests) {
      Recommendation answer =
          Recommender.recommend(BenchRequests.RUNS, rules, r.criteria(), false, TODAY);
      if (answer.deployment().recommendation() != r.expected()
          || answer.cost() == null
          || answer.cost().tier() != r.tier()
          || (r.expected() == null) == answer.deployment().conflicts().isEmpty()) {
        throw new IllegalStateException(
            r.name()
                + ": expected "
                + r.expected()
                + " at "
                + r.tier()
                + ", got "
                + answer.deployment().recommendation()
                + " at "
                + (answer.cost() == null ? null : answer.cost().tier()));
      }
    }
    for (Option o : Option.values()) {
      require(
          requests.stream().anyMatch(r -> r.expected() == o), "no request where " + o + " wins");
    }
    require(requests.stream().anyMatch(r -> r.expected() == null), "no infeasible request");
    for (Tier t : Tier.values()) {
      require(requests.stream().anyMatch(r -> r.tier() == t), "no request in tier " + t);
    }
    require(
        requests.stream().anyMatch(r -> r.criteria().tokensPerTask() != null)
            && requests.stream().anyMatch(r -> r.criteria().tokensPerTask() == null),
        "needs requests with and without tokensPerTask");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /**
   * Processor time used so far by every live thread of this JVM. A decision runs on the rule
   * engine's workers, not on the thread that asks for it (issue 22), so the asking thread's own CPU
   * time holds only the hand-over: timed that way, a decision looked like a few microseconds. The
   * workers live as long as the JVM, so their time is counted here; the test runner's other threads
   * are idle while a benchmark runs.
   */
  static long cpuNanosOfAllThreads() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long t : threads.getAllThreadIds()) {
      total += Math.max(threads.getThreadCpuTime(t), 0); // -1: ended between the two calls
    }
    return total;
  }
}
