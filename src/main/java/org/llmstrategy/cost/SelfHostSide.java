package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.llmstrategy.facts.SelfHostSetup;

/**
 * What self-hosting costs at a volume, one way or the other: the setups' table (the article's
 * staircase; its upfront is the option costs' SELF_HOST row) or whole replicas of a sized setup
 * (its upfront is the GPUs bought). The cost answer, the months over a horizon and break-even all
 * read self-hosting through this one view.
 */
sealed interface SelfHostSide {
  /** What serves {@code volume}: its name, monthly bill, upfront and GPUs; null when none can. */
  Quote at(BigDecimal volume);

  /** The steps the volume ranges walk, their cost counted over {@code horizon} months. */
  List<SelfHostSetup> steps(BigDecimal horizon, boolean horizonGiven);

  /** Whether the upfront of the option costs' SELF_HOST row is this side's upfront. */
  boolean upfrontFromOptionCosts();

  /** A quote: {@code gpus} null when the setup does not say how many it runs. */
  record Quote(String setup, BigDecimal monthlyUsd, BigDecimal upfrontUsd, Long gpus) {}

  /** The setups' table: the smallest setup that serves a volume, or multiples of the last. */
  record Staircase(List<SelfHostSetup> setups, BigDecimal upfront) implements SelfHostSide {
    @Override
    public Quote at(BigDecimal volume) {
      if (volume.compareTo(BigDecimal.valueOf(CostCalculator.MAX_MONTHLY_TOKENS)) > 0) {
        volume = BigDecimal.valueOf(CostCalculator.MAX_MONTHLY_TOKENS);
      }
      CostCalculator.Quote q = CostCalculator.selfHostQuote(volume.longValue(), setups);
      return q == null ? null : new Quote(q.setup(), q.monthlyUsd(), upfront, q.gpus());
    }

    @Override
    public List<SelfHostSetup> steps(BigDecimal horizon, boolean horizonGiven) {
      return CostCalculator.scaled(setups, horizon);
    }

    @Override
    public boolean upfrontFromOptionCosts() {
      return true;
    }
  }

  /** Whole replicas of one sized setup. */
  record Sized(SelfHostSizing.Replica replica) implements SelfHostSide {
    @Override
    public Quote at(BigDecimal volume) {
      BigDecimal capacity = BigDecimal.valueOf(replica.capacityTokens());
      BigDecimal n = volume.divide(capacity, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
      String unit = replica.gpus() + " × " + replica.gpu();
      return new Quote(
          n.compareTo(BigDecimal.ONE) == 0 ? unit : n.toPlainString() + " × (" + unit + ")",
          replica.monthlyUsd().multiply(n),
          replica.upfrontUsd().multiply(n),
          n.multiply(BigDecimal.valueOf(replica.gpus())).longValue());
    }

    @Override
    public List<SelfHostSetup> steps(BigDecimal horizon, boolean horizonGiven) {
      return List.of(replica.asSetup(horizon, horizonGiven));
    }

    @Override
    public boolean upfrontFromOptionCosts() {
      return false;
    }
  }
}
