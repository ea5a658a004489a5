"""The guard in conftest.py that fails the run when a test writes into the repository can see writes."""

from .conftest import REPOSITORY, repository_snapshot, snapshot_changes


def test_snapshot_sees_added_changed_and_removed_files(tmp_path):
    (tmp_path / "blijft.txt").write_text("a", encoding="utf-8")
    (tmp_path / "weg.txt").write_text("b", encoding="utf-8")
    (tmp_path / ".hypothesis").mkdir()
    before = repository_snapshot(tmp_path)
    (tmp_path / "weg.txt").unlink()
    (tmp_path / "nieuw" / "data" / "raw").mkdir(parents=True)
    (tmp_path / "nieuw" / "data" / "raw" / "gemeenten.csv").write_text("x", encoding="utf-8")
    (tmp_path / "blijft.txt").write_text("anders", encoding="utf-8")
    (tmp_path / ".hypothesis" / "cache").write_text("tool cache", encoding="utf-8")
    assert snapshot_changes(before, repository_snapshot(tmp_path)) == [
        "+ nieuw/data/raw/gemeenten.csv", "- weg.txt", "~ blijft.txt"]


def test_the_repository_snapshot_covers_the_project():
    files = repository_snapshot(REPOSITORY)
    assert "README.md" in files and "notebooks/rapporten/gemeenterapport.ipynb" in files
    assert not any(path.startswith((".git/", ".venv/")) for path in files)
