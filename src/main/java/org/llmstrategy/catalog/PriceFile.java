package org.llmstrategy.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LiteLLM {@code model_prices_and_context_window.json}-format file: an object of entries keyed by
 * model name, prices in USD per token. Reads the chat models priced per input token; other modes,
 * unpriced entries (no input price, or 0: free local runtimes and free tiers are no API) and the
 * documentation entry {@code sample_spec} are skipped and counted. Any entry the file gets wrong (a
 * price that is not a number, negative or not finite, a date that is not YYYY-MM-DD, …) refuses the
 * whole file, naming the entry and the field.
 */
final class PriceFile {
  /** The real file is under 2 MB with some 3,000 entries; these bounds leave room to grow. */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  static final int MAX_ENTRIES = 50_000;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(32)
          .maxNameLength(1_000)
          .maxStringLength(100_000)
          .maxNumberLength(100)
          .maxDocumentLength(MAX_BYTES)
          .build();

  /** Floats as BigDecimal from their text: 2.5e-06 is exactly 0.0000025, never a double. */
  private static final JsonMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final String SAMPLE_SPEC = "sample_spec";
  private static final String CHAT = "chat";

  /** Why an entry priced at 0 is left out, as the import's summary says it. */
  static final String UNPRICED = "chat, input priced at 0 (free or local: no API price)";

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal LARGEST = BigDecimal.valueOf(Double.MAX_VALUE);

  /**
   * Digits a price per 1M tokens may have on either side of the point: a trillion dollars, a
   * trillionth of a cent. Real prices have at most six decimals (0.546875); the workbook cell is a
   * double anyway, good for about 15 significant digits.
   */
  static final int PRICE_DIGITS = 12;

  /** The chat models, and how many entries were skipped for which reason. */
  record Read(List<PricedModel> models, Map<String, Integer> skipped) {
    int skippedCount() {
      return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private PriceFile() {}

  static Read read(Path file) {
    String name = VisibleText.of(file.getFileName().toString());
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new PriceFileRefused(
            name + ": is larger than " + MAX_BYTES / (1024 * 1024) + " MB; refused unread");
      }
      try (InputStream in = Files.newInputStream(file)) {
        root = JSON.readTree(in);
      }
    } catch (JacksonException e) {
      throw new PriceFileRefused(name + ": is not JSON the import can read (" + brief(e) + ")");
    } catch (NumberFormatException | ArithmeticException e) {
      // e.g. 1e-2147483649: valid JSON, but no BigDecimal can hold it
      throw new PriceFileRefused(
          name + ": is not JSON the import can read (a number beyond any price)");
    } catch (IOException e) {
      throw new PriceFileRefused(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return read(name, root);
  }

  static Read read(String name, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new PriceFileRefused(
          name + ": is not an object of model entries ({\"model-name\": {...}, ...})");
    }
    if (root.size() > MAX_ENTRIES) {
      throw new PriceFileRefused(
          name + ": holds " + root.size() + " entries, more than " + MAX_ENTRIES + "; refused");
    }
    List<PricedModel> models = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey();
      JsonNode entry = e.getValue();
      if (key.equals(SAMPLE_SPEC)) {
        skipped.merge("the documentation entry sample_spec", 1, Integer::sum);
        continue;
      }
      Entry at = new Entry(name, key, entry);
      String mode = at.text("mode");
      if (!CHAT.equals(mode)) {
        skipped.merge(mode == null ? "no mode" : "mode " + VisibleText.of(mode), 1, Integer::sum);
        continue;
      }
      BigDecimal input = at.perMillion("input_cost_per_token");
      if (input == null) {
        skipped.merge("chat, without an input price", 1, Integer::sum);
        continue;
      }
      if (input.signum() == 0) {
        // free local runtimes (ollama/*) and free tiers: no API price, and imported as $0 they
        // would rank as the cheapest API in every answer
        skipped.merge(UNPRICED, 1, Integer::sum);
        continue;
      }
      models.add(
          new PricedModel(
              key.strip(),
              at.text("litellm_provider"),
              at.contextWindow(),
              input,
              at.perMillion("output_cost_per_token"),
              at.perMillion("cache_read_input_token_cost"),
              at.batchDiscount(input),
              at.date("deprecation_date")));
    }
    return new Read(List.copyOf(models), Map.copyOf(skipped));
  }

