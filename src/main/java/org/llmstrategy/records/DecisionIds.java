package org.llmstrategy.records;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of decisions: UUIDs of version 7 (RFC 9562: 48 bits of Unix milliseconds, then random bits),
 * so an id is unguessable enough to cite and new rows land at the end of the primary key's index
 * instead of all over it, on H2 and PostgreSQL alike.
 */
final class DecisionIds {
  private final SecureRandom random = new SecureRandom();

  UUID next(long epochMillis) {
    long randA = random.nextInt() & 0xfffL; // 12 bits
    long randB = random.nextLong();
    long high = (epochMillis & 0xffff_ffff_ffffL) << 16 | 0x7000L | randA;
    long low = (randB & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L; // variant 10
    return new UUID(high, low);
  }
}
