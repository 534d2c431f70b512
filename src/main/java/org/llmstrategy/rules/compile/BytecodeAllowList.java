package org.llmstrategy.rules.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * What the classes compiled from the rules may call, judged on the class file (what runs), not on
 * the text (what is written): the fact model, the project's cost arithmetic, {@code String}, {@code
 * Math}, the number boxes, {@code BigDecimal}, collections, functions and streams, a few {@code
 * java.time} types, and the part of Drools' executable model that the generated code itself calls.
 * Everything else is refused, and some families are refused wherever they appear, even in the
 * signature of an allowed call: reflection ({@code Class}, {@code java.lang.reflect}, method
 * handles), class loaders and {@code ProtectionDomain}, I/O and networking ({@code java.io}, {@code
 * java.nio}, {@code java.net}: {@code URI}, {@code URL}), threads, processes and {@code System}.
 *
 * <p>A reference is judged by the name the class file gives its owner: javac and ECJ name the type
 * of the receiver, so {@code Option.API.getDeclaringClass()} arrives as {@code
 * Option.getDeclaringClass} returning a {@code Class}, and is refused for what it returns.
 */
final class BytecodeAllowList {
  /** Why rules may use only this, in the words every refusal ends with. */
  static final String ALLOWED =
      "rules may only use the fact model (org.llmstrategy.facts), the cost arithmetic"
          + " (org.llmstrategy.cost), String, Math, the numbers, BigDecimal, collections and a few"
          + " java.time types, and may not loop (a loop belongs in a Java helper the rules call)";

  static final String REFLECTION = "reflection";
  static final String CLASS_LOADING = "class loading";
  static final String THREADS = "threads";
  static final String PROCESSES = "process execution";
  static final String SYSTEM = "System: exit, properties, environment, streams";
  static final String FILES = "file I/O";
  static final String NETWORK = "network I/O";
  static final String JDK_INTERNALS = "the JDK's internals";
  static final String ENGINE = "the engine's own handle, beyond insert, update and delete";
  static final String CLOCK = "the machine's clock: rules read today from the Today fact";
  static final String ENDLESS = "an endless or parallel stream";
  static final String SETTINGS = "settings of the whole service";
  static final String OUTSIDE = "outside what rules may call";

  /**
   * Type families refused wherever they appear: as owner, parameter or result. A name ending in
   * {@code /} is a package and all below it; any other is one class and its nested classes.
   */
  private static final List<Map.Entry<String, String>> FAMILIES =
      List.of(
          Map.entry("java/lang/reflect/", REFLECTION),
          Map.entry("java/lang/invoke/", REFLECTION),
          Map.entry("java/lang/constant/", REFLECTION),
          Map.entry("java/lang/ClassValue", REFLECTION),
          Map.entry("java/lang/Module", REFLECTION),
          Map.entry("java/lang/ModuleLayer", REFLECTION),
          Map.entry("java/lang/StackWalker", REFLECTION),
          Map.entry("java/lang/ClassLoader", CLASS_LOADING),
          Map.entry("java/security/", CLASS_LOADING),
          Map.entry("java/lang/instrument/", CLASS_LOADING),
          Map.entry("java/lang/Thread", THREADS),
          Map.entry("java/lang/ThreadGroup", THREADS),
          Map.entry("java/lang/ThreadLocal", THREADS),
          Map.entry("java/lang/InheritableThreadLocal", THREADS),
          Map.entry("java/util/concurrent/", THREADS),
          Map.entry("java/util/Timer", THREADS),
          Map.entry("java/util/TimerTask", THREADS),
          Map.entry("java/lang/Runtime", PROCESSES),
          Map.entry("java/lang/Process", PROCESSES),
          Map.entry("java/lang/ProcessBuilder", PROCESSES),
          Map.entry("java/lang/ProcessHandle", PROCESSES),
          Map.entry("java/lang/System", SYSTEM),
          Map.entry("java/io/", FILES),
          Map.entry("java/nio/", FILES),
          Map.entry("java/util/zip/", FILES),
          Map.entry("java/util/jar/", FILES),
          Map.entry("java/net/", NETWORK),
          Map.entry("javax/net/", NETWORK),
          Map.entry("java/net/http/", NETWORK),
          Map.entry("sun/", JDK_INTERNALS),
          Map.entry("jdk/", JDK_INTERNALS),
          Map.entry("com/sun/", JDK_INTERNALS));

