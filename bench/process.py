"""One whole process timed, for every script of bench/compare: wall time, cpu time and
peak memory.

Peak memory is read from GNU time (`/usr/bin/time -f %M`), not from this process's
os.wait4: a child forked from Python starts as a copy of the Python process, and
Linux keeps the largest resident size a process had, across its `exec`, so wait4 of
a child reports at least the size of the benchmark's own interpreter (63 MB with
matplotlib and the peers' results loaded; every small run read 63 MB). GNU time is a
process of about 1 MB that forks the command itself, so what it reports is the
command's own peak. cpu time (user and system, the command's included) still comes
from wait4, which is exact.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

TIME = shutil.which("time", path="/usr/bin:/bin") or sys.exit(
    "bench needs GNU time at /usr/bin/time for peak memory (apt-get install time)")


def run(argv, stdin=None, env=None, ok=(0, 1), keep_output=True):
    """(wall seconds, peak MB, cpu seconds, stdout text) of one whole process. Stops the
    benchmark unless it exits with a code in `ok` (linkage exits 1 when it finds
    nothing). `stdin`: a file's path, else no input; `keep_output=False` sends stdout
    to /dev/null unread."""
    with tempfile.NamedTemporaryFile("r", prefix="bench-peak-", suffix=".txt") as peak:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [TIME, "-f", "%M", "-o", peak.name, *argv],
            stdin=subprocess.DEVNULL if stdin is None else open(stdin),
            stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=env)
        out = proc.stdout.read() if keep_output else b""
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            sys.exit(f"{' '.join(argv)} exited {code}: {err.decode()[-2000:]}")
        # GNU time writes "Command exited with non-zero status N" before the figure
        # when the command fails; the figure is the last line.
        kilobytes = int(peak.read().split()[-1])
    return wall, kilobytes / 1024, usage.ru_utime + usage.ru_stime, out.decode()
