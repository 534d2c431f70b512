package org.llmstrategy.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two answers, for an analyst: every changed leaf named by its path, list
 * items by their name ({@code models["Claude Sonnet 4"].monthlyUsd: 30.00 → 35.00}, {@code
 * deployment.options[SELF_HOST].score: 1 → 3}) rather than their position, lists of texts as the
 * texts added and removed, and the trace of fired rules as the rules that now fire or no longer
 * fire. Works on any two JSON trees: lists of different lengths, nulls, missing fields. The impact
 * of a rules change on scenarios, and GET /decisions/{id}/now, speak these words.
 */
public final class AnswerDiff {
  /** The fields a list item is known by, in the order they are tried. */
  private static final List<String> ITEM_KEYS = List.of("name", "option", "code", "field", "rule");

  /** Lists that trace how an answer was reached: what matters is which rules are in them. */
  private static final Set<String> TRACES = Set.of("firedRules", "decidedBy");

  /** A text longer than this is shortened in a change line: the change, not the essay. */
  static final int MAX_TEXT = 80;

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_]+");

  private AnswerDiff() {}

  /** Every difference, in the order of the answer's fields. */
  public static List<String> changes(JsonNode before, JsonNode after) {
    List<String> changes = new ArrayList<>();
    diff("", before, after, changes);
    return changes;
  }

  private static void diff(String path, JsonNode before, JsonNode after, List<String> changes) {
    if (isNull(before) && isNull(after)) {
      return;
    }
    if (!isNull(before) && !isNull(after) && before.isObject() && after.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      before.propertyNames().forEach(names::add);
      after.propertyNames().forEach(names::add);
      for (String name : names) {
        diff(join(path, name), before.get(name), after.get(name), changes);
      }
    } else if (!isNull(before) && !isNull(after) && before.isArray() && after.isArray()) {
      diffLists(path, before, after, changes);
    } else if (isNull(before) || isNull(after) || !sameValue(before, after)) {
      changes.add(path + ": " + text(before) + " → " + text(after));
    }
  }

  private static void diffLists(String path, JsonNode before, JsonNode after, List<String> out) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    if (TRACES.contains(last)) {
      diffAsSets(path, names(before, "rule"), names(after, "rule"), true, out);
      return;
    }
    String key = itemKey(before, after);
    if (key != null) {
      Map<String, JsonNode> was = byKey(before, key);
      Map<String, JsonNode> now = byKey(after, key);
      Set<String> keys = new LinkedHashSet<>(was.keySet());
      keys.addAll(now.keySet());
      for (String k : keys) {
        String at = path + "[" + quoteKey(k) + "]";
        if (!was.containsKey(k)) {
          out.add(at + ": added");
        } else if (!now.containsKey(k)) {
          out.add(at + ": removed");
        } else {
          diff(at, was.get(k), now.get(k), out);
        }
      }
    } else if (allValues(before) && allValues(after)) {
      diffAsSets(path, texts(before), texts(after), false, out);
    } else {
      int common = Math.min(before.size(), after.size());
      for (int i = 0; i < common; i++) {
        diff(path + "[" + i + "]", before.get(i), after.get(i), out);
      }
      for (int i = common; i < after.size(); i++) {
        out.add(path + "[" + i + "]: added " + text(after.get(i)));
      }
      for (int i = common; i < before.size(); i++) {
        out.add(path + "[" + i + "]: removed " + text(before.get(i)));
      }
    }
  }

  /** Items as a set: what is new, what is gone; rules in one line each, texts one by one. */
  private static void diffAsSets(
      String path, List<String> before, List<String> after, boolean rules, List<String> out) {
    Set<String> gone = new LinkedHashSet<>(before);
    after.forEach(gone::remove);
    Set<String> come = new LinkedHashSet<>(after);
    before.forEach(come::remove);
    if (rules) {
      if (!come.isEmpty()) {
        out.add(path + ": now fires " + String.join(", ", new TreeSet<>(come)));
      }
      if (!gone.isEmpty()) {
        out.add(path + ": no longer fires " + String.join(", ", new TreeSet<>(gone)));
      }
      return;
    }
    come.forEach(t -> out.add(path + ": + " + quote(t)));
    gone.forEach(t -> out.add(path + ": - " + quote(t)));
  }

  /** The field every item of both lists has, with a value unique within each list. */
  private static String itemKey(JsonNode before, JsonNode after) {
    for (String key : ITEM_KEYS) {
      if (uniqueKey(before, key) && uniqueKey(after, key)) {
        return key;
      }
    }
    return null;
  }

  private static boolean uniqueKey(JsonNode list, String key) {
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode item : list) {
      JsonNode k = item.isObject() ? item.get(key) : null;
      if (k == null || !k.isValueNode() || k.isNull() || !seen.add(k.asString())) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, JsonNode> byKey(JsonNode list, String key) {
    Map<String, JsonNode> items = new LinkedHashMap<>();
    list.forEach(item -> items.put(item.get(key).asString(), item));
    return items;
  }

  private static List<String> names(JsonNode list, String key) {
    List<String> names = new ArrayList<>();
    for (JsonNode item : list) {
      JsonNode k = item.isObject() ? item.get(key) : item;
      names.add(k == null ? text(item) : k.isValueNode() ? k.asString() : text(k));
    }
    return names;
  }

  private static boolean allValues(JsonNode list) {
    for (JsonNode item : list) {
      if (!item.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add(item.isNull() ? "null" : item.asString()));
    return texts;
  }

  private static boolean isNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** Numbers compare as numbers: 3.0 and 3.00 are the same price. */
  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String quoteKey(String key) {
    return PLAIN_KEY.matcher(key).matches() ? key : "\"" + key + "\"";
  }

  /** A value for a change line: numbers plain, texts quoted and shortened, objects as JSON. */
  static String text(JsonNode node) {
    if (isNull(node)) {
      return "null";
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    if (node.isString()) {
      return quote(node.asString());
    }
    if (node.isValueNode()) {
      return node.asString();
    }
    return shorten(node.toString());
  }

  private static String quote(String text) {
    return "\"" + shorten(text) + "\"";
  }

  private static String shorten(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
