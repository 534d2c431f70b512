package org.llmstrategy.rules.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.llmstrategy.facts.CandidateListing;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.ComparisonHorizon;
import org.llmstrategy.facts.DeprecationHorizon;
import org.llmstrategy.facts.Gpu;
import org.llmstrategy.facts.Lever;
import org.llmstrategy.facts.OptionTerms;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.facts.SelfHostDefaults;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.facts.ServingRate;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.table.ReferenceSheet;
import org.llmstrategy.rules.table.ReferenceTable;

/**
 * Gathers the reference tables of one rules folder, workbook by workbook, into its {@link
 * ReferenceData}: the catalog's models from every catalog workbook (each model once, capitals
 * aside), the setups, the option terms (each option once) and the constants (each once, all of them
 * when the folder has a constants workbook). Used by the compile step, once per rule set.
 */
public final class ReferenceDataReader {
  private final List<ReferenceSheet.Entry<CatalogModel>> models = new ArrayList<>();
  private final List<SelfHostSetup> setups = new ArrayList<>();
  private final List<ReferenceSheet.Entry<Gpu>> gpus = new ArrayList<>();
  private final List<ReferenceSheet.Entry<ServingRate>> serving = new ArrayList<>();
  private final List<ReferenceSheet.Entry<OptionTerms>> terms = new ArrayList<>();
  private final List<ReferenceSheet.Entry<Lever>> levers = new ArrayList<>();
  private final List<ReferenceSheet.Entry<ReferenceTables.ConstantValue>> constants =
      new ArrayList<>();
  private final Set<String> files = new LinkedHashSet<>();
  private final Set<String> constantFiles = new LinkedHashSet<>();
  private final Set<String> catalogFiles = new LinkedHashSet<>();
  private final List<RuleProblem> problems = new ArrayList<>();

  /** Whether the workbook's first sheet holds a reference table (it is data, not rules). */
  public static boolean describes(Workbook wb) {
    return ReferenceSheet.firstKey(wb).isPresent();
  }

  /**
   * Reads the workbook's reference table; it must be checked for its shape first ({@code
   * DecisionTableCheck}). A table whose first column is no reference table's is refused there.
   */
  public void read(String file, Workbook wb) {
    String key = ReferenceSheet.firstKey(wb).orElseThrow();
    files.add(file);
    ReferenceTable<?> table = ReferenceTables.BY_FIRST_KEY.get(key);
    if (table == ReferenceTables.MODELS) {
      catalogFiles.add(file);
      models.addAll(take(ReferenceSheet.read(file, wb, ReferenceTables.MODELS)));
    } else if (table == ReferenceTables.SETUPS) {
      take(ReferenceSheet.read(file, wb, ReferenceTables.SETUPS))
          .forEach(e -> setups.add(e.record()));
    } else if (table == ReferenceTables.OPTION_TERMS) {
      terms.addAll(take(ReferenceSheet.read(file, wb, ReferenceTables.OPTION_TERMS)));
    } else if (table == ReferenceTables.GPUS) {
      gpus.addAll(take(ReferenceSheet.read(file, wb, ReferenceTables.GPUS)));
    } else if (table == ReferenceTables.SERVING) {
      serving.addAll(take(ReferenceSheet.read(file, wb, ReferenceTables.SERVING)));
    } else if (table == ReferenceTables.LEVERS) {
      levers.addAll(take(ReferenceSheet.read(file, wb, ReferenceTables.LEVERS)));
    } else if (table == ReferenceTables.CONSTANTS) {
      constantFiles.add(file);
      constants.addAll(take(ReferenceSheet.read(file, wb, ReferenceTables.CONSTANTS)));
    } else {
      problems.add(
          RuleProblem.inFile(
              file,
              "its first column's key \""
                  + key
                  + "\" names no table of data: the first column of a table of models is"
                  + " \"model\", of self-host setups \"setup\", of option costs \"option\", of"
                  + " constants \"constant\", of GPUs \"gpu\", of serving rates"
                  + " \"serving\", of levers \"lever\""));
    }
  }

  private <T> List<ReferenceSheet.Entry<T>> take(ReferenceSheet.Result<T> result) {
    problems.addAll(result.problems());
    return result.rows();
  }

