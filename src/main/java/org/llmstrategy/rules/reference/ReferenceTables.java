package org.llmstrategy.rules.reference;

import static org.llmstrategy.rules.table.ReferenceTable.Field.count;
import static org.llmstrategy.rules.table.ReferenceTable.Field.date;
import static org.llmstrategy.rules.table.ReferenceTable.Field.money;
import static org.llmstrategy.rules.table.ReferenceTable.Field.number;
import static org.llmstrategy.rules.table.ReferenceTable.Field.oneOf;
import static org.llmstrategy.rules.table.ReferenceTable.Field.text;
import static org.llmstrategy.rules.table.ReferenceTable.Field.yesNo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Gpu;
import org.llmstrategy.facts.Lever;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTerms;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.facts.ServingRate;
import org.llmstrategy.rules.table.ColumnType;
import org.llmstrategy.rules.table.ReferenceRow;
import org.llmstrategy.rules.table.ReferenceTable;
import org.llmstrategy.rules.table.ReferenceTable.Range;

/**
 * The reference tables a rules folder may hold, each by the key of its first column: {@code model}
 * (the model catalog, {@code models/}), {@code setup} (self-host setups), {@code option} (what an
 * option costs besides its monthly bill), {@code constant} (the constants workbook), {@code gpu}
 * (the GPU table), {@code serving} (how fast a setup of GPUs serves a model) and {@code lever}
 * (which request fields an organisation can change, settings/Levers.drl.xlsx). The keys are the
 * names the machinery row of each workbook gives its columns; an analyst sees the labels.
 */
public final class ReferenceTables {
  private ReferenceTables() {}

  public static final ReferenceTable<CatalogModel> MODELS =
      new ReferenceTable<>(
          "model catalog",
          List.of(
              text("model").asRequired(),
              text("provider"),
              count("contextWindowTokens", Range.atLeast(1)),
              oneOf("quality", Quality.class),
              text("speed"),
              money("inputUsdPerMillionTokens"),
              oneOf("license", License.class),
              date("retirementDate"),
              money("outputUsdPerMillionTokens"),
              money("cachedInputUsdPerMillionTokens"),
              number("batchDiscount", Range.between("0", "1")),
              number("parametersBillions", Range.atLeast(0)),
              text("priceSource"),
              date("pricesCheckedOn"),
              text("aliases"), // the import's: other names it finds the model by
              yesNo("fineTunable"),
              text("fineTuningSource")), // describes the cell beside it: not used in decisions
          ReferenceTables::model);

  public static final ReferenceTable<SelfHostSetup> SETUPS =
      new ReferenceTable<>(
          "self-host setups",
          List.of(
              text("setup").asRequired(),
              count("capacityTokens", Range.atLeast(1)).asRequired(),
              money("monthlyUsd").asRequired(),
              yesNo("repeatable"),
              number("maxParametersBillions", Range.atLeast(0)),
              text("source"), // describes the row: not used in the arithmetic
              date("checkedOn"),
              count("gpus", Range.atLeast(1))), // labour grows with the fleet
          ReferenceTables::setup);

  public static final ReferenceTable<Gpu> GPUS =
      new ReferenceTable<>(
          "GPUs",
          List.of(
              text("gpu").asRequired(),
              number("memoryGb", Range.atLeast(1)),
              count("watts", Range.atLeast(1)),
              money("rentUsdPerHour"),
              money("purchaseUsd"),
              text("source"),
              date("checkedOn")),
          ReferenceTables::gpu);

  public static final ReferenceTable<ServingRate> SERVING =
      new ReferenceTable<>(
          "serving rates",
          List.of(
              text("serving").asRequired(),
              text("model").asRequired(),
              text("gpu").asRequired(),
              count("gpus", Range.atLeast(1)).asRequired(),
              number("tokensPerSecond", Range.between("0.001", "100000000")).asRequired(),
              text("precision"),
              text("conditions"),
              text("source"),
              date("checkedOn")),
          ReferenceTables::serving);

  public static final ReferenceTable<OptionTerms> OPTION_TERMS =
      new ReferenceTable<>(
          "option costs",
          List.of(
              oneOf("option", Option.class).asRequired(),
              money("upfrontUsd"),
              count("engineers", Range.atLeast(0)),
              number("tunedPriceMultiplier", Range.atLeast(0)),
              number("trainingRunsPerMonth", Range.atLeast(0)),
              count("trainingTokensPerExample", Range.atLeast(1)),
              count("epochsPerRun", Range.atLeast(1)),
              money("trainingUsdPerMillionTokens"),
              text("source"),
              date("checkedOn")),
          ReferenceTables::terms);

  /** One constant and its value, checked against the constant's own range. */
  record ConstantValue(Constant constant, BigDecimal value) {}

