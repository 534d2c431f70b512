package org.llmstrategy.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A column of the catalog workbook the import reads or writes, found by its label without the
 * {@code [type]} and any {@code (explanation)}, capitals aside: "Input USD per 1M tokens (empty:
 * infra cost only) [money]" is the column "input usd per 1m tokens". A column the target lacks is
 * added with this label and template (agreed in the catalog's layout).
 */
enum CatalogColumn {
  MODEL("Model [text, unique]", null),
  PROVIDER("Provider [text]", "$model.provider(\"$param\");"),
  CONTEXT_WINDOW("Context window (tokens) [count]", "$model.contextWindowTokens($paramL);"),
  INPUT(
      "Input USD per 1M tokens (empty: infra cost only) [money]",
      "$model.inputUsdPerMillionTokens(\"$param\");"),
  RETIREMENT("Retirement date (YYYY-MM-DD) [date]", "$model.retirementDate(\"$param\");"),
  OUTPUT("Output USD per 1M tokens [money]", "$model.outputUsdPerMillionTokens(\"$param\");"),
  CACHED_INPUT(
      "Cached input USD per 1M tokens [money]",
      "$model.cachedInputUsdPerMillionTokens(\"$param\");"),
  BATCH_DISCOUNT(
      "Batch discount (fraction of the price, 0-1) [number]", "$model.batchDiscount(\"$param\");"),
  PARAMETERS(
      "Parameters (billions; open models) [number]", "$model.parametersBillions(\"$param\");"),
  PRICE_SOURCE("Price source [text]", "$model.priceSource(\"$param\");"),
  PRICES_CHECKED_ON("Prices checked on [date]", "$model.pricesCheckedOn(\"$param\");"),
  ALIASES("Also known as (other names, comma-separated) [text]", "$model.aliases(\"$param\");");

  /** The columns whose values the file gives, so a change to them is a reprice. */
  static final List<CatalogColumn> PRICES = List.of(INPUT, OUTPUT, CACHED_INPUT, BATCH_DISCOUNT);

  final String label;
  final String template;

  CatalogColumn(String label, String template) {
    this.label = label;
    this.template = template;
  }

  /** What a label is known by: its words before any explanation or type, in lower case. */
  static String key(String label) {
    return label
        .replaceAll("\\[[^\\]]*\\]", " ")
        .replaceAll("\\([^)]*\\)", " ")
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  String key() {
    return key(label);
  }

  /** The words people read, e.g. "Input USD per 1M tokens". */
  String title() {
    return label.replaceAll("\\s*[\\[(].*$", "");
  }
}
