package org.llmstrategy.rules.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one DRL text the way the compiler will and finds every construct that reaches outside the
 * fact model: process execution, {@code System}, reflection, class loading, threads, file and
 * network I/O, {@code new} of anything but facts and plain values, and imports or fully qualified
 * names outside an allowlist. A rule is Java once compiled (the executable model generates Java
 * from every constraint and consequence), and nothing in Drools stops Java from doing anything.
 *
 * <p>Text inside string literals and comments is data, not code, and is not judged; everything else
 * is. The lexer errs towards code: a quote left open ends at the end of its line, and Unicode
 * escapes, which javac would decode before reading anything (even inside comments), are refused.
 */
final class DrlLint {
  /** One forbidden construct: the 1-based DRL line, what was found, and why it is refused. */
  record Finding(int line, String construct, String why) {}

  static final String ALLOWED =
      "rules may only use the fact model (org.llmstrategy.facts), the cost arithmetic"
          + " (org.llmstrategy.cost), java.util, java.math and basic java.lang types";

  private static final String IDENTIFIER = "[A-Za-z_$][\\w$]*";
  private static final String QUALIFIED = IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")*";

  /** First segments of package names: a dotted name starting so is a fully qualified name. */
  private static final Set<String> ROOT_PACKAGES =
      Set.of(
          "java", "javax", "jdk", "sun", "com", "org", "net", "io", "jakarta", "groovy", "kotlin",
          "scala", "mvel2");

  /** java.lang types a rule may name: values, text, arithmetic, the boxes. */
  private static final Set<String> LANG_ALLOWED =
      Set.of(
          "String",
          "StringBuilder",
          "CharSequence",
          "Math",
          "StrictMath",
          "Integer",
          "Long",
          "Short",
          "Byte",
          "Double",
          "Float",
          "Boolean",
          "Character",
          "Number",
          "Comparable",
          "Iterable",
          "Object",
          "Enum");

  /** java.util types that are not plain data: class loading, threads, files. */
  private static final Set<String> UTIL_DENIED =
      Set.of(
          "ServiceLoader",
          "Timer",
          "TimerTask",
          "ResourceBundle",
          "PropertyResourceBundle",
          "ListResourceBundle",
          "Scanner",
          "Formatter");

  /** What {@code new} may make beyond facts: collections and values. */
  private static final Set<String> NEW_ALLOWED =
      Set.of(
          "ArrayList",
          "LinkedList",
          "HashMap",
          "LinkedHashMap",
          "TreeMap",
          "HashSet",
          "LinkedHashSet",
          "TreeSet",
          "ArrayDeque",
          "EnumMap",
          "StringJoiner",
          "BigDecimal",
          "BigInteger",
          "MathContext",
          "String",
          "StringBuilder",
          "int",
          "long",
          "short",
          "byte",
          "double",
          "float",
          "boolean",
          "char");

  private static final String FACTS = "org.llmstrategy.facts.";
  private static final String COST = "org.llmstrategy.cost.";

  /** Names that are refused wherever they stand in code, with the reason. */
  private static final Map<String, String> DENIED_NAMES = new LinkedHashMap<>();

  /** Members that are refused after a dot or {@code ::}, whatever they are called on. */
  private static final Map<String, String> DENIED_MEMBERS = new LinkedHashMap<>();

