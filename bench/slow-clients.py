#!/usr/bin/env python3
"""Slow clients: N connections that send a POST /recommend's headers, then trickle its body a byte at
a time. Each used to hold a server thread while it waited; bodies are now read without one, and each
slow client is answered 408 after decision.request-body-timeout (10 s). Run it beside an ordinary
request to see that the service still answers (BENCHMARKS.md, Tomcat's thread pool).

    bench/slow-clients.py PORT [CLIENTS=12] [SECONDS=25] [BYTE_EVERY=2]
"""
import socket
import sys
import threading
import time

port = int(sys.argv[1])
clients = int(sys.argv[2]) if len(sys.argv) > 2 else 12
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 25
every = float(sys.argv[4]) if len(sys.argv) > 4 else 2


def trickle():
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST /recommend HTTP/1.1\r\nHost: localhost\r\n"
                  b"Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
        end = time.time() + seconds
        try:
            while time.time() < end:
                time.sleep(every)
                s.sendall(b" ")
        except OSError:
            pass  # the server gave up on us: that is the point


for _ in range(clients):
    threading.Thread(target=trickle, daemon=True).start()
time.sleep(seconds)
