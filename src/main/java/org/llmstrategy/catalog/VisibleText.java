package org.llmstrategy.catalog;

/**
 * Text from a price file as the import prints it for review. A model key, a mode or a refused value
 * is whatever the file holds, and a terminal acts on some of it: an ESC sequence clears the screen
 * or recolours the diff, a NUL or a bell, a bidi override (U+202E) or isolate shows a name
 * reversed, a zero-width character hides. Each such character is shown as its code ({@code \u001B})
 * instead, so the reviewer sees what the file holds and nothing is dropped.
 */
final class VisibleText {
  private VisibleText() {}

  static String of(String text) {
    if (text == null || text.codePoints().noneMatch(VisibleText::acts)) {
      return text;
    }
    StringBuilder shown = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (acts(c)) {
                shown.append(String.format("\\u%04X", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return shown.toString();
  }

  /**
   * Controls (C0, DEL, C1), formats (bidi overrides and isolates, zero-width characters, the BOM),
   * line and paragraph separators, and half a surrogate pair.
   */
  private static boolean acts(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}