  private static final Set<String> LANG =
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

  /** Exceptions a rule may create and throw (only made and read: no stack traces printed). */
  private static final Set<String> EXCEPTIONS =
      Set.of(
          "Throwable",
          "Exception",
          "RuntimeException",
          "IllegalArgumentException",
          "IllegalStateException",
          "ArithmeticException",
          "NullPointerException",
          "UnsupportedOperationException",
          "IndexOutOfBoundsException",
          "ClassCastException");

  private static final Set<String> EXCEPTION_MEMBERS =
      Set.of("<init>", "getMessage", "getLocalizedMessage", "toString");

  /** java.util classes that load classes, read files or start threads. */
  private static final Set<String> UTIL_DENIED =
      Set.of(
          "ServiceLoader",
          "ResourceBundle",
          "PropertyResourceBundle",
          "ListResourceBundle",
          "Scanner",
          "Formatter");

  /** The methods of Drools' consequence handle the executable model writes for a rule. */
  private static final Set<String> ENGINE_ALLOWED =
      Set.of("insert", "insertLogical", "update", "delete");

  /**
   * What the executable model's project class calls to describe the module (kie-api's model of
   * kmodule.xml): allowed there only, as it is generated whatever the rules say.
   */
  private static final List<String> PROJECT_MODEL_OWNERS =
      List.of(
          "org/kie/api/builder/model/",
          "org/kie/api/conf/",
          "org/kie/api/runtime/conf/",
          "org/kie/util/maven/support/ReleaseIdImpl");

  static final String PROJECT_MODEL_PREFIX = "org/drools/project/model/ProjectModel";

  private BytecodeAllowList() {}

  /**
   * Why a call to (or a field of) {@code owner.name} with this descriptor is refused, or null when
   * rules may use it. {@code generated} are the classes compiled from the rules themselves, whose
   * code is judged in turn.
   */
  static String refusal(
      String owner, String name, String desc, boolean field, String from, Set<String> generated) {
    if (owner.startsWith("[")) { // a method of an array: clone() of values()
      return "clone".equals(name) ? null : OUTSIDE;
    }
    if (owner.equals("java/lang/System") && name.equals("arraycopy")) {
      return null; // the copy enums' values() make; System's other members stay refused
    }
    String family = family(owner);
    if (family != null) {
      return family;
    }
    if (!field && (name.equals("wait") || name.equals("notify") || name.equals("notifyAll"))) {
      return THREADS;
    }
    Type type = field ? Type.getType(desc) : Type.getMethodType(desc);
    for (Type t : field ? List.of(type) : argumentsAndResult(type)) {
      String inSignature = family(internalName(t));
      if (inSignature != null) {
        return inSignature;
      }
    }
    if (!field && internalName(type.getReturnType()).equals("java/lang/Class")) {
      return REFLECTION; // getClass(), Enum.getDeclaringClass(), whatever the owner
    }
    if (owner.equals("java/lang/Class")) {
      return REFLECTION;
    }
    if (generated.contains(owner)) {
      return null;
    }
    if (from.startsWith(PROJECT_MODEL_PREFIX)
        && (PROJECT_MODEL_OWNERS.stream().anyMatch(owner::startsWith)
            || owner.equals("org/kie/api/KieServices")
                && (name.equals("get") || name.equals("newKieModuleModel")))) {
      return null;
    }
    return ownerRefusal(owner, name);
  }

