"""The data folder's transactions: a kill at any step leaves all old or all new files, and
concurrent writers never lose each other's change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lea_rules.data.transaction import JOURNAL_NAME, StoreBusy, locked, recover, write_transaction

STEPS = ["staged", "journal-staged", "journal", "replaced-one"]
WRITE = """
import sys
from pathlib import Path
from lea_rules.data.transaction import locked, write_transaction
folder = Path(sys.argv[1])
with locked(folder):
    write_transaction(folder, {folder / n: "nieuw " + n + "\\n" for n in ("revisies.csv", "observaties.csv",
                                                                     "leveringen.csv")})
"""


def files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
            if p.is_file() and p.name != ".lea-import.lock"}


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_leaves_all_old_or_all_new(step: str, tmp_path: Path) -> None:
    names = ("revisies.csv", "observaties.csv", "leveringen.csv")
    for name in names:
        (tmp_path / name).write_text(f"oud {name}\n", encoding="utf-8")
    env = dict(os.environ, LEA_TEST_KILL_AT=step)
    result = subprocess.run([sys.executable, "-c", WRITE, str(tmp_path)], env=env, check=False)
    assert result.returncode == 137
    with locked(tmp_path):  # the next command finishes or discards what the killed one left
        pass
    after = files(tmp_path)
    assert set(after) == set(names), after  # no journal, no temporary file
    old = all(after[n] == f"oud {n}\n" for n in names)
    new = all(after[n] == f"nieuw {n}\n" for n in names)
    assert old or new
    assert new == (step in ("journal", "replaced-one"))  # once the journal exists, the change holds


def test_no_kill_writes_everything_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", WRITE, str(tmp_path)], check=False)
    assert result.returncode == 0
    assert sorted(files(tmp_path)) == ["leveringen.csv", "observaties.csv", "revisies.csv"]
    assert not recover(tmp_path)


COUNT = """
import sys, time
from pathlib import Path
from lea_rules.data.transaction import locked, write_transaction
folder = Path(sys.argv[1])
for _ in range(int(sys.argv[2])):
    with locked(folder):
        path = folder / "teller.csv"
        value = int(path.read_text()) if path.exists() else 0
        time.sleep(0.002)  # widen the read-modify-write window
        write_transaction(folder, {path: str(value + 1), folder / "log.csv": str(value + 1)})
