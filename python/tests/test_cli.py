"""The package's ``linkage`` command is the binary's program: output, exit codes,
errors, the pager only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import linkage
from conftest import REPO, command, run


def test_readme_main_command_prints_the_comparison_and_exits_0():
    done = run("diff", "tpa", "rr")
    assert done.returncode == 0
    assert done.stdout.startswith("Targeted poverty alleviation and Rural revitalization")


def test_exit_codes_are_0_found_1_nothing_2_error():
    assert run("show", "tpa").returncode == 0
    assert run("path", "second-centenary-goal", "cpc").returncode == 1
    bad = run("show", "no-such-node", check_code=False)
    assert bad.returncode == 2
    assert bad.stderr.startswith('error: no node matches "no-such-node"')
    assert bad.stdout == ""
    usage = run("path", "tpa", check_code=False)
    assert usage.returncode == 2 and "required" in usage.stderr


def test_help_and_version_come_from_the_same_parser():
    assert run("--version").stdout == f"linkage {linkage.__version__}\n"
    assert run("--help").stdout.startswith("Model the logic of academic papers")


def test_the_shipped_data_checks_against_the_texts():
    done = run("check", "--sources", str(REPO / "data" / "texts"))
    assert done.returncode == 0, done.stderr


def pager_script(tmp_path):
    pager = tmp_path / "pager"
    pager.write_text("#!/bin/sh\necho PAGED-BY-TEST\ncat >/dev/null\n")
    pager.chmod(0o755)
    return str(pager)


def test_no_pager_through_a_pipe(tmp_path):
    env = {**os.environ, "LINKAGE_PAGER": pager_script(tmp_path)}
    done = subprocess.run([command(), "show", "tpa"], capture_output=True, text=True, env=env)
    assert "PAGED-BY-TEST" not in done.stdout
    assert done.stdout.startswith("Targeted poverty alleviation")


def test_the_pager_on_a_terminal(tmp_path):
    env = {**os.environ, "LINKAGE_PAGER": pager_script(tmp_path)}
    primary, secondary = pty.openpty()
    process = subprocess.Popen([command(), "show", "tpa"], stdout=secondary,
                               stderr=subprocess.DEVNULL, env=env)
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait() == 0
    os.close(primary)
    assert b"PAGED-BY-TEST" in seen
    assert b"Targeted poverty alleviation" not in seen


def test_the_module_runs_as_the_command_too():
    done = subprocess.run([sys.executable, "-c", "import linkage._cli as c; c.main()",
                           "show", "tpa", "--brief"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout == run("show", "tpa", "--brief").stdout


def test_the_command_starts_without_importing_the_library_layer():
    # The console script imports the package first; what it offers is imported lazily.
    code = ("import sys, linkage._cli; "
            "print(sorted(m for m in ('linkage._graph', 'dataclasses', 'csv', 'json') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_completions_call_the_console_script_back_and_answer(tmp_path):
    # The registration names the script on PATH, not the Python interpreter that runs it.
    script = run("completions", "bash").stdout
    assert f'"{command()}" -- ' in script, script
    assert sys.executable not in script
    # The call a shell makes for `linkage show tp<TAB>`.
    env = dict(os.environ, LINKAGE_COMPLETE="bash", _CLAP_COMPLETE_INDEX="2",
               _CLAP_COMPLETE_COMP_TYPE="9", _CLAP_COMPLETE_SPACE="false")
    done = subprocess.run([command(), "--", "linkage", "show", "tp"], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "tpa" in done.stdout.split(), done.stdout