  static {
    deny(
        DENIED_NAMES, "process execution", "Runtime", "Process", "ProcessBuilder", "ProcessHandle");
    deny(DENIED_NAMES, "System: exit, properties, environment", "System");
    deny(
        DENIED_NAMES,
        "reflection",
        "Class",
        "ClassValue",
        "Method",
        "Field",
        "Constructor",
        "AccessibleObject",
        "Proxy",
        "MethodHandles",
        "MethodHandle",
        "VarHandle",
        "Unsafe",
        "StackWalker",
        "Module",
        "ModuleLayer");
    deny(
        DENIED_NAMES,
        "class loading",
        "ClassLoader",
        "URLClassLoader",
        "ServiceLoader",
        "ResourceBundle",
        "Compiler",
        "ScriptEngineManager",
        "InitialContext");
    deny(
        DENIED_NAMES,
        "threads",
        "Thread",
        "ThreadGroup",
        "ThreadLocal",
        "InheritableThreadLocal",
        "Executors",
        "Executor",
        "ExecutorService",
        "ScheduledExecutorService",
        "ForkJoinPool",
        "CompletableFuture",
        "Timer",
        "TimerTask");
    deny(
        DENIED_NAMES,
        "file I/O",
        "File",
        "Files",
        "Path",
        "Paths",
        "FileSystem",
        "FileSystems",
        "FileInputStream",
        "FileOutputStream",
        "FileReader",
        "FileWriter",
        "RandomAccessFile",
        "FileChannel",
        "InputStream",
        "OutputStream",
        "PrintStream",
        "PrintWriter",
        "ObjectInputStream",
        "ObjectOutputStream",
        "Scanner",
        "Formatter",
        "JarFile",
        "ZipFile");
    deny(
        DENIED_NAMES,
        "network I/O",
        "Socket",
        "ServerSocket",
        "DatagramSocket",
        "SocketChannel",
        "URL",
        "URI",
        "URLConnection",
        "HttpURLConnection",
        "HttpClient",
        "InetAddress");
    deny(DENIED_NAMES, "the engine's own handle, beyond the facts", "drools", "kcontext");
    deny(DENIED_MEMBERS, "process execution", "exec", "getRuntime");
    deny(
        DENIED_MEMBERS,
        "System: exit, properties, environment",
        "exit",
        "halt",
        "getenv",
        "getProperty",
        "getProperties",
        "setProperty",
        "setProperties",
        "clearProperty",
        "getInteger",
        "getLong",
        "getBoolean",
        "load",
        "loadLibrary");
    deny(
        DENIED_MEMBERS,
        "reflection",
        "getClass",
        "forName",
        "newInstance",
        "getMethod",
        "getMethods",
        "getDeclaredMethod",
        "getDeclaredMethods",
        "getField",
        "getFields",
        "getDeclaredField",
        "getDeclaredFields",
        "getConstructor",
        "getConstructors",
        "getDeclaredConstructor",
        "getDeclaredConstructors",
        "setAccessible",
        "invoke",
        "invokeExact",
        "lookup",
        "privateLookupIn");
    deny(
        DENIED_MEMBERS,
        "class loading",
        "getClassLoader",
        "getContextClassLoader",
        "loadClass",
        "defineClass");
    deny(DENIED_MEMBERS, "threads", "wait", "notify", "notifyAll");
  }