  /** Whether an invokedynamic bootstrap is one javac or ECJ emit for a lambda or a concat. */
  static boolean allowedBootstrap(String owner, String name) {
    return owner.equals("java/lang/invoke/LambdaMetafactory")
            && (name.equals("metafactory") || name.equals("altMetafactory"))
        || owner.equals("java/lang/invoke/StringConcatFactory")
            && (name.equals("makeConcatWithConstants") || name.equals("makeConcat"));
  }

  private static String ownerRefusal(String owner, String name) {
    if (owner.startsWith("org/llmstrategy/facts/") || owner.startsWith("org/llmstrategy/cost/")) {
      return null;
    }
    if (owner.startsWith("java/math/")
        || owner.startsWith("java/util/function/")
        || owner.startsWith("java/util/regex/")) {
      return null;
    }
    if (owner.startsWith("java/util/stream/")) {
      return name.equals("iterate") || name.equals("generate") || name.startsWith("parallel")
          ? ENDLESS
          : null;
    }
    if (owner.startsWith("java/time/")) {
      return name.equals("now") || owner.equals("java/time/Clock")
          ? CLOCK
          : owner.startsWith("java/time/zone/") ? OUTSIDE : null;
    }
    if (owner.startsWith("java/util/") && owner.indexOf('/', "java/util/".length()) < 0) {
      String simple = outerSimpleName(owner);
      if (UTIL_DENIED.contains(simple)) {
        return simple.contains("Bundle") || simple.equals("ServiceLoader") ? CLASS_LOADING : FILES;
      }
      if (name.equals("setDefault")) {
        return SETTINGS; // Locale, TimeZone: the whole service's
      }
      return name.equals("parallelStream") ? ENDLESS : null;
    }
    if (owner.startsWith("java/lang/") && owner.indexOf('/', "java/lang/".length()) < 0) {
      String simple = owner.substring("java/lang/".length());
      if (LANG.contains(simple)) {
        return name.equals("getInteger") || name.equals("getLong") || name.equals("getBoolean")
            ? SYSTEM // Integer.getInteger & co. read system properties
            : null;
      }
      return EXCEPTIONS.contains(simple) && EXCEPTION_MEMBERS.contains(name) ? null : OUTSIDE;
    }
    if (owner.equals("org/drools/model/Drools")) {
      return ENGINE_ALLOWED.contains(name) ? null : ENGINE;
    }
    if (owner.startsWith("org/drools/model/")
        || owner.startsWith("org/drools/modelcompiler/dsl/")
        || owner.equals("org/drools/modelcompiler/util/EvaluationUtil")
        || owner.equals("org/drools/util/DateUtils")
        || owner.startsWith("org/drools/core/base/accumulators/")) {
      return null; // the executable model's DSL, and the built-in accumulate functions
    }
    if (owner.startsWith("org/kie/") || owner.startsWith("org/drools/")) {
      return ENGINE;
    }
    return OUTSIDE;
  }

  private static String family(String internalName) {
    for (Map.Entry<String, String> f : FAMILIES) {
      String k = f.getKey();
      if (k.endsWith("/")
          ? internalName.startsWith(k)
          : internalName.equals(k) || internalName.startsWith(k + "$")) {
        return f.getValue();
      }
    }
    return null;
  }

  private static List<Type> argumentsAndResult(Type method) {
    List<Type> all = new java.util.ArrayList<>(List.of(method.getArgumentTypes()));
    all.add(method.getReturnType());
    return all;
  }

  private static String internalName(Type t) {
    Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
    return element.getSort() == Type.OBJECT ? element.getInternalName() : "";
  }

  private static String outerSimpleName(String internalName) {
    String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
    int inner = simple.indexOf('$');
    return inner < 0 ? simple : simple.substring(0, inner);
  }

  /** How a refusal names what was called: {@code URI.toURL}, {@code new URL}, {@code Map.Entry}. */
  static String inWords(String owner, String name) {
    String simple = owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
    if (owner.startsWith("[")) {
      simple = "an array";
    }
    return switch (name) {
      case "<init>" -> "new " + simple;
      case "<clinit>" -> simple;
      default -> simple + "." + name;
    };
  }
}