  /** One entry of the file, read field by field; every refusal names the entry and the field. */
  private record Entry(String file, String key, JsonNode node) {
    Entry {
      if (!node.isObject()) {
        throw new PriceFileRefused(
            file
                + ": entry \""
                + VisibleText.of(key)
                + "\" is not an object of fields (it is "
                + kind(node)
                + ")");
      }
    }

    String text(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isString()) {
        throw refused(field, "is not text (it is " + kind(v) + ")");
      }
      String t = v.asString().strip();
      return t.isEmpty() ? null : t;
    }

    /** A per-token price as USD per 1M tokens, exactly: 2.5e-06 is 2.50. */
    BigDecimal perMillion(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isNumber()) {
        throw refused(field, "is not a number (it is " + kind(v) + ")");
      }
      BigDecimal perToken = v.decimalValue();
      if (perToken.abs().compareTo(LARGEST) > 0) {
        throw refused(field, "is not a finite price");
      }
      BigDecimal perMillion = perToken.multiply(MILLION).stripTrailingZeros();
      long beforePoint = (long) perMillion.precision() - perMillion.scale(); // overflows an int
      if (perMillion.signum() != 0
          && (beforePoint > PRICE_DIGITS || perMillion.scale() > PRICE_DIGITS)) {
        // the exponent, not the digits typed: 1e-2147483647 written out is 2 GB of zeros
        throw refused(
            field,
            "is out of range ("
                + perToken
                + " a token): a price per 1M tokens has at most "
                + PRICE_DIGITS
                + " digits before and "
                + PRICE_DIGITS
                + " after the point");
      }
      if (perToken.signum() < 0) {
        throw refused(field, "is negative (" + v.asString() + ")");
      }
      return money(perMillion);
    }

    /**
     * The context window: {@code max_input_tokens} only. The legacy {@code max_tokens} is the
     * output limit where the provider gives one (LiteLLM's own description), so it says nothing
     * sure of the context: without {@code max_input_tokens} (or with 0) the window is unknown.
     */
    Long contextWindow() {
      String field = "max_input_tokens";
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isNumber()) {
        throw refused(field, "is not a number of tokens (it is " + kind(v) + ")");
      }
      BigDecimal n = v.decimalValue();
      if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(MILLION.pow(2)) > 0) {
        throw refused(field, "is not a whole number of tokens, 0 or more (" + n + ")");
      }
      return n.signum() == 0 ? null : n.longValueExact();
    }

    /**
     * The batch discount, 0 … 1: one minus the batch input price over the normal input price. A
     * batch price above the normal one is refused; a quotient that does not end is kept to six
     * decimals.
     */
    BigDecimal batchDiscount(BigDecimal input) {
      String field = "input_cost_per_token_batches";
      BigDecimal batch = perMillion(field);
      if (batch == null || input.signum() == 0) {
        return null;
      }
      if (batch.compareTo(input) > 0) {
        throw refused(
            field, "is above the normal input price (" + batch + " > " + input + " per 1M)");
      }
      BigDecimal share;
      try {
        share = batch.divide(input);
      } catch (ArithmeticException nonTerminating) {
        share = batch.divide(input, 6, java.math.RoundingMode.HALF_EVEN);
      }
      return plain(BigDecimal.ONE.subtract(share));
    }

    LocalDate date(String field) {
      String t = text(field);
      if (t == null) {
        return null;
      }
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw refused(field, "\"" + VisibleText.of(abbreviate(t)) + "\" is not a date YYYY-MM-DD");
      }
    }

    private PriceFileRefused refused(String field, String what) {
      return new PriceFileRefused(
          file + ": entry \"" + VisibleText.of(key) + "\", field " + field + ": " + what);
    }
  }

  /** Dollars with at least the cents: 2.5 is 2.50, 0.075 stays 0.075. */
  static BigDecimal money(BigDecimal usd) {
    BigDecimal p = plain(usd);
    return p.scale() < 2 ? p.setScale(2) : p;
  }

  private static BigDecimal plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static String kind(JsonNode v) {
    if (v.isString()) {
      return "text \"" + VisibleText.of(abbreviate(v.asString())) + "\"";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isBoolean()) {
      return v.asString();
    }
    if (v.isNull()) {
      return "null";
    }
    return "the number " + v.asString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** Jackson's own first line, without its source excerpt. */
  private static String brief(JacksonException e) {
    String m = e.getOriginalMessage();
    String first = m == null ? "malformed" : m.lines().findFirst().orElse(m);
    var at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? first : first + ", at line " + at.getLineNr();
  }
}
