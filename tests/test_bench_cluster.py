"""bench/cluster.py's CPU slice: each host's budget is written as a CFS quota, and a wrapped command joins it.

The real cgroup file system is replaced by a folder, so this runs anywhere; what is
checked is what the slice writes and that the wrapped command enters it before it runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench import cluster


@pytest.fixture
def cgroup_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "cgroup.procs").write_text("")
    monkeypatch.setattr(cluster, "CPU_CGROUP", tmp_path)
    return tmp_path


def test_a_slice_writes_its_budget_as_a_quota_of_the_period(cgroup_root: Path) -> None:
    cluster.CpuSlice("host-a", 0.75)
    assert (cgroup_root / "host-a" / "cpu.cfs_period_us").read_text() == "100000"
    assert (cgroup_root / "host-a" / "cpu.cfs_quota_us").read_text() == "75000"


def test_a_wrapped_command_enters_the_slice_then_runs_with_its_own_arguments(cgroup_root: Path, tmp_path: Path) -> None:
    cpu = cluster.CpuSlice("host-b", 1.0)
    out = tmp_path / "ran.txt"
    command = cpu.wrap(["sh", "-c", 'echo "$$ $1" > "$2"', "sh", "with spaces", str(out)])
    done = subprocess.run(command, check=True)
    entered = (cgroup_root / "host-b" / "cgroup.procs").read_text().strip()
    pid, argument = out.read_text().strip().split(" ", 1)
    assert done.returncode == 0
    assert entered == pid  # exec keeps the process: the command itself is the one placed in the slice
    assert argument == "with spaces"


def test_throttled_time_is_read_in_seconds(cgroup_root: Path) -> None:
    cpu = cluster.CpuSlice("host-c", 0.5)
    (cgroup_root / "host-c" / "cpu.stat").write_text("nr_periods 10\nnr_throttled 3\nthrottled_time 2500000000\n")
    assert cpu.throttled_s() == 2.5


def test_without_the_cpu_controller_the_slice_says_what_is_missing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(cluster, "CPU_CGROUP", tmp_path / "absent")
    with pytest.raises(RuntimeError, match="cgroup v1's cpu controller"):
        cluster.CpuSlice("host-d", 0.5)


def test_a_two_host_figure_says_when_the_load_or_the_machine_capped_it() -> None:
    served_all = {"throughput_per_s": 280.0, "offered_per_s": 300.0, "machine_cores_used": 1.2}
    assert cluster.capped(served_all, cores=2) == ["the hosts served 93% of the load offered (300/s): add students"]
    busy = {"throughput_per_s": 310.0, "offered_per_s": 600.0, "machine_cores_used": 1.89}
    [warning] = cluster.capped(busy, cores=2)
    assert warning == "hosts, client, nginx and PostgreSQL used 1.89 of 2 cores: lower --host-cpu"
    headroom = {"throughput_per_s": 274.6, "offered_per_s": 600.0, "machine_cores_used": 1.56}
    assert cluster.capped(headroom, cores=2) == []
    killed = {"throughput_per_s": 114.3, "offered_per_s": None, "machine_cores_used": None}
    assert cluster.capped(killed, cores=2) == []