"""


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    processes = [subprocess.Popen([sys.executable, "-c", COUNT, str(tmp_path), "15"]) for _ in range(4)]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0, 0]
    assert (tmp_path / "teller.csv").read_text() == "60"


def test_a_second_writer_that_waits_too_long_is_refused(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from lea_rules.data.transaction import locked\n"
                               "with locked(Path(sys.argv[1])):\n"
                               "    print('vast', flush=True); time.sleep(5)",
                               str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
        with pytest.raises(StoreBusy), locked(tmp_path, timeout=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_journal_is_finished_by_the_next_reader(tmp_path: Path) -> None:
    from lea_rules.data.transaction import ensure_consistent

    (tmp_path / "observaties.csv").write_text("oud\n", encoding="utf-8")
    (tmp_path / ".observaties.csv.abc.tmp").write_text("nieuw\n", encoding="utf-8")
    journal = '[{"staged": ".observaties.csv.abc.tmp", "target": "observaties.csv"}]'
    (tmp_path / JOURNAL_NAME).write_text(journal, encoding="utf-8")
    ensure_consistent(tmp_path)
    assert files(tmp_path) == {"observaties.csv": "nieuw\n"}


def test_a_journal_never_writes_outside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "elders.txt").write_text("blijft\n", encoding="utf-8")
    (folder / ".x.tmp").write_text("kwaad\n", encoding="utf-8")
    (folder / JOURNAL_NAME).write_text('[{"staged": ".x.tmp", "target": "../elders.txt"}]', encoding="utf-8")
    with locked(folder):
        pass
    assert (tmp_path / "elders.txt").read_text(encoding="utf-8") == "blijft\n"


def test_a_failure_before_the_journal_changes_nothing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from lea_rules.data import transaction

    (tmp_path / "a.csv").write_text("oud\n", encoding="utf-8")
    calls: list[Path] = []
    real_stage = transaction.stage

    def failing_stage(path: Path) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "schijf vol")
        return real_stage(path)

    monkeypatch.setattr(transaction, "stage", failing_stage)
    with pytest.raises(OSError), locked(tmp_path):
        write_transaction(tmp_path, {tmp_path / "a.csv": "nieuw\n", tmp_path / "b.csv": "nieuw\n"})
    assert files(tmp_path) == {"a.csv": "oud\n"}


ROOT = Path(__file__).resolve().parent.parent


def _lea(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "lea_rules", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _rows(folder: Path) -> list[str]:
    return (folder / "observaties.csv").read_text(encoding="utf-8").splitlines()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "hengelo"
    shutil.copytree(ROOT / "data" / "hengelo", folder)
    return folder


def test_two_imports_at_once_both_land(store: Path, tmp_path: Path) -> None:
    agenda = str(ROOT / "agendas" / "hengelo.lea")
    for trial in range(6):
        a, b = tmp_path / f"a{trial}.csv", tmp_path / f"b{trial}.csv"
        head = "indicator;periode;waarde;bron\n"
        a.write_text(head + f"thuiszitters;{2030 + trial}/{2031 + trial};{10 + trial};a\n", encoding="utf-8")
        b.write_text(head + f"zomerschool-deelnemers;{2030 + trial};{100 + trial};b\n", encoding="utf-8")
        runs = [_lea("import", str(f), "--agenda", agenda, "--data", str(store)) for f in (a, b)]
        results = [(p.wait(timeout=120), p.communicate()) for p in runs]
        assert [code for code, _ in results] == [0, 0], results
        rows = _rows(store)
        assert any(r.startswith(f"thuiszitters;{2030 + trial}/{2031 + trial};;{10 + trial};a;") for r in rows)
        assert any(r.startswith(f"zomerschool-deelnemers;{2030 + trial};;{100 + trial};b;") for r in rows)


@pytest.mark.parametrize("step", STEPS)
def test_a_killed_import_is_all_or_nothing_and_records_its_revision_once(
        step: str, store: Path, tmp_path: Path) -> None:
    agenda = str(ROOT / "agendas" / "hengelo.lea")
    file = tmp_path / "herzien.csv"
    stored = next(r for r in _rows(store) if r.startswith("thuiszitters;2024/2025;"))
    fields = stored.split(";")
    file.write_text("indicator;periode;waarde;bron;status;illustratief;toelichting\n"
                    f"thuiszitters;2024/2025;99;{fields[4]};{fields[5]};{fields[6]};{fields[8]}\n",
                    encoding="utf-8")
    before = {p.name: p.read_bytes() for p in store.iterdir()}
    killed = _lea("import", str(file), "--agenda", agenda, "--data", str(store), "--reden", "correctie",
                  env=dict(os.environ, LEA_TEST_KILL_AT=step))
    assert killed.wait(timeout=120) == 137
    check = _lea("check", str(store / "observaties.csv"), "--agenda", agenda)  # a reader comes next
    assert check.wait(timeout=120) == 0, check.communicate()
    after = {p.name: p.read_bytes() for p in store.iterdir() if p.name != ".lea-import.lock"}
    assert not [n for n in after if n.endswith(".tmp") or n == JOURNAL_NAME]
    landed = any(r.startswith("thuiszitters;2024/2025;;99;") for r in _rows(store))
    assert landed == (step in ("journal", "replaced-one"))
    if not landed:
        assert after == before
    again = _lea("import", str(file), "--agenda", agenda, "--data", str(store), "--reden", "correctie")
    assert again.wait(timeout=120) == 0, again.communicate()
    revisions = (store / "revisies.csv").read_text(encoding="utf-8")
    assert revisions.count("thuiszitters;2024/2025;;") == 1
