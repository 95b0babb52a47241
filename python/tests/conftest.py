"""Shared helpers: the installed ``linkage`` command, run as a user runs it, is the
reference every Python call is checked against."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import linkage

REPO = Path(__file__).resolve().parents[2]


def command() -> str:
    """The ``linkage`` on PATH: the wheel's console script in CI's fresh venv."""
    found = shutil.which("linkage")
    assert found, "the linkage command is not on PATH: install the package first"
    return found


def run(*words: str, check_code: bool = True) -> subprocess.CompletedProcess[str]:
    """Runs ``linkage WORDS`` with stdout a pipe (so never paged), colour off."""
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([command(), *words], capture_output=True, text=True, env=env)
    if check_code:
        assert done.returncode in (0, 1), done.stderr
    return done


def run_json(*words: str) -> tuple[object, bool]:
    """The command's ``--json`` output, parsed, and whether it found anything."""
    done = run(*words, "--json")
    return json.loads(done.stdout), done.returncode == 0


@pytest.fixture(scope="session")
def g() -> linkage.Graph:
    return linkage.load()
