"""Where the package may write: folders it owns, files written atomically, leftovers of killed runs.

Every folder the package fills (``data/processed/``, ``reports/``, an export folder) carries a
marker file, ``.evaluatie-map.json``, that says which kind of output it holds and — for a folder
that is replaced whole — which files the package wrote there. A folder is only replaced or
written into when it is ours: it is new or empty, or it carries our marker and holds nothing
else. No guessing from what a folder holds: an unmarked folder with files in it is never ours.
``data/raw/``, every folder inside or above it, and the project root never are.

What a stopped run leaves is removed only when the package can prove it made it: temporary files
carry the package's name and the process id in theirs, and the folders it builds beside or inside
its own carry a marker. Nothing is written through a symbolic link below the folder the package
owns (a linked subfolder would take the output, or the deletion, into a folder of the user's).

Example
-------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "verwerkt"
>>> claim_folder(folder, PROCESSED_KIND)      # a new folder becomes ours
>>> is_ours(folder, PROCESSED_KIND)
True
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from evaluatie.errors import OperationalError, OutputRefused

MARKER = ".evaluatie-map.json"
#: The lock file of a folder one run writes at a time (``reports/``).
LOCK_FILE = ".evaluatie-slot"
PROCESSED_KIND = "verwerkt"
REPORTS_KIND = "rapporten"
#: Files a fresh checkout or a user's file manager may put in an otherwise empty folder.
IGNORABLE = {".gitkeep", ".DS_Store", "Thumbs.db", "desktop.ini"}


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def _inside(path: Path, other: Path) -> bool:
    """Whether ``path`` is ``other`` or lies inside it (both resolved)."""
    return path == other or other in path.parents


def is_inside(path: Path, other: Path) -> bool:
    """Whether ``path`` is ``other`` or lies inside it, after resolving both.

    Example
    -------
    >>> is_inside(Path("/a/b/c"), Path("/a/b")), is_inside(Path("/a/bc"), Path("/a/b"))
    (True, False)
    """
    return _inside(_resolved(path), _resolved(other))


def read_marker(folder: Path) -> dict | None:
    """The marker of ``folder`` (its kind and files), or None when it has none or it is unreadable."""
    try:
        marker = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and isinstance(marker.get("soort"), str) else None


def write_marker(folder: Path, kind: str, files: list[str] | None = None) -> None:
    """Mark ``folder`` as holding the package's output of ``kind`` (and, optionally, exactly ``files``)."""
    marker = {"soort": kind, "pakket": "evaluatie"}
    if files is not None:
        marker["bestanden"] = sorted(files)
    write_atomically(Path(folder) / MARKER, json.dumps(marker, ensure_ascii=False, indent=1))


def foreign_entries(folder: Path, kind: str, known: set[str] | None = None, nested: bool = False) -> list[str] | None:
    """What in ``folder`` the package did not write, or None when the folder is not ours at all.

    A folder is ours when it does not exist, holds nothing but :data:`IGNORABLE` files, or carries
    a marker of ``kind``; an unmarked folder with anything else in it is not ours, whatever its files
    are called. Of a marked folder, the entries that neither the marker nor ``known`` name come back
    (temporary files of ours excepted). With ``nested``, folders that carry
    a marker of their own count as ours too (``reports/echt/<netwerk>/processed``).
    """
    folder = Path(folder)
    if not folder.exists():
        return []
    if not folder.is_dir():
        return None
    entries = [entry for entry in folder.iterdir() if entry.name not in IGNORABLE]

    def ours(entry: Path) -> bool:
        return _is_temporary(entry.name) or (nested and _marked_tree(entry))

    marker = read_marker(folder)
    if marker is None:  # ours only when it holds nothing but what is provably ours (no guessing from names)
        return [] if all(nested and _marked_tree(entry) for entry in entries) else None
    if marker["soort"] != kind:
        return None
    allowed = {MARKER, *(known or ()), *marker.get("bestanden", ())}
    return sorted(entry.name for entry in entries if entry.name not in allowed and not ours(entry))


def _marked_tree(folder: Path, depth: int = 3) -> bool:
    """Whether ``folder`` carries a marker, or holds only folders that do (``reports/echt/<netwerk>``)."""
    if not folder.is_dir() or depth < 0:
        return False
    if read_marker(folder) is not None:
        return True
    entries = [entry for entry in folder.iterdir() if entry.name not in IGNORABLE]
    return bool(entries) and all(_marked_tree(entry, depth - 1) for entry in entries)


def is_ours(folder: Path, kind: str, known: set[str] | None = None, nested: bool = False) -> bool:
    """Whether the package may write into (or replace) ``folder``: see :func:`foreign_entries`."""
    return foreign_entries(folder, kind, known, nested) == []


