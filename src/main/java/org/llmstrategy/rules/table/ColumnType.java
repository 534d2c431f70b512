package org.llmstrategy.rules.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.poi.ss.usermodel.Cell;

/**
 * What a column holds, as its label declares it in square brackets ({@code [money]}, {@code [one
 * of]}, …): reads a cell's raw value into the canonical text Drools compiles, or says in plain
 * words why the value does not fit. Also used for the scenario workbooks, whose columns take their
 * type from the request field they are headed with.
 */
public record ColumnType(Kind kind, List<String> values) {
  /** The types an analyst can declare, by the word they write. */
  public enum Kind {
    NUMBER("number"),
    WHOLE_NUMBER("whole number"),
    COUNT("count"),
    MONEY("money"),
    DATE("date"),
    YES_NO("yes/no"),
    ONE_OF("one of"),
    SEVERAL_OF("several of"),
    TEXT("text");

    final String word;

    /** The word an analyst writes between the brackets, e.g. {@code money}. */
    public String word() {
      return word;
    }

    Kind(String word) {
      this.word = word;
    }

    static Kind byWord(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word)) {
          return k;
        }
      }
      return null;
    }

    static String words() {
      return Arrays.stream(values()).map(k -> k.word).collect(Collectors.joining(", "));
    }
  }

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d{1,2}");
  private static final Pattern SUFFIXED = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmb])");
  private static final Pattern CURRENCY =
      Pattern.compile("(?i)^(us\\s*\\$|\\$|usd)\\s*|\\s*(usd|us\\$|\\$|dollars?)$");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:[;/|\\n]|\\band\\b)\\s*");

  public static ColumnType of(Kind kind) {
    return new ColumnType(kind, List.of());
  }

  public static ColumnType oneOf(List<String> values) {
    return new ColumnType(Kind.ONE_OF, List.copyOf(values));
  }

  /** Reads a cell of this column. */
  public CellReading read(Cell cell) {
    return read(RawCell.of(cell));
  }

  CellReading read(RawCell raw) {
    if (raw.isEmpty()) {
      return CellReading.EMPTY;
    }
    if (raw.kind() == RawCell.Kind.ERROR) {
      return CellReading.refused(
          "holds the formula error " + raw.text() + ": type the value itself");
    }
    return switch (kind) {
      case NUMBER -> number(raw, "is not a number", false, false);
      case WHOLE_NUMBER -> number(raw, "is not a whole number", true, false);
      case COUNT -> number(raw, "is not a whole number (0 or more)", true, true);
      case MONEY -> money(raw);
      case DATE -> date(raw);
      case YES_NO -> yesNo(raw);
      case ONE_OF -> oneOf(raw);
      case SEVERAL_OF -> severalOf(raw);
      case TEXT -> CellReading.of(raw.text());
    };
  }

  /**
   * The Java value of a cell this type has read ({@link CellReading#value()}, canonical text): the
   * one conversion from a checked cell to what a record holds. A number or an amount is a {@link
   * BigDecimal}, a whole number or count a {@code Long}, a date a {@link LocalDate}, yes/no a
   * {@code Boolean}, one value of a list its name, several values their names; null stays null.
   */
  public Object javaValue(String canonical) {
    if (canonical == null) {
      return null;
    }
    return switch (kind) {
      case NUMBER, MONEY -> new BigDecimal(canonical);
      case WHOLE_NUMBER, COUNT -> new BigDecimal(canonical).longValueExact();
      case DATE -> LocalDate.parse(canonical);
      case YES_NO -> Boolean.valueOf(canonical);
      case ONE_OF, TEXT -> canonical;
      case SEVERAL_OF -> List.of(canonical.split(",\\s*"));
    };
  }

  private CellReading number(RawCell raw, String notIt, boolean whole, boolean notNegative) {
    BigDecimal n = numberIn(raw);
    if (n == null) {
      BigDecimal meant = guess(raw.text());
      if (meant != null && (!whole || isWhole(meant))) {
        return refusedAs(raw, notIt + ": type " + RawCell.plain(meant).toPlainString());
      }
      return refusedAs(raw, notIt + ": type digits only, e.g. " + (whole ? "100" : "2.5"));
    }
    if (whole && !isWhole(n)) {
      return refusedAs(raw, notIt + ": it has a fraction");
    }
    if (notNegative && n.signum() < 0) {
      return refusedAs(raw, "is below 0: type a whole number, 0 or more");
    }
    return CellReading.of(RawCell.plain(n).toPlainString());
  }

  /** Money always shows its cents: 2.5 reads as 2.50, 15 as 15.00; 0.275 keeps its digits. */
  private CellReading money(RawCell raw) {
    BigDecimal n = numberIn(raw);
    if (n == null) {
      BigDecimal meant = guess(raw.text());
      return refusedAs(
          raw,
          "is not a price in US dollars: type "
              + (meant != null ? money(meant) : "the amount in digits, e.g. 2.50")
              + (DECIMAL_COMMA.matcher(raw.text()).matches()
                  ? " (a point before the cents, not a comma)"
                  : ""));
    }
    if (n.signum() < 0) {
      return refusedAs(raw, "is below 0: an amount in US dollars is 0 or more");
    }
    return CellReading.of(money(n));
  }

  private static String money(BigDecimal n) {
    return (n.scale() < 2 ? n.setScale(2, RoundingMode.UNNECESSARY) : n).toPlainString();
  }

  private static CellReading date(RawCell raw) {
    if (raw.kind() == RawCell.Kind.DATE) {
      return CellReading.of(raw.date().toString());
    }
    if (raw.kind() == RawCell.Kind.TEXT && ISO_DATE.matcher(raw.text()).matches()) {
      try {
        return CellReading.of(LocalDate.parse(raw.text()).toString());
      } catch (DateTimeParseException e) {
        return refusedAs(raw, "is not a day of the calendar: check the month and the day");
      }
    }
    return refusedAs(
        raw,
        (raw.kind() == RawCell.Kind.NUMBER ? "is a number, not a date" : "is not a date")
            + ": type it as YYYY-MM-DD (e.g. 2026-06-30), or enter it as a date");
  }

  private static CellReading yesNo(RawCell raw) {
    if (raw.kind() == RawCell.Kind.BOOLEAN) {
      return CellReading.of(raw.bool().toString());
    }
    return switch (raw.text().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> CellReading.of("true");
      case "false", "no" -> CellReading.of("false");
      default -> refusedAs(raw, "is not yes or no: type true or false");
    };
  }

  private CellReading oneOf(RawCell raw) {
    if (values.contains(raw.text())) {
      return CellReading.of(raw.text());
    }
    String meant = nearest(raw.text());
    return refusedAs(
        raw,
        "is not one of "
            + String.join(", ", values)
            + (meant != null ? "; did you mean " + meant + "?" : ""));
  }

  private CellReading severalOf(RawCell raw) {
    String text = raw.text();
    if (LIST_SEPARATOR.matcher(text).find()) {
      List<String> meant = new ArrayList<>();
      for (String part : text.split("[,;/|\\n]|\\band\\b")) {
        if (!part.isBlank()) {
          meant.add(values.contains(part.strip()) ? part.strip() : nearest(part.strip()));
        }
      }
      String fix =
          meant.contains(null)
              ? "separate the values with commas"
              : "did you mean " + String.join(", ", meant) + "?";
      return refusedAs(
          raw, "is not a list of " + String.join(", ", values) + " separated by commas: " + fix);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      String value = part.strip();
      if (value.isEmpty()) {
        return refusedAs(raw, "has an empty value between commas: remove the extra comma");
      }
      if (!values.contains(value)) {
        String meant = nearest(value);
        return refusedAs(
            raw,
            (value.equals(text) ? "" : "holds \"" + value + "\", which ")
                + "is not one of "
                + String.join(", ", values)
                + (meant != null ? "; did you mean " + meant + "?" : ""));
      }
      if (!chosen.add(value)) {
        return refusedAs(raw, "lists " + value + " twice: keep it once");
      }
    }
    return CellReading.of(String.join(", ", chosen));
  }

  /** An allowed value the text obviously means: the same letters, or one or two typos away. */
  private String nearest(String text) {
    String normal = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    if (values.contains(normal)) {
      return normal;
    }
    String best = null;
    int bestDistance = 3;
    boolean tie = false;
    for (String v : values) {
      int d = LevenshteinDistance.getDefaultInstance().apply(normal, v);
      if (d < bestDistance) {
        best = v;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  /** A number stored as a number, or text that is unambiguously a plain number. */
  private static BigDecimal numberIn(RawCell raw) {
    if (raw.kind() == RawCell.Kind.NUMBER) {
      return raw.number();
    }
    if (raw.kind() == RawCell.Kind.TEXT && PLAIN_NUMBER.matcher(raw.text()).matches()) {
      return new BigDecimal(raw.text());
    }
    return null;
  }

  /** What a value typed as text most likely means ($2.50, 128K, 1,000,000, 2,50), if anything. */
  private static BigDecimal guess(String typed) {
    String t = CURRENCY.matcher(typed.strip()).replaceAll("").strip();
    t = t.replace(" ", "").replace("_", "");
    if (THOUSANDS.matcher(t).matches()) {
      t = t.replace(",", "");
    } else if (DECIMAL_COMMA.matcher(t).matches()) {
      t = t.replace(',', '.');
    }
    Matcher suffixed = SUFFIXED.matcher(t.toLowerCase(Locale.ROOT));
    if (suffixed.matches()) {
      int zeros =
          switch (suffixed.group(2)) {
            case "k" -> 3;
            case "m" -> 6;
            default -> 9;
          };
      return new BigDecimal(suffixed.group(1)).movePointRight(zeros);
    }
    return PLAIN_NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
  }

  private static boolean isWhole(BigDecimal n) {
    return n.stripTrailingZeros().scale() <= 0;
  }

  private static CellReading refusedAs(RawCell raw, String why) {
    return CellReading.refused("\"" + raw.text() + "\" " + why);
  }

  /** The words an analyst can write between the brackets, for messages. */
  static String typeWords() {
    return Kind.words();
  }
}
