// What one decision on record costs the store, without the web stack (BENCHMARKS.md, "Decisions on
// record"): one thread inserts N records into a table shaped as db/migration's, in JDBC batches of
// BATCH per transaction (the group commit's size under load: `decision_records_commit_size` on
// /actuator/prometheus; 2 on average under bench/ab.sh's 32 connections on this 2-core machine),
// three rounds; prints the process's CPU (every thread: the store's own writer and compaction
// included) and wall time per record, and how much the database file grew per record.
//
// The answers are real ones, cycled: every *.json in ANSWERS (a folder), saved from POST /recommend:
//   for f in bench/requests/*.json; do curl -s -X POST localhost:8080/recommend \
//     -H 'Content-Type: application/json' -d @$f -o /tmp/answers/$(basename $f); done
// Ids are time-ordered (UUID v7, as DecisionIds makes them).
//
// LAYOUT (how a record is stored), ENCODING/INDEXES:
//   bytea    request and answer as BYTEA, as read and served (db/migration V1)
//   deflate  request and answer deflated (java.util.zip, level -DLEVEL=1) on the inserting thread
//   blob     request and answer as BLOB
//   /2 the indexes of V1 (decided_at; recommendation, decided_at), /1 decided_at only, /0 none
//
//   ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp
//   java -cp "$(cat /tmp/cp)" bench/RecordCost.java "jdbc:h2:file:/tmp/rc/d;WRITE_DELAY=0" 2 3000 /tmp/answers deflate/1
//   java -cp "$(cat /tmp/cp)" bench/RecordCost.java jdbc:postgresql://localhost:5432/decisions 2 3000 /tmp/answers deflate/1 decisions decisions
import java.io.*;
import java.lang.management.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.zip.*;

public class RecordCost {
  public static void main(String[] a) throws Exception {
    String url = a[0];
    int batch = Integer.parseInt(a[1]);
    int n = Integer.parseInt(a[2]);
    List<byte[]> answers = new ArrayList<>();
    try (var files = Files.list(Path.of(a[3]))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        answers.add(Files.readAllBytes(p));
      }
    }
    String layout = a.length > 4 ? a[4] : "bytea/2";
    int indexes = layout.contains("/") ? Integer.parseInt(layout.substring(layout.indexOf('/') + 1)) : 2;
    int rounds = Integer.parseInt(System.getProperty("ROUNDS", "3"));
    int level = Integer.parseInt(System.getProperty("LEVEL", "1"));
    byte[] request =
        "{\"dataSensitivity\":\"PUBLIC\",\"monthlyTokens\":5000000,\"timeToProduction\":\"DAYS\",\"upfrontBudgetUsd\":0}"
            .getBytes();
    Connection c = DriverManager.getConnection(url, a.length > 5 ? a[5] : "", a.length > 6 ? a[6] : "");
    Statement s = c.createStatement();
    s.execute("DROP TABLE IF EXISTS bench_record");
    String bytes = layout.startsWith("blob") ? (url.contains("postgresql") ? "BYTEA" : "BLOB") : "BYTEA";
    s.execute(
        "CREATE TABLE bench_record (id UUID NOT NULL PRIMARY KEY, decided_at TIMESTAMP WITH TIME ZONE"
            + " NOT NULL, rules_version VARCHAR(64) NOT NULL, rules_commit VARCHAR(64), recommendation"
            + " VARCHAR(16), explain VARCHAR(16), request "
            + bytes
            + " NOT NULL, answer "
            + bytes
            + " NOT NULL)");
    if (indexes >= 1) {
      s.execute("CREATE INDEX bench_record_at ON bench_record (decided_at)");
    }
    if (indexes >= 2) {
      s.execute("CREATE INDEX bench_record_rec ON bench_record (recommendation, decided_at)");
    }
    boolean deflate = layout.startsWith("deflate");
    Deflater deflater = new Deflater(level);
    byte[] buffer = new byte[64 * 1024];
    Path file = url.startsWith("jdbc:h2:file:") ? Path.of(url.substring(13).replaceAll(";.*", "") + ".mv.db") : null;
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.security.SecureRandom random = new java.security.SecureRandom();
    long stored = 0, served = 0;
    int k = 0;
    for (int round = 0; round < rounds; round++) {
      long size0 = file == null ? 0 : Files.size(file);
      long cpu0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
      long own0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      for (int i = 0; i < n; i += batch) {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_record VALUES (?,?,?,?,?,?,?,?)")) {
          for (int j = 0; j < batch; j++) {
            byte[] answer = answers.get(k++ % answers.size());
            byte[] req = request;
            if (deflate) {
              answer = deflate(deflater, buffer, answer);
              req = deflate(deflater, buffer, request);
            }
            stored += answer.length;
            served += answers.get((k - 1) % answers.size()).length;
            long ms = System.currentTimeMillis();
            p.setObject(1, new UUID((ms << 16) | 0x7000L | (random.nextInt() & 0xfff), random.nextLong() >>> 2 | 1L << 63));
            p.setObject(2, java.time.OffsetDateTime.now());
            p.setString(3, "90f5bc044541");
            p.setString(4, null);
            p.setString(5, "API");
            p.setString(6, null);
            p.setBytes(7, req);
            p.setBytes(8, answer);
            p.addBatch();
          }
          p.executeBatch();
          c.commit();
        }
        c.setAutoCommit(true);
      }
      long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - wall0;
      long own = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - own0;
      long grew = file == null ? 0 : Files.size(file) - size0;
      System.out.printf(
          "%s %s batch=%d: %d us CPU (process), %d us (inserting thread) and %d us wall per record; file +%d B per record; answer stored %d%% of served%n",
          url.replaceAll(";.*", ""), layout, batch, cpu / 1000 / n, own / 1000 / n, wall / 1000 / n, grew / n, 100 * stored / served);
    }
    if (Boolean.getBoolean("THREADS")) {
      threads();
    }
  }

  /** Where the process's CPU went, by thread (GC and compiler threads included): -DTHREADS=true. */
  static void threads() throws IOException {
    Map<String, Long> ticks = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : tasks.toList()) {
        String stat = Files.readString(t.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
      }
    }
    ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
        .forEach(e -> System.out.printf("  %-24s %d ms%n", e.getKey(), e.getValue() * 10));
  }

  static byte[] deflate(Deflater d, byte[] buffer, byte[] in) {
    d.reset();
    d.setInput(in);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 3);
    while (!d.finished()) {
      out.write(buffer, 0, d.deflate(buffer));
    }
    return out.toByteArray();
  }
}
