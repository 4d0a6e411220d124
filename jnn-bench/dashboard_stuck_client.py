#!/usr/bin/python3
"""Does a browser that never reads slow a fit down? jnn fit with --dashboard and a client connected to its event
stream that reads nothing, against the same fit without --dashboard, in alternating rounds.

The fit is an MLP on Fashion-MNIST (float32, 10 epochs by default; each epoch is one event). The stuck client
opens /events with a 1 KB receive buffer and never reads it. The figure is each side's best "Fitted in" time over
the rounds and their ratio (issue 31's target: at most 1.05).
    /usr/bin/python3 jnn-bench/dashboard_stuck_client.py [--rounds 3] [--epochs 10] [--data fashion-mnist]
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fit(args, dashboard):
    cmd = [os.path.join(ROOT, "jnn"), "fit", "--data", args.data, "--max-iter", str(args.epochs),
           "--n-iter-no-change", str(args.epochs), "--dtype", "float32", "--random-state", "0"]
    if dashboard:
        cmd.append("--dashboard")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stuck = []
    if dashboard:
        for line in proc.stdout:
            m = re.match(r"Dashboard: http://127\.0\.0\.1:(\d+)/", line)
            if m:
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
                s.connect(("127.0.0.1", int(m.group(1))))
                s.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                stuck.append(s)                      # never read
                break
    out, err = proc.communicate()
    for s in stuck:
        s.close()
    m = re.search(r"Fitted in ([0-9.]+) s", out) or re.search(r"fit_seconds\D+([0-9.]+)", out)
    if proc.returncode != 0 or not m:
        sys.exit("jnn fit failed (%d): %s" % (proc.returncode, err.strip().splitlines()[-1:] or out[-200:]))
    return float(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--data", default="fashion-mnist")
    a = ap.parse_args()
    plain, watched = [], []
    for _ in range(a.rounds):
        plain.append(fit(a, False))
        watched.append(fit(a, True))
    print("without --dashboard: %s s" % " ".join("%.2f" % t for t in plain))
    print("with a stuck client: %s s" % " ".join("%.2f" % t for t in watched))
    print("best with / best without: %.3f (target <= 1.05)" % (min(watched) / min(plain)))


if __name__ == "__main__":
    main()
