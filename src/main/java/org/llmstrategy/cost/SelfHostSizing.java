package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Gpu;
import org.llmstrategy.facts.Hardware;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.facts.SelfHostDefaults;
import org.llmstrategy.facts.SelfHostInputs;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.facts.ServingRate;

/**
 * Self-hosting sized as a model, not a staircase: a replica is the fewest GPUs that hold the model
 * (a serving row, or the request's own count), it serves tokens/s × 3,600 × serving hours ×
 * utilisation a month, and a volume is served by whole replicas. Rented GPUs are paid for every
 * reserved hour, busy or not (plus the share the bill runs above the rent); bought GPUs are paid
 * upfront and then for their electricity. Every figure comes from the request's {@code selfHost},
 * else from the serving and GPU tables, else from the self-host constants; {@link Replica#sources}
 * says which.
 *
 * <p>Only when the request sends {@code selfHost}: without it, self-hosting is the setups' table
 * (the article's staircase for a 70B model), as before.
 */
public final class SelfHostSizing {
  private static final BigDecimal SECONDS_AN_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal WATTS_A_KILOWATT = BigDecimal.valueOf(1000);

  private SelfHostSizing() {}

  /**
   * One replica: {@code gpus} GPUs of one type serving one model, what it serves a month and what
   * it costs upfront and a month.
   */
  public record Replica(
      String model,
      String gpu,
      Hardware hardware,
      int gpus,
      long capacityTokens,
      BigDecimal upfrontUsd,
      BigDecimal monthlyUsd,
      List<String> sources) {
    public Replica {
      sources = List.copyOf(sources);
    }

    /**
     * Whole replicas for {@code volume}, at least one (a setup is there before its first token).
     */
    public long replicasFor(long volume) {
      if (volume <= capacityTokens) {
        return 1;
      }
      return volume / capacityTokens + (volume % capacityTokens == 0 ? 0 : 1);
    }

    /**
     * The replica as a setup the break-even arithmetic walks: bought in whole multiples; with a
     * horizon, each replica's upfront counts once against {@code horizon} months of its bill.
     */
    SelfHostSetup asSetup(BigDecimal horizon, boolean countUpfront) {
      BigDecimal cost = monthlyUsd.multiply(horizon);
      if (countUpfront) {
        cost = cost.add(upfrontUsd);
      }
      return new SelfHostSetup(gpus + " × " + gpu, capacityTokens, cost, true, null, (long) gpus);
    }
  }

  /**
   * The cheapest replica that serves one of {@code eligible} (the open models that may price
   * self-hosting, as the rules chose them: the request's {@code selfHost.model} when it names one
   * that meets the filters, else those meeting them) on its GPU (or each GPU the serving table has
   * for it), at the submitted volume over the horizon (one month without one); null when none can
   * be priced. Null {@code eligible}: the request's model alone (tools and tests).
   */
  public static Replica cheapest(
      Criteria criteria, ReferenceData data, List<CatalogModel> eligible) {
    SelfHostInputs in = criteria.selfHost();
    List<String> models =
        eligible != null
            ? eligible.stream().map(CatalogModel::name).toList()
            : in.model() != null ? List.of(in.model()) : List.of();
    BigDecimal months = BigDecimal.valueOf(Objects.requireNonNullElse(criteria.horizonMonths(), 1));
    List<Replica> offers = new ArrayList<>();
    for (String model : models) {
      offers.addAll(offers(in, data, model));
    }
    long volume = criteria.monthlyTokens();
    return offers.stream()
        .min(
            Comparator.comparing(
                    (Replica r) -> {
                      BigDecimal n = BigDecimal.valueOf(r.replicasFor(volume));
                      return r.upfrontUsd().add(r.monthlyUsd().multiply(months)).multiply(n);
                    })
                .thenComparing(Replica::model)
                .thenComparing(Replica::gpu))
        .orElse(null);
  }

  /** Every replica the request and the tables allow for one model. */
  static List<Replica> offers(SelfHostInputs in, ReferenceData data, String model) {
    List<Replica> offers = new ArrayList<>();
    List<ServingRate> rates =
        data.servingRates().stream()
            .filter(r -> r.model().equalsIgnoreCase(model))
            .filter(r -> in.gpu() == null || r.gpu().equalsIgnoreCase(in.gpu()))
            .toList();
    for (ServingRate rate : rates) {
      Replica r = replica(in, data, model, data.gpu(rate.gpu()), rate);
      if (r != null) {
        offers.add(r);
      }
    }
    if (rates.isEmpty() && in.gpu() != null && in.tokensPerSecond() != null) {
      // the client's own throughput for a GPU the serving table has no row for
      Replica r = replica(in, data, model, data.gpu(in.gpu()), null);
      if (r != null) {
        offers.add(r);
      }
    }
    return offers;
  }

