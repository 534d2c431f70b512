package org.llmstrategy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answers with {@code ?explain=flips} (the whole answer, rulesVersion aside) of the
 * bench request bodies and of seeded random situations, one JSON line each, so a change meant to
 * make flips and whatItWouldTake cheaper can be checked to leave them byte for byte as they were:
 * run it before and after, then {@code diff}. Arguments: {@code outputFile randomSituations}.
 */
public final class FlipsAnswers {
  private FlipsAnswers() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/flips-answers.jsonl");
    int random = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path dir = Path.of("rules");
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    List<String> names = new ArrayList<>();
    List<Criteria> situations = new ArrayList<>();
    for (var r : BenchRequests.all()) {
      names.add(r.name());
      situations.add(r.criteria());
    }
    Random seeded = new Random(21L);
    for (int i = 0; i < random; i++) {
      names.add("random-" + i);
      situations.add(random(seeded));
    }
    JsonMapper json = JsonMapper.shared();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < situations.size(); i++) {
      var answer = Recommender.recommend(rules, situations.get(i), true, BenchRequests.TODAY);
      var tree = (tools.jackson.databind.node.ObjectNode) json.valueToTree(answer);
      tree.remove("rulesVersion");
      lines.add(names.get(i) + "\t" + json.writeValueAsString(tree));
    }
    try {
      Files.write(out, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(lines.size() + " answers written to " + out);
  }

  /** A situation drawn over the inputs flips and whatItWouldTake vary. */
  static Criteria random(Random r) {
    return Criteria.defaults()
        .with("dataSensitivity", pick(r, DataSensitivity.values()))
        .with(
            "monthlyTokens",
            pick(r, new Long[] {1_000_000L, 500_000_000L, 5_000_000_000L, 50_000_000_000L}))
        .with("timeToProduction", pick(r, TimeToProduction.values()))
        .with(
            "upfrontBudgetUsd",
            pick(
                r,
                new BigDecimal[] {
                  BigDecimal.ZERO, new BigDecimal("60000"), new BigDecimal("1000000")
                }))
        .with("mlEngineers", r.nextInt(4))
        .with("infraEngineers", r.nextInt(4))
        .with("latencyBudgetMs", pick(r, new Integer[] {null, 50, 300, 2000}))
        .with("customization", pick(r, Customization.values()))
        .with("taskType", pick(r, TaskType.values()))
        .with("labeledExamples", pick(r, new Integer[] {null, 0, 3000}))
        .with("ragMeetsQualityBar", pick(r, new Boolean[] {null, true, false}))
        .with("horizonMonths", pick(r, new Integer[] {null, 12, 36}));
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
