package org.llmstrategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reading of a query that decides which parameters Tomcat would fail on. */
class QueryParametersTest {

  @ParameterizedTest(name = "{0} decodes to \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "GPT-4o|GPT-4o",
        "a+b|a b",
        "%C3%A9t%c3%a9|été",
        "%E2%82%AC|€",
        "100%25|100%",
        "''|''"
      })
  void readableTextDecodes(String raw, String decoded) {
    assertThat(QueryParameters.decode(raw)).contains(decoded);
  }

  @ParameterizedTest(name = "{0} is not %-encoded UTF-8")
  @ValueSource(strings = {"%ff", "%zz", "%", "%4", "abc%", "%e2%82", "%c0%af", "%ed%a0%80"})
  void badEscapesAndBytesThatAreNotUtf8AreUnreadable(String raw) {
    assertThat(QueryParameters.decode(raw)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"q=%ff", "provider=OpenAI&q=%ff&page=1", "q=%ff&q=ok"})
  void theBadParameterIsNamed(String query) {
    assertThat(QueryParameters.unreadable(query))
        .extracting(QueryParameters.Unreadable::problem)
        .extracting(p -> p.field())
        .containsExactly("q");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "q=GPT", "q=", "q", "&&q=1&", "q=a%20b&page=2"})
  void goodQueriesHaveNone(String query) {
    assertThat(QueryParameters.unreadable(query)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"%ff=1", "%ff"})
  void anUnreadableNameIsNamedAsSent(String query) {
    var bad = QueryParameters.unreadable(query);
    assertThat(bad).hasSize(1);
    assertThat(bad.get(0).name()).isEqualTo(Optional.empty());
    assertThat(bad.get(0).problem().field()).isEqualTo("%ff");
    assertThat(bad.get(0).problem().message()).contains("name");
  }

  @org.junit.jupiter.api.Test
  void aLongNameIsShortened() {
    String name = "n".repeat(500);
    var bad = QueryParameters.unreadable(name + "=%ff");
    assertThat(bad.get(0).problem().field()).hasSizeLessThan(QueryParameters.MAX_NAME_CHARS + 2);
  }
}