  private static Replica replica(
      SelfHostInputs in, ReferenceData data, String model, Gpu gpu, ServingRate rate) {
    SelfHostDefaults d = data.selfHostDefaults();
    List<String> sources = new ArrayList<>();
    String gpuName = gpu != null ? gpu.name() : in.gpu() != null ? in.gpu() : rate.gpu();
    int gpus;
    if (in.gpuCount() != null) {
      gpus = in.gpuCount();
      sources.add("GPUs in a replica: the request (" + gpus + ")");
    } else if (rate != null) {
      gpus = rate.gpus();
      sources.add(
          "GPUs in a replica: the fewest that hold the model, " + rate.name() + " (" + gpus + ")");
    } else {
      return null;
    }
    BigDecimal tokensPerSecond;
    if (in.tokensPerSecond() != null) {
      tokensPerSecond = in.tokensPerSecond();
      sources.add("tokens/s: the request (" + tokensPerSecond.toPlainString() + ")");
    } else {
      // a count other than the row's scales its throughput in proportion
      tokensPerSecond =
          rate.tokensPerSecond()
              .multiply(BigDecimal.valueOf(gpus))
              .divide(BigDecimal.valueOf(rate.gpus()), 6, RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
      sources.add(
          "tokens/s: "
              + rate.name()
              + " ("
              + rate.tokensPerSecond().toPlainString()
              + " for "
              + rate.gpus()
              + " GPU"
              + (rate.gpus() == 1 ? "" : "s")
              + (rate.conditions() == null ? "" : ", " + rate.conditions())
              + "; "
              + rate.source()
              + ")");
    }
    BigDecimal hours =
        figure(in.servingHoursPerMonth(), d == null ? null : d.servingHoursPerMonth());
    BigDecimal utilisation = figure(in.utilisation(), d == null ? null : d.utilisation());
    if (hours == null || utilisation == null) {
      return null;
    }
    sources.add(said("serving hours a month", in.servingHoursPerMonth(), hours));
    sources.add(said("utilisation", in.utilisation(), utilisation));
    long capacity =
        tokensPerSecond
            .multiply(SECONDS_AN_HOUR)
            .multiply(hours)
            .multiply(utilisation)
            .setScale(0, RoundingMode.FLOOR)
            .longValueExact();
    if (capacity < 1) {
      return null;
    }
    Hardware hardware = Objects.requireNonNullElse(in.hardware(), Hardware.RENT);
    BigDecimal count = BigDecimal.valueOf(gpus);
    BigDecimal upfront;
    BigDecimal monthly;
    if (hardware == Hardware.RENT) {
      BigDecimal hourly = figure(in.gpuHourlyUsd(), gpu == null ? null : gpu.rentUsdPerHour());
      BigDecimal above = d == null ? BigDecimal.ZERO : d.rentedBillAboveGpuRent();
      if (hourly == null) {
        return null;
      }
      sources.add(
          in.gpuHourlyUsd() != null
              ? "GPU-hour: the request ($" + hourly.toPlainString() + ")"
              : "GPU-hour: "
                  + gpu.name()
                  + " in the GPU table ($"
                  + hourly.toPlainString()
                  + "; "
                  + gpu.source()
                  + ")");
      if (above.signum() > 0) {
        sources.add(
            "the bill runs "
                + above.movePointRight(2).stripTrailingZeros().toPlainString()
                + " % above the GPU rent (RENTED_BILL_ABOVE_GPU_RENT)");
      }
      upfront = BigDecimal.ZERO;
      monthly = count.multiply(hourly).multiply(hours).multiply(BigDecimal.ONE.add(above));
    } else {
      BigDecimal price = figure(in.gpuPriceUsd(), gpu == null ? null : gpu.purchaseUsd());
      BigDecimal watts =
          figure(
              in.gpuWatts() == null ? null : BigDecimal.valueOf(in.gpuWatts()),
              gpu == null || gpu.watts() == null ? null : BigDecimal.valueOf(gpu.watts()));
      BigDecimal kwh =
          figure(in.electricityUsdPerKwh(), d == null ? null : d.electricityUsdPerKwh());
      if (price == null || watts == null || kwh == null) {
        return null;
      }
      sources.add(
          in.gpuPriceUsd() != null
              ? "GPU price: the request ($" + price.toPlainString() + ")"
              : "GPU price: "
                  + gpu.name()
                  + " in the GPU table ($"
                  + price.toPlainString()
                  + "; "
                  + gpu.source()
                  + ")");
      sources.add(
          in.gpuWatts() != null
              ? "power: the request (" + watts.toPlainString() + " W)"
              : "power: " + gpu.name() + " in the GPU table (" + watts.toPlainString() + " W)");
      sources.add(said("electricity, USD per kWh", in.electricityUsdPerKwh(), kwh));
      upfront = count.multiply(price);
      monthly = count.multiply(watts).divide(WATTS_A_KILOWATT).multiply(hours).multiply(kwh);
    }
    return new Replica(
        model, gpuName, hardware, gpus, capacity, CostCalculator.money(upfront), monthly, sources);
  }

  private static BigDecimal figure(BigDecimal sent, BigDecimal fallback) {
    return sent != null ? sent : fallback;
  }

  private static String said(String what, BigDecimal sent, BigDecimal used) {
    return what
        + ": "
        + (sent != null ? "the request" : "the self-host constants")
        + " ("
        + used.stripTrailingZeros().toPlainString()
        + ")";
  }
}
