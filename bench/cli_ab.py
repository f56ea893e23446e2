#!/usr/bin/env python3
"""cli_ab.py — two roviec binaries and the sqlite3 shell, interleaved, on the
command-line rows of bench/run (the same commands and the same SQL as
bench/ops.c's cli_build).

    bench/cli_ab.py BEFORE AFTER DB CODE RARE COMMON TODAY [ROUNDS]

Each round runs, per row, BEFORE, AFTER and `sqlite3 -bail DB SQL` one
after the other (fork, exec, wait4; output to /dev/null), so a loaded
machine slows all three alike; prints the median wall and CPU (user+sys)
milliseconds and each binary's ratio over the shell.  CODE is a petition
with history, RARE and COMMON are folded search words (bench prints the
ones it picks), TODAY is the pinned date (ROVIEC_TODAY is set to it).
"""
import os
import statistics
import sys
import time

OPEN = "('received', 'classified', 'assigned', 'in_progress')"
PAGE = ("SELECT p.id, p.code, p.received, e.name, c.label_vi, c.code, a.code, p.deadline, p.status, p.title, "
        "p.version FROM petitions p JOIN enterprises e ON e.id = p.enterprise_id "
        "LEFT JOIN agencies a ON a.id = p.lead_agency_id LEFT JOIN categories c ON c.id = p.category_id")
SEARCH = ("SELECT p.id, p.code, p.received, e.name, c.label_vi, c.code, a.code, p.deadline, p.status, p.title, "
          "p.version FROM petition_search s JOIN petitions p ON p.id = s.rowid "
          "JOIN enterprises e ON e.id = p.enterprise_id LEFT JOIN agencies a ON a.id = p.lead_agency_id "
          "LEFT JOIN categories c ON c.id = p.category_id WHERE petition_search MATCH '\"%s\"*' "
          "ORDER BY s.rowid DESC LIMIT 50;")


def rows(code, rare, common, today):
    overdue = f" WHERE p.status IN {OPEN} AND p.deadline < '{today}' ORDER BY p.received DESC, p.id DESC"
    return [
        (["list", "--overdue", "--count"],
         f"SELECT count(*) FROM petitions WHERE status IN {OPEN} AND deadline < '{today}';"),
        (["list", "--overdue", "--limit", "50"], PAGE + overdue + " LIMIT 50;"),
        (["list", "--overdue"], PAGE + overdue + ";"),
        (["list", "--limit", "50"], PAGE + " ORDER BY p.received DESC, p.id DESC LIMIT 50;"),
        (["list", "--count"], "SELECT count(*) FROM petitions;"),
        (["list", "--search", rare, "--limit", "50"], SEARCH % rare),
        (["list", "--search", common, "--limit", "50"], SEARCH % common),
        (["show", code],
         "SELECT p.*, e.name, e.tax_code, z.name, c.code, a.code, a.name FROM petitions p "
         "JOIN enterprises e ON e.id = p.enterprise_id LEFT JOIN zones z ON z.id = e.zone_id "
         "LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN agencies a ON a.id = p.lead_agency_id "
         f"WHERE p.code = '{code}'; SELECT * FROM history WHERE petition_id = "
         f"(SELECT id FROM petitions WHERE code = '{code}') ORDER BY id;"),
    ]


def run(argv, devnull):
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        print("failed:", " ".join(argv), file=sys.stderr)
    return (time.monotonic() - t0) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    if len(sys.argv) < 8:
        sys.exit(__doc__)
    before, after, db, code, rare, common, today = sys.argv[1:8]
    rounds = int(sys.argv[8]) if len(sys.argv) > 8 else 15
    os.environ["ROVIEC_TODAY"] = today
    devnull = os.open("/dev/null", os.O_WRONLY)
    print("| command | before ms (CPU) | after ms (CPU) | sqlite3 ms (CPU) | ×shell before | ×shell after |")
    print("|---|--:|--:|--:|--:|--:|")
    for args, sql in rows(code, rare, common, today):
        argvs = {"b": [before, "--db", db, "petition"] + args, "a": [after, "--db", db, "petition"] + args,
                 "s": ["/usr/bin/sqlite3", "-bail", db, sql]}
        times = {k: [] for k in argvs}
        for _ in range(rounds):
            for k, argv in argvs.items():
                times[k].append(run(argv, devnull))
        med = {k: (statistics.median(t[0] for t in v), statistics.median(t[1] for t in v)) for k, v in times.items()}
        (b, bc), (a, ac), (s, sc) = med["b"], med["a"], med["s"]
        print(f"| `petition {' '.join(args)}` | {b:.0f} ({bc:.1f}) | {a:.0f} ({ac:.1f}) | {s:.0f} ({sc:.1f}) "
              f"| {b / s:.2f} | {a / s:.2f} |", flush=True)


if __name__ == "__main__":
    main()
