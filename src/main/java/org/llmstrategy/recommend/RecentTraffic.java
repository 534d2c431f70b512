package org.llmstrategy.recommend;

import java.util.List;
import org.llmstrategy.facts.Criteria;

/**
 * The last requests the service answered, oldest first, that a candidate rule set is replayed over
 * before it goes live: the decisions on record when records are on (the same on every replica and
 * across restarts), else this JVM's ring ({@link RecentRequests}).
 */
public interface RecentTraffic {
  List<Criteria> recent();
}