  private static final Pattern DENIED_NAME =
      Pattern.compile("(?<![\\w$.])(" + String.join("|", DENIED_NAMES.keySet()) + ")(?![\\w$])");
  private static final Pattern DENIED_MEMBER =
      Pattern.compile(
          "(?:\\.|::)\\s*(" + String.join("|", DENIED_MEMBERS.keySet()) + ")(?![\\w$])");
  private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class(?![\\w$])");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{4}");
  private static final Pattern PACKAGE =
      Pattern.compile("(?m)^[ \\t]*package[ \\t]+(" + QUALIFIED + ")[ \\t]*;?");
  private static final Pattern IMPORT =
      Pattern.compile(
          "(?m)^[ \\t]*import[ \\t]+(?:(static|function|accumulate)[ \\t]+)?("
              + QUALIFIED
              + "(?:\\s*\\.\\s*\\*)?)[^;\\n]*;?");
  private static final Pattern ROOTED_NAME =
      Pattern.compile(
          "(?<![\\w$.])((?:" + String.join("|", ROOT_PACKAGES) + ")\\s*\\.\\s*" + QUALIFIED + ")");
  private static final Pattern NEW = Pattern.compile("(?<![\\w$])new\\s+(" + QUALIFIED + ")");
  private static final Pattern DECLARE =
      Pattern.compile(
          "(?m)^[ \\t]*declare[ \\t]+(?:enum[ \\t]+|trait[ \\t]+)?(" + IDENTIFIER + ")");

  private DrlLint() {}

  private static void deny(Map<String, String> into, String why, String... names) {
    for (String n : names) {
      into.put(n, why);
    }
  }

  /** Every forbidden construct in a DRL text, in order of appearance. */
  static List<Finding> scan(String drl) {
    Lines lines = new Lines(drl);
    List<Finding> findings = new ArrayList<>();
    Matcher escape = UNICODE_ESCAPE.matcher(drl);
    while (escape.find()) {
      findings.add(
          new Finding(
              lines.at(escape.start()),
              "the Unicode escape " + escape.group(),
              "javac decodes it before reading the code, so it can hide any construct; write the"
                  + " character itself"));
    }
    StringBuilder code = new StringBuilder(codeOnly(drl));
    Matcher pkg = PACKAGE.matcher(code);
    while (pkg.find()) {
      String name = normalise(pkg.group(1));
      if (ROOT_PACKAGES.contains(name.split("\\.", 2)[0])) {
        findings.add(
            new Finding(
                lines.at(pkg.start(1)),
                "package " + name,
                "rule packages are plain names such as decision, never a package of the service,"
                    + " the JDK or a library"));
      }
      blank(code, pkg.start(), pkg.end());
    }
    Matcher imp = IMPORT.matcher(code);
    while (imp.find()) {
      String name = normalise(imp.group(2));
      String kind = imp.group(1);
      boolean allowed =
          "accumulate".equals(kind)
              ? false
              : "function".equals(kind) || "static".equals(kind)
                  ? allowedName(withoutLastSegment(name))
                  : allowedName(name);
      if (!allowed) {
        findings.add(
            new Finding(
                lines.at(imp.start(2)),
                "import " + (kind == null ? "" : kind + " ") + name,
                "an import outside the allowlist"));
      }
      blank(code, imp.start(), imp.end());
    }
    Set<String> declared = new java.util.HashSet<>();
    Matcher declare = DECLARE.matcher(code);
    while (declare.find()) {
      declared.add(declare.group(1));
    }
    Matcher rooted = ROOTED_NAME.matcher(code);
    while (rooted.find()) {
      String name = normalise(rooted.group(1));
      if (!allowedName(name)) {
        findings.add(new Finding(lines.at(rooted.start(1)), name, "a class outside the allowlist"));
      }
    }
    Matcher newMatch = NEW.matcher(code);
    while (newMatch.find()) {
      String type = normalise(newMatch.group(1));
      if (!newAllowed(type, declared)) {
        findings.add(
            new Finding(
                lines.at(newMatch.start()),
                "new " + type,
                "rules may create facts, collections and values only"));
      }
    }
    Matcher name = DENIED_NAME.matcher(code);
    while (name.find()) {
      findings.add(
          new Finding(lines.at(name.start(1)), name.group(1), DENIED_NAMES.get(name.group(1))));
    }
    Matcher member = DENIED_MEMBER.matcher(code);
    while (member.find()) {
      findings.add(
          new Finding(
              lines.at(member.start(1)),
              "." + member.group(1),
              DENIED_MEMBERS.get(member.group(1))));
    }
    Matcher literal = CLASS_LITERAL.matcher(code);
    while (literal.find()) {
      findings.add(
          new Finding(lines.at(literal.start()), "a class literal (.class)", "reflection"));
    }
    findings.sort(java.util.Comparator.comparingInt(Finding::line));
    return List.copyOf(new java.util.LinkedHashSet<>(findings));
  }

  /**
   * Whether a dotted name stays inside the allowlist: the fact model, the cost arithmetic,
   * java.math, java.util's own classes (not its subpackages, nor the few that load classes, start
   * threads or open files) and basic java.lang types.
   */
  static boolean allowedName(String name) {
    if (name.startsWith(FACTS) || name.startsWith(COST) || name.equals(FACTS + "*")) {
      return true;
    }
    String[] parts = name.split("\\.");
    if (parts.length < 3 || !parts[0].equals("java")) {
      return false;
    }
    String type = parts[2];
    return switch (parts[1]) {
      case "math" -> true;
      case "util" ->
          type.equals("*")
              || (Character.isUpperCase(type.charAt(0)) && !UTIL_DENIED.contains(type));
      case "lang" -> LANG_ALLOWED.contains(type);
      default -> false;
    };
  }

  private static boolean newAllowed(String type, Set<String> declared) {
    if (type.contains(".")) {
      return allowedName(type)
          && (type.startsWith("org.") || NEW_ALLOWED.contains(lastSegment(type)));
    }
    return NEW_ALLOWED.contains(type)
        || declared.contains(type)
        || isClassIn(FACTS, type)
        || isClassIn(COST, type);
  }

  /** Whether the fact model (or the cost package) has a class of that simple name. */
  private static boolean isClassIn(String packagePrefix, String simpleName) {
    if (!simpleName.matches("[A-Z][\\w]*")) {
      return false;
    }
    try {
      Class.forName(packagePrefix + simpleName, false, DrlLint.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String normalise(String dotted) {
    return dotted.replaceAll("\\s+", "");
  }

  private static String lastSegment(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  private static String withoutLastSegment(String dotted) {
    int dot = dotted.lastIndexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }

  private static void blank(StringBuilder text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != '\n') {
        text.setCharAt(i, ' ');
      }
    }
  }

  /**
   * The text with the contents of string and character literals, text blocks and comments replaced
   * by spaces, line breaks kept, so that offsets and line numbers still match the original.
   */
  static String codeOnly(String drl) {
    StringBuilder out = new StringBuilder(drl);
    int i = 0;
    int n = drl.length();
    while (i < n) {
      char c = drl.charAt(i);
      if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
        int end = drl.indexOf('\n', i);
        end = end < 0 ? n : end;
        blank(out, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
        int end = drl.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(out, i, end);
        i = end;
      } else if (c == '"' && drl.startsWith("\"\"\"", i)) {
        int end = drl.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        blank(out, i + 3, Math.max(i + 3, end - 3));
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && drl.charAt(j) != c && drl.charAt(j) != '\n') {
          j += drl.charAt(j) == '\\' && j + 1 < n && drl.charAt(j + 1) != '\n' ? 2 : 1;
        }
        blank(out, i + 1, Math.min(j, n));
        i = j < n && drl.charAt(j) == c ? j + 1 : j;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  /** Offsets to 1-based line numbers. */
  private static final class Lines {
    private final int[] starts;

    Lines(String text) {
      List<Integer> s = new ArrayList<>();
      s.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          s.add(i + 1);
        }
      }
      starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    int at(int offset) {
      int i = java.util.Arrays.binarySearch(starts, offset);
      return i >= 0 ? i + 1 : -i - 1;
    }
  }
}
