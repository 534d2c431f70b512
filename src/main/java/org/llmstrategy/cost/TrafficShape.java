package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.util.Objects;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;

/**
 * The request's traffic shape: the share of tokens that are output, the share of (non-batch) input
 * that hits the prompt cache, the share of all tokens sent through a batch API. All 0 (the
 * article's arithmetic: every token at the input price) unless the request says otherwise.
 */
public record TrafficShape(BigDecimal outputShare, BigDecimal cachedShare, BigDecimal batchShare) {
  public static final TrafficShape ARTICLE =
      new TrafficShape(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  public static TrafficShape of(Criteria c) {
    return new TrafficShape(
        Objects.requireNonNullElse(c.outputTokenShare(), BigDecimal.ZERO),
        Objects.requireNonNullElse(c.cachedInputShare(), BigDecimal.ZERO),
        Objects.requireNonNullElse(c.batchShare(), BigDecimal.ZERO));
  }

  /**
   * Whether the catalog knows every price this traffic needs of the model: an input price, and an
   * output price when part of the traffic is output.
   */
  public boolean prices(CatalogModel m) {
    return m.inputUsdPerMillionTokens() != null
        && (outputShare.signum() == 0 || m.outputUsdPerMillionTokens() != null);
  }

  /** As {@link #prices(CatalogModel)}, for the request's traffic (what the rules ask). */
  public static boolean prices(Criteria c, CatalogModel m) {
    return m.inputUsdPerMillionTokens() != null
        && (c.outputTokenShare() == null
            || c.outputTokenShare().signum() == 0
            || m.outputUsdPerMillionTokens() != null);
  }

  boolean isArticle() {
    return outputShare.signum() == 0 && cachedShare.signum() == 0 && batchShare.signum() == 0;
  }

  /**
   * The model's price per million tokens of this traffic, exactly: of T tokens, O = T·output are
   * output and I = T − O input; the batch share b of both is billed at (1 − batchDiscount) × the
   * normal prices; of the other (1 − b)·I input, the cached share at the cached price and the rest
   * at the input price; the other (1 − b)·O at the output price. A missing cached price is the
   * input price and a missing batch discount none (both can only overstate the bill); a missing
   * output price is unknown, never assumed: a model without one cannot be priced for output tokens
   * (issue 24: at its input price it ranked cheapest). Linear in T, so break-even stays a line
   * against the self-host staircase. Null when the model has no input price, or no output price
   * while this traffic has output.
   */
  public BigDecimal usdPerMillion(CatalogModel m) {
    BigDecimal in = m.inputUsdPerMillionTokens();
    if (in == null || isArticle()) {
      return in;
    }
    if (!prices(m)) {
      return null;
    }
    BigDecimal out = Objects.requireNonNullElse(m.outputUsdPerMillionTokens(), in);
    BigDecimal cached = Objects.requireNonNullElse(m.cachedInputUsdPerMillionTokens(), in);
    BigDecimal batchFactor =
        BigDecimal.ONE.subtract(Objects.requireNonNullElse(m.batchDiscount(), BigDecimal.ZERO));
    BigDecimal inputShare = BigDecimal.ONE.subtract(outputShare);
    BigDecimal online = BigDecimal.ONE.subtract(batchShare);
    BigDecimal onlineInput =
        cached.multiply(cachedShare).add(in.multiply(BigDecimal.ONE.subtract(cachedShare)));
    BigDecimal input =
        batchShare.multiply(batchFactor).multiply(in).add(online.multiply(onlineInput));
    BigDecimal output = batchShare.multiply(batchFactor).multiply(out).add(online.multiply(out));
    return inputShare.multiply(input).add(outputShare.multiply(output)).stripTrailingZeros();
  }
}
