package org.llmstrategy.rules.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kie.api.builder.ReleaseId;

/**
 * The class files the executable model generated for a module, read as resources of its class
 * loader (read, not loaded: nothing of them runs), by the index of generated classes the module
 * carries.
 */
final class GeneratedClasses {
  static final String NAMES = "generated-class-names";

  private GeneratedClasses() {}

  /** Where the module's index of generated classes is. */
  static String index(ReleaseId id) {
    return "META-INF/kie/" + id.getGroupId() + "/" + id.getArtifactId() + "/" + NAMES;
  }

  /** Internal class name ({@code decision/P3D/LambdaPredicate…}) → class file. */
  static Map<String, byte[]> of(ClassLoader classes, ReleaseId id) {
    Map<String, byte[]> all = new LinkedHashMap<>();
    String names = new String(resource(classes, index(id)), StandardCharsets.UTF_8);
    for (String className : names.split("\\s+")) {
      if (!className.isBlank()) {
        String internal = className.replace('.', '/');
        all.put(internal, resource(classes, internal + ".class"));
      }
    }
    return all;
  }

  private static byte[] resource(ClassLoader classes, String name) {
    try (InputStream in = classes.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The compiled rules lack " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
