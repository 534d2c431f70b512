package org.llmstrategy.records;

import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.recommend.RecentTraffic;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent traffic a candidate rule set is replayed over, read from the decisions on record: the
 * last {@code decision.recent-requests} requests answered by any replica, still there after a
 * restart. Each is read by the same strict reader as POST /recommend.
 */
final class StoredTraffic implements RecentTraffic {
  private static final Logger log = LoggerFactory.getLogger(StoredTraffic.class);

  private final DecisionStore store;
  private final CriteriaReader reader;
  private final int size;

  StoredTraffic(DecisionStore store, CriteriaReader reader, int size) {
    this.store = store;
    this.reader = reader;
    this.size = size;
  }

  @Override
  public List<Criteria> recent() {
    if (size == 0) {
      return List.of();
    }
    List<Criteria> requests = new ArrayList<>();
    int unreadable = 0;
    for (byte[] request : store.lastRequests(size)) {
      try {
        requests.add(CriteriaMapping.toCriteria(reader.read(request)));
      } catch (InvalidRequestException e) {
        unreadable++; // a request of an older contract: it cannot be decided as it was sent
      }
    }
    if (unreadable > 0) {
      log.info(
          "{} of the last {} decisions on record are not valid requests today and are not replayed",
          unreadable,
          size);
    }
    return requests;
  }
}