def check_output_folder(folder: Path, kind: str, option: str, untouchable: tuple[Path, ...] = (),
                        must_not_hold: tuple[Path, ...] = (), known: set[str] | None = None,
                        nested: bool = False) -> None:
    """Refuse (:class:`~evaluatie.errors.OutputRefused`) to write ``kind`` output to ``folder`` when it is
    not ours.

    ``untouchable`` folders (``data/raw``) may not be ``folder``, lie inside it or hold it;
    ``must_not_hold`` paths (the project root, the corrections file) may not be ``folder`` or lie inside
    it. ``option`` names the command-line option in the message.
    """
    refuse_links(folder, itself=False)  # a linked subfolder of a folder of ours is the user's folder
    target = _resolved(folder)
    for other in map(_resolved, untouchable):
        if _inside(target, other) or _inside(other, target):
            relation = "is" if target == other else "ligt in" if _inside(target, other) else "bevat"
            raise OutputRefused(f"{option} {folder}: deze map {relation} {other}, en daar schrijft het pakket "
                                "nooit. Oplossing: kies een eigen map, bijvoorbeeld de standaardmap.")
    for other in map(_resolved, must_not_hold):
        if _inside(other, target):
            relation = "is" if target == other else "bevat"
            raise OutputRefused(f"{option} {folder}: deze map {relation} {other}, dat nooit overschreven wordt. "
                                "Oplossing: kies een eigen map, bijvoorbeeld de standaardmap.")
    home = _resolved(Path(os.environ.get("HOME", "/")))
    if target == Path(target.anchor) or target == home or _inside(home, target):
        raise OutputRefused(f"{option} {folder}: dit is de hoofdmap van de schijf of (een map boven) uw thuismap. "
                            "Oplossing: kies een eigen, nieuwe map.")
    foreign = foreign_entries(target, kind, known, nested)
    if foreign is None:
        what = "geen map" if target.exists() and not target.is_dir() else "niet door dit pakket gemaakt"
        raise OutputRefused(f"{option} {folder}: deze map is {what} en wordt daarom niet gebruikt (er ontbreekt "
                            f"een {MARKER} van soort '{kind}'). Oplossing: kies een nieuwe of lege map.")
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" en nog {len(foreign) - 5}" if len(foreign) > 5 else "")
        raise OutputRefused(f"{option} {folder}: deze map bevat bestanden die het pakket niet schreef ({shown}). "
                            "Oplossing: verplaats ze naar een andere map, of kies een nieuwe map.")


def claim_folder(folder: Path, kind: str, option: str = "map", untouchable: tuple[Path, ...] = (),
                 must_not_hold: tuple[Path, ...] = (), known: set[str] | None = None, nested: bool = False) -> None:
    """Check ``folder`` with :func:`check_output_folder`, create it, and mark it as ours."""
    check_output_folder(folder, kind, option, untouchable, must_not_hold, known, nested)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if read_marker(folder) is None:
        write_marker(folder, kind)


# --------------------------------------------------------------------------- atomic files and leftovers

#: The package's token in the names of what it writes for a moment (temporary files, folders being built).
TOKEN = "evaluatie"
_TEMPORARY = re.compile(rf"^\.(?P<name>.+)\.{TOKEN}-(?P<pid>\d+)\.[^.]*\.tmp$")
_STAGING = re.compile(rf"^\.(?P<name>.+)\.{TOKEN}-(?:nieuw|oud)-(?P<pid>\d+)$")
_WORKDIR = re.compile(rf"^\.werk-{TOKEN}-(?P<pid>\d+)-.+$")
#: Marker kind of a working folder (``.werk-…``): its marker proves the package made it.
WORK_KIND = "werkmap"


def _is_temporary(name: str) -> bool:
    return bool(_TEMPORARY.match(name) or _WORKDIR.match(name))


def refuse_links(path: Path, itself: bool = True) -> None:
    """Refuse (:class:`~evaluatie.errors.OutputRefused`) to write ``path`` when it, or a folder between it
    and the nearest folder the package marked as its own, is a symbolic link: the write would land in,
    or replace, something outside the package's folder. Without a marked folder above it (a file or
    folder the user named), only ``path`` itself is checked, and with ``itself=False`` not even that (a
    reports folder may well be a link to a shared drive)."""
    path = Path(os.path.abspath(Path(path).expanduser()))
    between = [path]
    for parent in path.parents:
        if (parent / MARKER).is_file():
            break
        between.append(parent)
    else:
        between = [path] if itself else []
    for entry in between:
        if entry.is_symlink():
            raise OutputRefused(f"{entry}: dit is een symbolische link (naar {os.path.realpath(entry)}); het pakket "
                                "schrijft en verwijdert niet via een link buiten zijn eigen map. Oplossing: verwijder "
                                "de link of kies een andere map.")


