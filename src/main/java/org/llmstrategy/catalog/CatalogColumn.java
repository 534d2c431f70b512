package org.llmstrategy.catalog;

import java.util.List;
import java.util.Locale;

/**
 * A column of the catalog workbook the import reads or writes, found by its label without the
 * {@code [type]} and any {@code (explanation)}, capitals aside: "Input USD per 1M tokens (empty:
 * infra cost only) [money]" is the column "input usd per 1m tokens". A column the target lacks is
 * added with this label and key, the key the model catalog's reference table reads the column by
 * ({@code rules.reference.ReferenceTables.MODELS}).
 */
enum CatalogColumn {
  MODEL("Model [text, unique]", "model"),
  PROVIDER("Provider [text]", "provider"),
  CONTEXT_WINDOW("Context window (tokens) [count]", "contextWindowTokens"),
  INPUT("Input USD per 1M tokens (empty: infra cost only) [money]", "inputUsdPerMillionTokens"),
  RETIREMENT("Retirement date (YYYY-MM-DD) [date]", "retirementDate"),
  OUTPUT("Output USD per 1M tokens [money]", "outputUsdPerMillionTokens"),
  CACHED_INPUT("Cached input USD per 1M tokens [money]", "cachedInputUsdPerMillionTokens"),
  BATCH_DISCOUNT("Batch discount (fraction of the price, 0-1) [number]", "batchDiscount"),
  PARAMETERS("Parameters (billions; open models) [number]", "parametersBillions"),
  PRICE_SOURCE("Price source [text]", "priceSource"),
  PRICES_CHECKED_ON("Prices checked on [date]", "pricesCheckedOn"),
  ALIASES("Also known as (other names, comma-separated) [text]", "aliases");

  /** The columns whose values the file gives, so a change to them is a reprice. */
  static final List<CatalogColumn> PRICES = List.of(INPUT, OUTPUT, CACHED_INPUT, BATCH_DISCOUNT);

  final String label;

  /** The column's key in the machinery row above its label. */
  final String key;

  CatalogColumn(String label, String key) {
    this.label = label;
    this.key = key;
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

  /** What its label is known by (see {@link #key(String)}). */
  String labelKey() {
    return key(label);
  }

  /** The words people read, e.g. "Input USD per 1M tokens". */
  String title() {
    return label.replaceAll("\\s*[\\[(].*$", "");
  }
}