  public static final ReferenceTable<ConstantValue> CONSTANTS =
      new ReferenceTable<>(
          "constants",
          List.of(
              oneOf("constant", Constant.class).asRequired(),
              number("value", Range.ANY).asRequired(),
              text("source")),
          ReferenceTables::constant);

  /**
   * The levers: for each request field what it would take may change, whether an organisation can
   * move it and which way helps it (MORE, LESS, NOT_A_LEVER), and why.
   */
  public static final ReferenceTable<Lever> LEVERS =
      new ReferenceTable<>(
          "levers",
          List.of(
              new ReferenceTable.Field(
                  "lever", ColumnType.oneOf(Lever.FIELDS), ReferenceTable.Range.ANY, true),
              oneOf("improves", Lever.Improves.class).asRequired(),
              text("source").asRequired()),
          r ->
              new Lever(
                  r.text("lever"), r.oneOf("improves", Lever.Improves.class), r.text("source")));

  /** The tables by the key of their first column. */
  static final Map<String, ReferenceTable<?>> BY_FIRST_KEY =
      Stream.of(MODELS, SETUPS, OPTION_TERMS, CONSTANTS, GPUS, SERVING, LEVERS)
          .collect(Collectors.toMap(ReferenceTable::firstKey, Function.identity()));

  /**
   * The values a one-of column of a reference table takes (what its dropdown offers), found by the
   * table's first key and the column's key; empty for any other column.
   */
  public static List<String> oneOfValues(String firstKey, String key) {
    ReferenceTable<?> table = BY_FIRST_KEY.get(firstKey);
    ReferenceTable.Field field = table == null ? null : table.field(key);
    return field == null ? List.of() : field.type().values();
  }

  private static CatalogModel model(ReferenceRow r) {
    return new CatalogModel(
        r.text("model"),
        r.text("provider"),
        r.count("contextWindowTokens"), // an empty cell is unknown (null), never 0
        r.oneOf("quality", Quality.class),
        r.text("speed"),
        r.decimal("inputUsdPerMillionTokens"),
        r.oneOf("license", License.class),
        r.date("retirementDate"),
        r.decimal("outputUsdPerMillionTokens"),
        r.decimal("cachedInputUsdPerMillionTokens"),
        r.decimal("batchDiscount"),
        r.decimal("parametersBillions"),
        r.yesNo("fineTunable"),
        r.text("priceSource"),
        r.date("pricesCheckedOn"));
  }

  private static SelfHostSetup setup(ReferenceRow r) {
    return new SelfHostSetup(
        r.text("setup"),
        r.count("capacityTokens"),
        r.decimal("monthlyUsd"),
        Boolean.TRUE.equals(r.yesNo("repeatable")),
        r.decimal("maxParametersBillions"),
        r.count("gpus"));
  }

  private static Gpu gpu(ReferenceRow r) {
    return new Gpu(
        r.text("gpu"),
        r.decimal("memoryGb"),
        r.count("watts"),
        r.decimal("rentUsdPerHour"),
        r.decimal("purchaseUsd"),
        r.text("source"),
        r.date("checkedOn"));
  }

  private static ServingRate serving(ReferenceRow r) {
    return new ServingRate(
        r.text("serving"),
        r.text("model"),
        r.text("gpu"),
        Math.toIntExact(r.count("gpus")),
        r.decimal("tokensPerSecond"),
        r.text("precision"),
        r.text("conditions"),
        r.text("source"),
        r.date("checkedOn"));
  }

  private static OptionTerms terms(ReferenceRow r) {
    Long engineers = r.count("engineers");
    Long epochs = r.count("epochsPerRun");
    return new OptionTerms(
        r.oneOf("option", Option.class),
        r.decimal("upfrontUsd"),
        engineers == null ? null : Math.toIntExact(engineers),
        r.decimal("tunedPriceMultiplier"),
        r.decimal("trainingRunsPerMonth"),
        r.count("trainingTokensPerExample"),
        epochs == null ? null : Math.toIntExact(epochs),
        r.decimal("trainingUsdPerMillionTokens"),
        r.text("source"),
        r.date("checkedOn"));
  }

  private static ConstantValue constant(ReferenceRow r) {
    Constant c = r.oneOf("constant", Constant.class);
    BigDecimal value = r.decimal("value");
    if (c.whole && value.stripTrailingZeros().scale() > 0) {
      throw r.refuse(
          "value",
          "\"" + value.toPlainString() + "\" is not a whole number: " + c.name() + " counts");
    }
    String out = c.range.refusal(value);
    if (out != null) {
      throw r.refuse("value", "\"" + value.toPlainString() + "\" " + out);
    }
    if (c.whole && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw r.refuse("value", "\"" + value.toPlainString() + "\" is too large for " + c.name());
    }
    return new ConstantValue(c, value);
  }
}