def write_with(path: Path, writer) -> Path:
    """Let ``writer(temporary)`` write a temporary file beside ``path`` (named with this process's id, so
    :func:`remove_leftovers` recognises it) and rename it into place: a reader sees the old file or the
    new one, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_links(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{TOKEN}-{os.getpid()}.", suffix=".tmp")
    os.close(fd)
    temporary = Path(name)
    try:
        writer(temporary)
        make_readable(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        if exc.filename is None:  # a failed write names no file: name the one being written
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


@contextlib.contextmanager
def listed_files(folder: Path, kind: str, names):
    """Write the files ``names`` into ``folder`` (ours, of ``kind``) inside this block: first the marker lists
    them beside what it listed before, so a run stopped half-way leaves a folder that is still ours; when the
    block ends, the marker lists exactly ``names`` and the files it listed before that are no longer made are
    removed (only those: listed by us; a file that is gone, or a folder in its place, is left alone). When the
    block raises, nothing is removed."""
    folder, names = Path(folder), set(names)
    earlier = set((read_marker(folder) or {}).get("bestanden", ())) - {MARKER}
    write_marker(folder, kind, sorted(earlier | names))
    yield
    write_marker(folder, kind, sorted(names))
    for name in sorted(earlier - names):
        if (folder / name).is_file():
            remove_file(folder / name)


def remove_file(path: Path) -> None:
    """Delete ``path`` if it is there, never through a symbolic link (see :func:`refuse_links`)."""
    refuse_links(path)
    Path(path).unlink(missing_ok=True)


def write_atomically(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` with :func:`write_with`."""
    return write_with(path, lambda temporary: temporary.write_bytes(data.encode("utf-8") if isinstance(data, str)
                                                                    else data))


def make_readable(path: Path) -> None:
    """Give a file the permissions the umask allows (``mkstemp`` makes 0600; a report is for reading)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def staging_folder(folder: Path, state: str) -> Path:
    """``.<name>.evaluatie-nieuw-<pid>`` or ``.<name>.evaluatie-oud-<pid>`` beside ``folder``: where a
    replacement is built (the caller marks it as soon as it makes it)."""
    folder = Path(folder)
    return folder.parent / f".{folder.name}.{TOKEN}-{state}-{os.getpid()}"


def work_folder(parent: Path) -> Path:
    """A new private working folder ``.werk-evaluatie-<pid>-…`` inside ``parent``, marked as the
    package's (removed by the caller)."""
    Path(parent).mkdir(parents=True, exist_ok=True)
    refuse_links(Path(parent) / "werk")
    folder = Path(tempfile.mkdtemp(dir=parent, prefix=f".werk-{TOKEN}-{os.getpid()}-"))
    write_marker(folder, WORK_KIND)
    return folder


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but is someone else's: leave its files alone
    return True


def _provably_ours(entry: Path) -> bool:
    """Whether a leftover named like ours was made by the package: a regular file with the package's
    token in its name, or a folder (not a link) that is empty or carries the package's marker."""
    if entry.is_symlink():
        return False
    if _TEMPORARY.match(entry.name):
        return entry.is_file()
    return entry.is_dir() and (read_marker(entry) is not None or not any(entry.iterdir()))


def remove_leftovers(folder: Path) -> list[str]:
    """Remove what killed runs left in ``folder``: temporary files, working folders and half-built
    replacements whose process no longer runs and that the package can prove it made (see
    :func:`_provably_ours`). Returns the names removed."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    removed = []
    for entry in folder.iterdir():
        match = _TEMPORARY.match(entry.name) or _STAGING.match(entry.name) or _WORKDIR.match(entry.name)
        if match is None or _alive(int(match.group("pid"))) or not _provably_ours(entry):
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry.name)
    return sorted(removed)


@contextlib.contextmanager
def folder_lock(folder: Path, option: str = "map"):
    """Hold ``folder``'s lock for the duration (an advisory ``flock`` on :data:`LOCK_FILE`, released by the
    system when the process ends, however it ends): a second run on the same folder is refused with
    :class:`~evaluatie.errors.OperationalError` naming the process that holds it, so that two batches
    never leave one folder mixed."""
    import fcntl

    path = Path(folder) / LOCK_FILE
    refuse_links(path)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the duration of the context
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "onbekend"
            raise OperationalError(f"{option} {folder}: in deze map loopt al een andere run (proces {holder}). "
                                   "Oplossing: wacht tot die klaar is, of kies een andere map.") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield path
    finally:
        handle.close()
