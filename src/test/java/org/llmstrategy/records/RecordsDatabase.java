package org.llmstrategy.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh database for one test of the records: an H2 file in a folder of its own, or a schema of
 * its own in the PostgreSQL that {@value #URL} names (CI's). Each can be taken down and brought
 * back, as a database server goes away and returns.
 */
abstract class RecordsDatabase implements AutoCloseable {
  static final String URL = "DECISION_TEST_POSTGRES_URL";
  static final String USER = "DECISION_TEST_POSTGRES_USER";
  static final String PASSWORD = "DECISION_TEST_POSTGRES_PASSWORD";

  /** The spring.datasource.* properties the service is started with. */
  abstract Map<String, String> properties();

  /** How the service names it in a 503 and the health (part of the text is enough). */
  abstract String named();

  abstract void takeDown() throws Exception;

  abstract void bringBack() throws Exception;

  /** Makes the database refuse every write as a full disk does, until {@link #makeRoom}. */
  abstract void fill() throws Exception;

  abstract void makeRoom() throws Exception;

  /** The ids of the decisions on record, read with a connection of its own. */
  java.util.Set<String> storedIds() throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT id FROM decision_record")) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class).toString());
      }
    }
    return ids;
  }

  /** A connection to the records' schema, as the service's. */
  abstract Connection connect() throws SQLException;

  /** Whether anything was written to it at all (a table, a file). */
  abstract boolean holdsAnything() throws Exception;

  /** The properties as command-line arguments of a child JVM. */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    properties().forEach((k, v) -> args.add("--" + k + "=" + v));
    return args;
  }

  /**
   * The embedded default: an H2 file, with IFEXISTS so that, once the file is moved away, the
   * database is gone rather than created afresh (as a server that went away).
   */
  static final class H2File extends RecordsDatabase {
    private final Path dir;
    private final Path away;
    private final boolean fillable;

    H2File(Path parent) throws Exception {
      this(parent, false);
    }

    /**
     * @param fillable on {@link FillableFileSystem}, in this JVM only (the service in process, not
     *     a child JVM), so that {@link #fill} can make its disk full
     */
    H2File(Path parent, boolean fillable) throws Exception {
      this.dir = Files.createDirectories(parent.resolve("data"));
      this.away = parent.resolve("data-away");
      this.fillable = fillable;
      if (fillable) {
        FillableFileSystem.register();
      }
      try (Connection c = DriverManager.getConnection(url(false))) {
        c.createStatement().execute("SELECT 1"); // creates the empty database file
      }
    }

    private String url(boolean ifExists) {
      return "jdbc:h2:"
          + (fillable ? FillableFileSystem.PREFIX : "file:")
          + dir.resolve("decisions")
          + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
          + (ifExists ? ";IFEXISTS=TRUE" : "");
    }

    @Override
    Map<String, String> properties() {
      return Map.of("spring.datasource.url", url(true));
    }

    @Override
    String named() {
      return "the embedded database " + dir.resolve("decisions"); // no file-system prefix
    }

    @Override
    void takeDown() throws Exception {
      try (Connection c = DriverManager.getConnection(url(true))) {
        c.createStatement().execute("SHUTDOWN");
      }
      Files.move(dir, away);
    }

    /** Back where it was (over what the service's attempts to reconnect left there). */
    @Override
    void bringBack() throws Exception {
      if (Files.exists(dir)) {
        try (Stream<Path> leftovers = Files.walk(dir)) {
          for (Path p : leftovers.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.move(away, dir);
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url(true));
    }

    @Override
    void fill() {
      if (!fillable) {
        throw new IllegalStateException("only an H2File made fillable can be filled");
      }
      FillableFileSystem.full = true;
    }

    @Override
    void makeRoom() {
      FillableFileSystem.full = false;
    }

    @Override
    boolean holdsAnything() throws Exception {
      try (Connection c = DriverManager.getConnection(url(true));
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
                          + " 'PUBLIC'")) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }

    /** The database's own files, for the test of records off. */
    List<Path> files() throws Exception {
      try (Stream<Path> s = Files.list(dir)) {
        return s.toList();
      }
    }

    @Override
    public void close() {
      makeRoom();
    }
  }

  /**
   * A schema of its own in CI's PostgreSQL, dropped afterwards. Taken down from the server's
   * maintenance database: a database cannot refuse connections while it is the current one.
   */
  static final class Postgres extends RecordsDatabase {
    private final String url;
    private final String user;
    private final String password;
    private final String schema = "records_" + UUID.randomUUID().toString().replace("-", "");
    private final String database;

    Postgres(String url, String user, String password) throws SQLException {
      this.url = url;
      this.user = user;
      this.password = password;
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
        ResultSet rs = s.executeQuery("SELECT current_database()");
        rs.next();
        this.database = rs.getString(1);
      }
    }

    private Connection server() throws SQLException {
      return DriverManager.getConnection(
          url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1postgres"), user, password);
    }

    @Override
    Map<String, String> properties() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put(
          "spring.datasource.url",
          url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      p.put("spring.datasource.username", user);
      p.put("spring.datasource.password", password);
      return p;
    }

    @Override
    String named() {
      return "PostgreSQL at ";
    }

    /** No connection is accepted, and those open are ended: as a server that went away. */
    @Override
    void takeDown() throws SQLException {
      try (Connection c = server();
          Statement s = c.createStatement()) {
        s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "'");
      }
    }

    @Override
    void bringBack() throws SQLException {
      try (Connection c = server();
          Statement s = c.createStatement()) {
        s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
      }
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(properties().get("spring.datasource.url"), user, password);
    }

    /**
     * Every insert into the records is refused as PostgreSQL refuses a write on a full disk:
     * SQLSTATE 53100 (disk_full, class 53 "insufficient resources") and the server's own words.
     */
    @Override
    void fill() throws SQLException {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE FUNCTION "
                + schema
                + ".disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
                + " 'could not extend file \"base/16384/16385\": No space left on device' USING"
                + " ERRCODE = 'disk_full', HINT = 'Check free disk space.'; END $$");
        s.execute(
            "CREATE TRIGGER disk_full BEFORE INSERT ON "
                + schema
                + ".decision_record FOR EACH STATEMENT EXECUTE FUNCTION "
                + schema
                + ".disk_full()");
      }
    }

    @Override
    void makeRoom() throws SQLException {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP TRIGGER IF EXISTS disk_full ON " + schema + ".decision_record");
      }
    }

    @Override
    boolean holdsAnything() throws SQLException {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                      + schema
                      + "'")) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }

    @Override
    public void close() throws SQLException {
      bringBack();
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
