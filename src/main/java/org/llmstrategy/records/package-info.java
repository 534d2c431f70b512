/**
 * Decisions on record: every answered POST /recommend kept in a database (an embedded H2 file under
 * ./data by default, PostgreSQL when {@code spring.datasource.url} names one), with its id, time,
 * rules version and commit, the request and the answer exactly as served; GET /decisions, GET
 * /decisions/{id} and /now (the same request under today's rules, and what changed); a sweeper that
 * keeps {@code decision.records.retention}; the replay of recent traffic reads the records. Writes
 * are group-committed by one writer thread: a request waits for the commit that holds its record,
 * never longer.
 */
package org.llmstrategy.records;
