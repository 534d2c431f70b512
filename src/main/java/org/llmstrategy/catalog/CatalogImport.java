package org.llmstrategy.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a price file's models to the catalog sheet. A model already there under its name or one
 * of its aliases (capitals aside) is updated, never duplicated; only the columns the file knows are
 * written, and only where the file says something: the analysts' columns (quality, speed, license,
 * parameters, aliases, descriptions) and the provider's name as they typed it are kept. A row whose
 * values do not change keeps its cells, its source and date too, so importing the same file again
 * changes nothing. A row earlier imported from a file of the same name that is no longer in it is
 * removed; rows typed by hand (another source, or none) are never removed.
 */
final class CatalogImport {
  private final CatalogSheet sheet;
  private final String source;
  private final LocalDate today;

  CatalogImport(CatalogSheet sheet, String source, LocalDate today) {
    this.sheet = sheet;
    this.source = source;
    this.today = today;
  }

  CatalogDiff apply(List<PricedModel> models) {
    CatalogDiff diff = new CatalogDiff();
    Map<String, Integer> byName = index();
    Map<Integer, Boolean> seen = new HashMap<>();
    List<PricedModel> fresh = new ArrayList<>();
    Set<String> freshNames = new HashSet<>();
    for (PricedModel m : models) {
      String key = m.name().toLowerCase(Locale.ROOT);
      Integer row = byName.get(key);
      if (row == null && freshNames.add(key)) {
        fresh.add(m);
        continue;
      }
      if (row == null || seen.containsKey(row)) {
        diff.duplicates.add(m.name());
        continue;
      }
      seen.put(row, true);
      update(row, m, diff);
    }
    List<Integer> gone = new ArrayList<>();
    for (int row : sheet.rows()) {
      if (!seen.containsKey(row)
          && source.equalsIgnoreCase(sheet.get(row, CatalogColumn.PRICE_SOURCE))) {
        gone.add(row);
        diff.removed.add(sheet.get(row, CatalogColumn.MODEL));
      }
    }
    sheet.removeRows(gone);
    add(fresh, diff);
    return diff;
  }

  /** Every row by its model name and by each of its aliases, in lower case. */
  private Map<String, Integer> index() {
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (int row : sheet.rows()) {
      byName.putIfAbsent(sheet.get(row, CatalogColumn.MODEL).toLowerCase(Locale.ROOT), row);
      for (String alias : sheet.get(row, CatalogColumn.ALIASES).split(",")) {
        if (!alias.isBlank()) {
          byName.putIfAbsent(alias.strip().toLowerCase(Locale.ROOT), row);
        }
      }
    }
    return byName;
  }

  private void update(int row, PricedModel m, CatalogDiff diff) {
    String name = sheet.get(row, CatalogColumn.MODEL);
    Map<CatalogColumn, String> values = values(m);
    if (!sheet.get(row, CatalogColumn.PROVIDER).isEmpty()) {
      values.remove(CatalogColumn.PROVIDER);
    }
    boolean changed = false;
    List<String> prices = new ArrayList<>();
    for (Map.Entry<CatalogColumn, String> e : values.entrySet()) {
      String old = sheet.get(row, e.getKey());
      if (same(old, e.getValue())) {
        continue;
      }
      changed = true;
      sheet.set(row, e.getKey(), e.getValue());
      if (CatalogColumn.PRICES.contains(e.getKey())) {
        prices.add(
            e.getKey().title() + " " + (old.isEmpty() ? "none" : old) + " → " + e.getValue());
      } else if (e.getKey() == CatalogColumn.RETIREMENT) {
        diff.deprecated.add(name + " retires on " + e.getValue());
      }
    }
    if (!prices.isEmpty()) {
      diff.repriced.add(name + ": " + String.join("; ", prices));
    }
    if (changed) {
      sheet.set(row, CatalogColumn.PRICE_SOURCE, source);
      sheet.set(row, CatalogColumn.PRICES_CHECKED_ON, today.toString());
      diff.updated++;
    }
  }

  private void add(List<PricedModel> fresh, CatalogDiff diff) {
    Set<String> names = sheet.ruleNames();
    List<Integer> rows = sheet.rows();
    int next = rows.isEmpty() ? sheet.firstRow() : rows.get(rows.size() - 1) + 1;
    for (PricedModel m : fresh) {
      int row = next;
      sheet.setRuleName(row, ruleName(m.name(), names));
      sheet.set(row, CatalogColumn.MODEL, m.name());
      values(m).forEach((col, value) -> sheet.set(row, col, value));
      sheet.set(row, CatalogColumn.PRICE_SOURCE, source);
      sheet.set(row, CatalogColumn.PRICES_CHECKED_ON, today.toString());
      diff.added.add(m.name());
      if (m.retirementDate() != null) {
        diff.deprecated.add(m.name() + " retires on " + m.retirementDate());
      }
      next++;
    }
  }

  /** The cells the file gives for a model; what it does not say is left out (kept as it is). */
  private static Map<CatalogColumn, String> values(PricedModel m) {
    Map<CatalogColumn, String> v = new LinkedHashMap<>();
    put(v, CatalogColumn.PROVIDER, m.provider());
    put(v, CatalogColumn.CONTEXT_WINDOW, m.contextWindowTokens());
    put(v, CatalogColumn.INPUT, plainText(m.inputUsdPerMillionTokens()));
    put(v, CatalogColumn.OUTPUT, plainText(m.outputUsdPerMillionTokens()));
    put(v, CatalogColumn.CACHED_INPUT, plainText(m.cachedInputUsdPerMillionTokens()));
    put(v, CatalogColumn.BATCH_DISCOUNT, plainText(m.batchDiscount()));
    put(v, CatalogColumn.RETIREMENT, m.retirementDate());
    return v;
  }

  private static void put(Map<CatalogColumn, String> v, CatalogColumn col, Object value) {
    if (value != null) {
      v.put(col, value.toString());
    }
  }

  private static String plainText(BigDecimal n) {
    return n == null ? null : n.toPlainString();
  }

  /** The same value: numbers compare as numbers (2.5 is 2.50), everything else as typed. */
  private static boolean same(String old, String value) {
    if (old.equals(value)) {
      return true;
    }
    try {
      return new BigDecimal(old).compareTo(new BigDecimal(value)) == 0;
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }

  /**
   * A rule name for a new row, from the model's name: {@code openai/gpt-4o-mini} is {@code
   * ModelOpenaiGpt4oMini}; a number is added when that name is taken.
   */
  static String ruleName(String model, Set<String> taken) {
    StringBuilder b = new StringBuilder("Model");
    for (String part : model.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String name = b.toString();
    for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
      name = b + "_" + n;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return name;
  }
}
