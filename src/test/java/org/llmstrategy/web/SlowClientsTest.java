package org.llmstrategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 250 clients that send a request's headers and then its body a byte at a time, more than Tomcat's
 * 200 request threads. Each used to hold a thread while it trickled, and with 205 of them the
 * service answered nobody. Bodies are now read without a thread: ordinary requests are answered
 * while the slow clients are still sending, and each slow client is answered 408 once
 * decision.request-body-timeout (10 s by default) has passed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SlowClientsTest {
  static final int SLOW_CLIENTS = 250;
  static final Duration GENEROUS = Duration.ofSeconds(20);

  @LocalServerPort int port;

  @Test
  void slowBodiesNeitherStarveOthersNorLastForever() throws Exception {
    List<Socket> slow = new ArrayList<>();
    AtomicBoolean trickling = new AtomicBoolean(true);
    Thread trickle = null;
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket s = new Socket("localhost", port);
        s.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
        s.getOutputStream()
            .write(
                ("POST /recommend HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 300\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      trickle = new Thread(() -> trickle(slow, trickling), "slow-clients");
      trickle.setDaemon(true);
      trickle.start();

      // ordinary clients, while every slow one is still sending
      HttpClient http = HttpClient.newBuilder().connectTimeout(GENEROUS).build();
      String body = Files.readString(Path.of("bench/requests/api-medium-weeks.json"));
      for (int i = 0; i < 3; i++) {
        var decision =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recommend"))
                    .timeout(GENEROUS)
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(body))
                    .build(),
                BodyHandlers.ofString());
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(decision.body()).contains("\"rulesVersion\"");
        var health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(GENEROUS)
                    .build(),
                BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
      }

      // and every slow client is cut off: a 408 problem, then the end of the connection
      for (Socket s : slow) {
        RawHttp.Answer answer = RawHttp.read(s.getInputStream());
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("/problems/request-timeout", "within 10 s");
        assertThat(answer.header("Connection")).isEqualTo("close");
      }
    } finally {
      trickling.set(false);
      if (trickle != null) {
        trickle.join(5_000);
      }
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  /**
   * A body that came with its headers is read at once, one still on its way is collected as it
   * arrives: the first half here is read with the headers and the rest after a pause, and the
   * answer is the one the whole body gets.
   */
  @Test
  void aBodyThatArrivesInPartsIsAnsweredAsTheWholeBody() throws Exception {
    byte[] body = Files.readAllBytes(Path.of("bench/requests/api-medium-weeks.json"));
    RawHttp.Answer whole =
        RawHttp.exchange(
            port,
            "POST /recommend HTTP/1.1",
            "Content-Type: application/json\r\n",
            new String(body, StandardCharsets.UTF_8));
    RawHttp.Answer inParts;
    try (Socket s = new Socket("localhost", port)) {
      s.setSoTimeout((int) GENEROUS.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /recommend HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(300);
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      inParts = RawHttp.read(s.getInputStream());
    }
    assertThat(whole.status()).isEqualTo(200);
    assertThat(inParts.status()).isEqualTo(200);
    assertThat(withoutTimes(inParts.body())).isEqualTo(withoutTimes(whole.body()));
  }

  /**
   * The answer's clock readings (the decision's date and time) are the only expected difference.
   */
  private static String withoutTimes(String answer) {
    return answer.replaceAll("\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[^\"]*\"", "\"time\"");
  }

  /** A space to every slow client each second, until the server closes on it. */
  private static void trickle(List<Socket> slow, AtomicBoolean trickling) {
    while (trickling.get()) {
      for (Socket s : slow) {
        try {
          OutputStream out = s.getOutputStream();
          out.write(' ');
          out.flush();
        } catch (IOException closedByServer) {
          // expected once it has been answered
        }
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
