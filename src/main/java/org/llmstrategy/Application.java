package org.llmstrategy;

import java.util.Arrays;
import org.llmstrategy.validate.ValidateCommand;
import org.llmstrategy.workbook.TidyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(ValidateCommand.NAME)) {
      System.exit(ValidateCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
    }
    if (args.length > 0 && args[0].equals(TidyCommand.NAME)) {
      System.exit(TidyCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
    }
    SpringApplication.run(Application.class, args);
  }
}