  /** The files read as data: not compiled, so a change to them reuses the compiled rules. */
  public Set<String> files() {
    return Set.copyOf(files);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** The folder's reference data; the problems found on the way are in {@link #problems()}. */
  public ReferenceData data() {
    List<CatalogModel> catalog = once(models, "the catalog", "each model once");
    List<OptionTerms> optionTerms = once(terms, "the option costs", "each option once");
    List<Gpu> gpuTable = once(gpus, "the GPU table", "each GPU once");
    List<ServingRate> rates = once(serving, "the serving table", "each row name once");
    checkServing(catalog, gpuTable);
    Map<Constant, BigDecimal> values = new EnumMap<>(Constant.class);
    for (var e : onceEntries(constants, "the constants", "each constant once")) {
      values.put(e.record().constant(), e.record().value());
    }
    for (String file : constantFiles) {
      for (Constant c : Constant.values()) {
        if (!values.containsKey(c) && problemsIn(file).isEmpty()) {
          problems.add(
              RuleProblem.inFile(
                  file, "has no row for " + c.name() + ": add one with its value and source"));
        }
      }
    }
    BigDecimal listed = values.get(Constant.CANDIDATES_LISTED);
    BigDecimal horizon = values.get(Constant.DEPRECATION_HORIZON_MONTHS);
    BigDecimal compared = values.get(Constant.DEFAULT_HORIZON_MONTHS);
    return new ReferenceData(
        Catalog.of(catalog),
        setups,
        optionTerms,
        listed == null ? null : new CandidateListing(listed.intValueExact()),
        horizon == null ? null : new DeprecationHorizon(horizon.intValueExact()),
        gpuTable,
        rates,
        selfHostDefaults(values),
        compared == null ? null : new ComparisonHorizon(compared.intValueExact()),
        once(levers, "the levers", "each request field once"));
  }

  /** The self-host constants, or null unless the folder sets every one of them. */
  private static SelfHostDefaults selfHostDefaults(Map<Constant, BigDecimal> values) {
    BigDecimal hours = values.get(Constant.SERVING_HOURS_PER_MONTH);
    BigDecimal utilisation = values.get(Constant.UTILISATION);
    BigDecimal electricity = values.get(Constant.ELECTRICITY_USD_PER_KWH);
    BigDecimal perEngineer = values.get(Constant.GPUS_PER_ENGINEER);
    BigDecimal above = values.get(Constant.RENTED_BILL_ABOVE_GPU_RENT);
    if (hours == null
        || utilisation == null
        || electricity == null
        || perEngineer == null
        || above == null) {
      return null;
    }
    return new SelfHostDefaults(
        hours, utilisation, electricity, perEngineer.intValueExact(), above);
  }

  /**
   * A serving row must name a catalog model and a GPU of the GPU table: a typo would otherwise
   * leave the model without a setup, silently.
   */
  private void checkServing(List<CatalogModel> catalog, List<Gpu> gpuTable) {
    Set<String> models = new HashSet<>();
    catalog.forEach(m -> models.add(m.name().toLowerCase(Locale.ROOT)));
    // a catalog refused in part was not read to its end: its own problem says why, not each row
    // that names a model it would have held
    boolean catalogComplete = catalogFiles.stream().allMatch(f -> problemsIn(f).isEmpty());
    Set<String> gpuNames = new HashSet<>();
    gpuTable.forEach(g -> gpuNames.add(g.name().toLowerCase(Locale.ROOT)));
    for (var e : serving) {
      ServingRate r = e.record();
      if (catalogComplete
          && !models.isEmpty()
          && !models.contains(r.model().toLowerCase(Locale.ROOT))) {
        problems.add(
            new RuleProblem(
                e.file(),
                e.sheet(),
                e.cell(),
                "row \""
                    + e.name()
                    + "\" names the model \""
                    + r.model()
                    + "\", which the model catalog does not have: type a model name as the"
                    + " catalog writes it"));
      }
      if (!gpuNames.contains(r.gpu().toLowerCase(Locale.ROOT))) {
        problems.add(
            new RuleProblem(
                e.file(),
                e.sheet(),
                e.cell(),
                "row \""
                    + e.name()
                    + "\" names the GPU \""
                    + r.gpu()
                    + "\", which the GPU table does not have"
                    + (gpuNames.isEmpty() ? " (the rules folder has no GPU table)" : "")
                    + ": type a GPU name as the GPU table writes it"));
      }
    }
  }

  public List<RuleProblem> problems() {
    return List.copyOf(problems);
  }

  private List<RuleProblem> problemsIn(String file) {
    return problems.stream().filter(p -> file.equals(p.file())).toList();
  }

  private <T> List<T> once(List<ReferenceSheet.Entry<T>> entries, String where, String rule) {
    return onceEntries(entries, where, rule).stream().map(ReferenceSheet.Entry::record).toList();
  }

  /** The entries named once; one named again (capitals aside) is refused where it is again. */
  private <T> List<ReferenceSheet.Entry<T>> onceEntries(
      List<ReferenceSheet.Entry<T>> entries, String where, String rule) {
    Map<String, ReferenceSheet.Entry<T>> first = new HashMap<>();
    List<ReferenceSheet.Entry<T>> kept = new ArrayList<>(entries.size());
    for (var e : entries) {
      var earlier = first.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
      if (earlier != null) {
        problems.add(
            new RuleProblem(
                e.file(),
                e.sheet(),
                e.cell(),
                "\""
                    + e.name()
                    + "\" is already in "
                    + where
                    + " at "
                    + earlier.file()
                    + "!"
                    + earlier.sheet()
                    + "!"
                    + earlier.cell()
                    + ": "
                    + rule
                    + " (capitals do not count as a difference)"));
      } else {
        kept.add(e);
      }
    }
    return kept;
  }
}
