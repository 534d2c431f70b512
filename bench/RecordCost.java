// What one decision on record costs the store, without the web stack (BENCHMARKS.md, "Decisions on
// record"): one thread inserts N copies of an answer (default: the README example's, saved from a
// POST /recommend) and a small request into a table shaped as db/migration's, in JDBC batches of
// BATCH per transaction, three rounds; prints process CPU and wall time per record.
//
//   ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp
//   curl -s -X POST localhost:8080/recommend -H 'Content-Type: application/json' \
//        -d @src/test/resources/examples/recommend-request.json > /tmp/answer.json
//   java -cp "$(cat /tmp/cp)" bench/RecordCost.java "jdbc:h2:file:/tmp/rc/d;WRITE_DELAY=0" 8 2000 /tmp/answer.json
//   java -cp "$(cat /tmp/cp)" bench/RecordCost.java jdbc:postgresql://localhost:5432/decisions 8 2000 /tmp/answer.json decisions decisions
import java.sql.*;
import java.lang.management.*;
import java.util.*;
public class RecordCost {
  public static void main(String[] a) throws Exception {
    byte[] answer = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(a[3]));
    byte[] request = "{\"dataSensitivity\":\"PUBLIC\",\"monthlyTokens\":5000000,\"timeToProduction\":\"DAYS\",\"upfrontBudgetUsd\":0}".getBytes();
    String url = a[0]; int batch = Integer.parseInt(a[1]); int n = Integer.parseInt(a[2]);
    Connection c = DriverManager.getConnection(url, a.length > 4 ? a[4] : "", a.length > 5 ? a[5] : "");
    Statement s = c.createStatement();
    s.execute("DROP TABLE IF EXISTS bench_record");
    s.execute("CREATE TABLE bench_record (id UUID NOT NULL PRIMARY KEY, decided_at TIMESTAMP WITH TIME ZONE NOT NULL, rules_version VARCHAR(64) NOT NULL, rules_commit VARCHAR(64), recommendation VARCHAR(16), explain VARCHAR(16), request BYTEA NOT NULL, answer BYTEA NOT NULL)");
    s.execute("CREATE INDEX bench_record_at ON bench_record (decided_at)");
    s.execute("CREATE INDEX bench_record_rec ON bench_record (recommendation, decided_at)");
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 3; round++) {
      long cpu0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(), wall0 = System.nanoTime();
      for (int i = 0; i < n; i += batch) {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_record VALUES (?,?,?,?,?,?,?,?)")) {
          for (int j = 0; j < batch; j++) {
            p.setObject(1, UUID.randomUUID()); p.setObject(2, java.time.OffsetDateTime.now()); p.setString(3, "90f5bc044541"); p.setString(4, null); p.setString(5, "API"); p.setString(6, null); p.setBytes(7, request); p.setBytes(8, answer); p.addBatch();
          }
          p.executeBatch(); c.commit();
        }
        c.setAutoCommit(true);
      }
      long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - cpu0, wall = System.nanoTime() - wall0;
      System.out.printf("%s batch=%d: %d us CPU (process) and %d us wall per record%n", url.replaceAll(";.*",""), batch, cpu / 1000 / n, wall / 1000 / n);
    }
  }
}
