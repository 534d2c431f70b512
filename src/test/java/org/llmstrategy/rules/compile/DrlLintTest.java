package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the lint refuses and what it lets through, one line of rule code at a time. */
class DrlLintTest {

  private static String rule(String consequence) {
    return "package decision;\n"
        + "import org.llmstrategy.facts.*;\n"
        + "rule \"R\"\n"
        + "when\n"
        + "  $c : Criteria()\n"
        + "then\n"
        + "  "
        + consequence
        + "\n"
        + "end\n";
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Runtime.getRuntime().exec("rm -rf /");                  | Runtime
          new ProcessBuilder("sh").start();                       | ProcessBuilder
          System.exit(0);                                         | System
          System.getenv("HOME");                                  | System
          String home = System.getProperty("user.home");          | System
          Integer.getInteger("some.property");                    | .getInteger
          Class.forName("java.lang.Runtime");                     | Class
          "x".getClass().getMethods();                            | .getClass
          String.class.getDeclaredMethods();                      | a class literal (.class)
          java.lang.invoke.MethodHandles.lookup();                | java.lang.invoke.MethodHandles.lookup
          MethodHandles.lookup();                                 | MethodHandles
          Thread.currentThread().getContextClassLoader();         | Thread
          new Thread(() -> {}).start();                           | new Thread
          java.util.concurrent.Executors.newSingleThreadExecutor(); | java.util.concurrent.Executors.newSingleThreadExecutor
          new java.io.File("x").delete();                         | java.io.File
          java.nio.file.Files.readString(null);                   | java.nio.file.Files.readString
          Files.delete(null);                                     | Files
          new java.net.URL("http://example.com").openStream();    | new java.net.URL
          new java.net.Socket("example.com", 80);                 | java.net.Socket
          java.lang.Runtime.getRuntime();                         | java.lang.Runtime.getRuntime
          org.llmstrategy.rules.compile.RuleFolder.read(null);            | org.llmstrategy.rules.compile.RuleFolder.read
          org.springframework.context.ApplicationContext x = null; | org.springframework.context.ApplicationContext
          new Object();                                           | new Object
          new java.util.Timer();                                  | new java.util.Timer
          drools.halt();                                          | drools
          $c.wait();                                              | .wait
          \\u0053ystem.exit(0);                                   | the Unicode escape \\u0053
          // a comment ends early for javac: \\u000a System.exit(0); | the Unicode escape \\u000a
          String s = "a\\\\"; System.exit(0); String t = "";      | System
          """)
  void refuses(String code, String construct) {
    assertThat(DrlLint.scan(rule(code)))
        .as(code)
        .anySatisfy(
            f -> {
              assertThat(f.construct()).isEqualTo(construct);
              assertThat(f.line()).isEqualTo(7);
            });
  }

  @org.junit.jupiter.api.Test
  void aQuoteInACharacterLiteralDoesNotHideCode() {
    assertThat(DrlLint.scan(rule("char q = '\"'; System.exit(0); // \"")))
        .anySatisfy(f -> assertThat(f.construct()).isEqualTo("System"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "insert(new Blocker(Option.API, \"Regulated data stays in: no System.exit, no Runtime\"));",
        "insert(new Reason(Option.API, \"A \\\"quoted\\\" System.exit(0) is only text\"));",
        "// Runtime.getRuntime().exec in a comment is only a comment",
        "/* System.exit(0); new Thread() */ insert(new UsageTier(Tier.LIGHT));",
        "java.util.List<Option> l = new java.util.ArrayList<>(java.util.List.of(Option.API));",
        "java.math.BigDecimal d = new java.math.BigDecimal(\"1.5\").max(java.math.BigDecimal.ONE);",
        "StringBuilder b = new StringBuilder(); b.append(Math.max(1, Integer.parseInt(\"2\")));",
        "insert(org.llmstrategy.cost.CostCalculator.apiMonthlyUsd(1L, java.math.BigDecimal.ONE));",
        "int[] counts = new int[3]; java.util.Map<String, Long> m = new java.util.HashMap<>();",
        "String text = \"\"\"\n    System.exit(0) in a text block is text\n    \"\"\";",
      })
  void acceptsFactsValuesAndText(String code) {
    assertThat(DrlLint.scan(rule(code))).as(code).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          import java.io.File;                            | import java.io.File
          import java.util.concurrent.Executors;          | import java.util.concurrent.Executors
          import static java.lang.System.exit;            | import static java.lang.System.exit
          import function java.lang.Runtime.getRuntime;   | import function java.lang.Runtime.getRuntime
          import java.lang.reflect.*;                     | import java.lang.reflect.*
          import accumulate com.example.Sum sum2;         | import accumulate com.example.Sum
          import org.llmstrategy.rules.run.RuleEngine;        | import org.llmstrategy.rules.run.RuleEngine
          import java.util.ServiceLoader;                 | import java.util.ServiceLoader
          """)
  void refusesImportsOutsideTheAllowlist(String line, String construct) {
    String drl = "package decision;\n" + line + "\n";
    assertThat(DrlLint.scan(drl))
        .as(line)
        .anySatisfy(
            f -> {
              assertThat(f.construct()).isEqualTo(construct);
              assertThat(f.line()).isEqualTo(2);
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "import org.llmstrategy.facts.*;",
        "import org.llmstrategy.facts.Criteria;",
        "import org.llmstrategy.cost.CostCalculator;",
        "import static org.llmstrategy.cost.CostCalculator.apiMonthlyUsd;",
        "import java.util.*;",
        "import java.util.List;",
        "import java.util.Map.Entry;",
        "import java.math.BigDecimal;",
        "import java.lang.Math;",
      })
  void acceptsImportsInTheAllowlist(String line) {
    assertThat(DrlLint.scan("package decision;\n" + line + "\n")).as(line).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"org.llmstrategy.rules", "java.lang", "org.drools.core"})
  void refusesARulePackageInsideTheServiceTheJdkOrALibrary(String name) {
    assertThat(DrlLint.scan("package " + name + ";\n"))
        .singleElement()
        .satisfies(f -> assertThat(f.construct()).isEqualTo("package " + name));
  }
}
