package org.llmstrategy.recommend;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenAPI 3.1 document as a JSON Schema 2020-12 validator (networknt, the OpenAPI 3.1 dialect,
 * formats asserted): the schema of an operation's request body, of one of its responses, or of a
 * component, applied to a JSON value. Every answer says what the document does not allow, each
 * error prefixed with the document's name, so a failure says which of the two documents refused.
 */
final class OpenApiSchemas {
  private final String name;
  private final String iri;
  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiSchemas(String name, String iri, JsonNode document) {
    this.name = name;
    this.iri = iri;
    this.document = document;
    String text = JsonMapper.shared().writeValueAsString(document);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(iri, text))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /**
   * @param iri any absolute IRI the document is known by; nothing is fetched from it
   */
  static OpenApiSchemas of(String name, String iri, JsonNode document) {
    return new OpenApiSchemas(name, iri, document);
  }

  String name() {
    return name;
  }

  JsonNode document() {
    return document;
  }

  /** What the response schema of {@code method path} for this status and media type refuses. */
  List<String> response(
      String method, String path, int status, String mediaType, JsonNode body, String what) {
    String operation = "/paths/" + escape(path) + "/" + method.toLowerCase();
    if (document.at(operation).isMissingNode()) {
      return List.of(name + ": " + what + ": " + method + " " + path + " is not documented");
    }
    String response = operation + "/responses/" + status;
    if (document.at(response).isMissingNode()) {
      return List.of(
          name
              + ": "
              + what
              + ": status "
              + status
              + " of "
              + method
              + " "
              + path
              + " is not documented");
    }
    String media = response + "/content/" + escape(mediaType);
    if (document.at(media + "/schema").isMissingNode()) {
      return List.of(
          name
              + ": "
              + what
              + ": "
              + status
              + " of "
              + method
              + " "
              + path
              + " is documented"
              + " without a "
              + mediaType
              + " schema (documented: "
              + document.at(response + "/content").propertyNames()
              + ")");
    }
    return validate(media + "/schema", body, what);
  }

  /** What the request body schema of {@code method path} refuses. */
  List<String> request(String method, String path, JsonNode body, String what) {
    String schema =
        "/paths/"
            + escape(path)
            + "/"
            + method.toLowerCase()
            + "/requestBody/content/application~1json/schema";
    if (document.at(schema).isMissingNode()) {
      return List.of(name + ": " + what + ": " + method + " " + path + " documents no JSON body");
    }
    return validate(schema, body, what);
  }

  /** What the schema of a component (#/components/schemas/NAME) refuses. */
  List<String> component(String component, JsonNode value, String what) {
    return validate("/components/schemas/" + escape(component), value, what);
  }

  private List<String> validate(String pointer, JsonNode value, String what) {
    Schema schema =
        schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(iri + "#" + p)));
    List<String> errors = new ArrayList<>();
    schema.validate(value).forEach(e -> errors.add(name + ": " + what + ": " + e));
    return errors;
  }

  /** A JSON pointer token: ~ and / escaped. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
