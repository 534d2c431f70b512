package org.llmstrategy;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.llmstrategy.catalog.ImportPricesCommand;
import org.llmstrategy.validate.ValidateCommand;
import org.llmstrategy.workbook.TidyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
  /** The commands of the jar; without one (or with only options) it starts the service. */
  static final Map<String, BiFunction<List<String>, PrintStream, Integer>> COMMANDS =
      new LinkedHashMap<>();

  static {
    COMMANDS.put(ValidateCommand.NAME, ValidateCommand::run);
    COMMANDS.put(TidyCommand.NAME, TidyCommand::run);
    COMMANDS.put(ImportPricesCommand.NAME, ImportPricesCommand::run);
  }

  public static void main(String[] args) {
    Integer exit = command(Arrays.asList(args), System.out);
    if (exit != null) {
      System.exit(exit);
    }
    SpringApplication.run(Application.class, args);
  }

  /**
   * Runs the command the first word names and returns its exit code; null when there is no command
   * (no word, or an option such as {@code --server.port=8081}), so the service starts. A word that
   * is no command is a mistake (a typo must not start a server): the commands are printed, exit 2.
   */
  static Integer command(List<String> args, PrintStream out) {
    if (args.isEmpty() || args.get(0).startsWith("-")) {
      return null;
    }
    var command = COMMANDS.get(args.get(0));
    if (command == null) {
      out.println(
          "\""
              + args.get(0)
              + "\" is not a command. The commands are: "
              + String.join(", ", COMMANDS.keySet())
              + "; without a command (or with only --options) the service starts.");
      return 2;
    }
    return command.apply(args.subList(1, args.size()), out);
  }
}
