package org.llmstrategy.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmstrategy.recommend.request.CriteriaRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Makes the generated OpenAPI 3.1 document say what the service does, where the schema generator
 * cannot be told by an annotation (AnswersFollowTheContractTest validates every kind of answer
 * against it with a JSON Schema 2020-12 validator):
 *
 * <ul>
 *   <li>a nullable reference is {@code oneOf: [$ref, null]} (swagger-core writes {@code type: null}
 *       beside the {@code $ref}, which no value matches), and a nullable enum lists null;
 *   <li>what may be null in GET /rules and /rules/history says so (rules/live stays free of schema
 *       annotations);
 *   <li>the limits the request reader enforces on expectedAttempts (name length, value range, six
 *       decimals) are declared, and a sweep's criteria may leave out the swept field;
 *   <li>every status an operation answers is documented: 400 for a query string that cannot be read
 *       and 406 for an Accept without JSON, on every operation; 408 for a body that does not arrive
 *       in time; 503 when a decision does not end within its deadline.
 * </ul>
 *
 * Customizers run in no order one can rely on: a schema another customizer adds (RuleProblem) says
 * what may be null where it is made.
 */
@Configuration(proxyBeanMethods = false)
class ContractSchemas {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_REF = "#/components/schemas/Problem";

  /** Properties that are null in some answers, by schema: the rule set's status and history. */
  static final Map<String, List<String>> NULLABLE =
      Map.of(
          "RulesStatus",
          List.of("repository"),
          "Active",
          List.of("commit"),
          "Attempt",
          List.of("commit"),
          "Activation",
          List.of("commit", "rulesVersion"));

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  OpenApiCustomizer contractSchemasCustomizer() {
    return openApi -> {
      Map<String, Schema> schemas = schemas(openApi);
      NULLABLE.forEach(
          (schema, properties) ->
              properties.forEach(p -> markNullable(property(schemas.get(schema), p))));
      digits(schemas.get("CriteriaRequest"), CriteriaRequest.class);
      sweepCriteria(schemas);
      schemas.values().forEach(ContractSchemas::normaliseNullables);
      statuses(openApi);
    };
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> schemas(OpenAPI openApi) {
    return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
        ? Map.of()
        : openApi.getComponents().getSchemas();
  }

  private static Schema<?> property(Schema<?> schema, String name) {
    return schema == null || schema.getProperties() == null
        ? null
        : schema.getProperties().get(name);
  }

  static void markNullable(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    Set<String> types =
        schema.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(schema.getTypes());
    types.add("null");
    schema.setTypes(types);
  }

  /**
   * A nullable property, as OpenAPI 3.1 (JSON Schema 2020-12) reads it: a reference becomes {@code
   * oneOf: [$ref, {type: null}]} with the description kept; an enum lists null among its values.
   * Items of arrays are treated alike.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static void normaliseNullables(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(ContractSchemas::normaliseOne);
    }
    if (schema.getItems() != null) {
      normaliseOne(schema.getItems());
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void normaliseOne(Schema property) {
    if (property.getMultipleOf() != null) {
      // @Schema(multipleOf = 0.000001) arrives as 0.0000010 (through a double)
      property.setMultipleOf(property.getMultipleOf().stripTrailingZeros());
    }
    Set<String> types = property.getTypes();
    boolean nullable = types != null && types.contains("null");
    if (nullable && property.get$ref() != null) {
      String ref = property.get$ref();
      property.set$ref(null);
      property.setTypes(null);
      property.setOneOf(
          new ArrayList<>(List.of(new Schema<>().$ref(ref), new Schema<>().types(Set.of("null")))));
    } else if (nullable && property.getEnum() != null && !property.getEnum().contains(null)) {
      List<Object> values = new ArrayList<>(property.getEnum());
      values.add(null);
      property.setEnum(values);
    }
    normaliseNullables(property);
  }

  /**
   * The number limits the request reader enforces, declared from its own annotations so the two
   * cannot drift: {@code @Digits(integer = i, fraction = f)} is a value below 10^i in steps of
   * 10^-f; on expectedAttempts' values, with their {@code @DecimalMin}; and its model names are at
   * most as long as their {@code @Size} says, and not blank.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static void digits(Schema<?> schema, Class<? extends Record> type) {
    if (schema == null) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      Schema property = property(schema, component.getName());
      if (property == null) {
        continue;
      }
      limit(property, component.getAccessor().getAnnotation(Digits.class));
      if (component.getAnnotatedType() instanceof AnnotatedParameterizedType map
          && Map.class.isAssignableFrom(component.getType())) {
        AnnotatedType key = map.getAnnotatedActualTypeArguments()[0];
        AnnotatedType value = map.getAnnotatedActualTypeArguments()[1];
        Schema values = new Schema<>().types(new LinkedHashSet<>(Set.of("number")));
        DecimalMin min = value.getAnnotation(DecimalMin.class);
        if (min != null) {
          values.setMinimum(new BigDecimal(min.value()));
        }
        limit(values, value.getAnnotation(Digits.class));
        property.setAdditionalProperties(values);
        Size size = key.getAnnotation(Size.class);
        if (size != null) {
          property.setPropertyNames(new Schema<>().maxLength(size.max()).pattern("\\S"));
        }
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static void limit(Schema property, Digits digits) {
    if (digits == null) {
      return;
    }
    BigDecimal below = BigDecimal.TEN.pow(digits.integer());
    if (property.getMaximum() == null || property.getMaximum().compareTo(below) >= 0) {
      property.setMaximum(null);
      property.setExclusiveMaximumValue(below);
    }
    property.setMultipleOf(BigDecimal.ONE.movePointLeft(digits.fraction()));
  }

  /**
   * A sweep's criteria are a /recommend request whose numeric fields may be left out (the swept one
   * comes from from/to or values): the request's schema without numbers among its required.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void sweepCriteria(Map<String, Schema> schemas) {
    Schema<?> request = schemas.get("CriteriaRequest");
    Schema<?> criteria = property(schemas.get("SweepRequest"), "criteria");
    if (request == null || criteria == null || request.getRequired() == null) {
      return;
    }
    Schema sweepCriteria = new Schema<>();
    sweepCriteria.setTypes(request.getTypes());
    sweepCriteria.setAdditionalProperties(request.getAdditionalProperties());
    sweepCriteria.setProperties(new LinkedHashMap<>(request.getProperties()));
    sweepCriteria.setDescription(
        "A /recommend request (CriteriaRequest); the swept field may be left out of it (its values"
            + " come from from/to or values), so its numbers are not required here");
    sweepCriteria.setRequired(
        request.getRequired().stream()
            .filter(
                name -> {
                  Schema<?> p = request.getProperties().get(name);
                  return p.getEnum() != null
                      || p.getTypes() == null
                      || !(p.getTypes().contains("number") || p.getTypes().contains("integer"));
                })
            .toList());
    schemas.put("SweepCriteria", sweepCriteria);
    criteria.set$ref("#/components/schemas/SweepCriteria");
  }

  /**
   * 400 and 406 on every operation: a query string with bad %-encoding is answered 400 before any
   * controller runs, an Accept without JSON 406. 408 where a body is read (with a deadline). 503 on
   * the operations that decide: a decision past its deadline.
   */
  private static void statuses(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperations()
                    .forEach(
                        operation -> {
                          add(
                              operation,
                              "400",
                              "The query string cannot be read (a bad %-encoding, too many"
                                  + " parameters)");
                          add(
                              operation,
                              "406",
                              "The Accept header excludes application/json, the only answer");
                          if (operation.getRequestBody() != null) {
                            add(
                                operation,
                                "408",
                                "The body did not arrive within decision.request-body-timeout"
                                    + " (10 s by default); the connection is closed");
                          }
                          if (path.startsWith("/recommend")) {
                            add(
                                operation,
                                "503",
                                "The decision did not end within its deadline"
                                    + " (decision.deadline): the detail names the rule set; other"
                                    + " requests are answered meanwhile");
                          }
                        }));
  }

  private static void add(Operation operation, String status, String description) {
    ApiResponses responses = operation.getResponses();
    if (responses == null || responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(
        status,
        new ApiResponse()
            .description(description)
            .content(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
  }
}
